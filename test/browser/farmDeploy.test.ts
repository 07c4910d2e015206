// deploy --farm on the test farm: one run for every wiki, the notices data copied from Meta to the
// others, a second run that changes nothing, a dry run, --only, a failing wiki beside working ones,
// and a copy edited on its wiki kept as a conflict until --replace-copies. Every page it changes is
// restored afterwards: the other test files share the farm.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES_PAGE } from '../../scripts/lib/definition.mjs';
import { booksWiki, contentShifts, enWiki, farm, launch, notices, noticesRevision, observeContentShifts, open, readPageText, savePageText, url, wiki, withoutGadget, zhWiki } from './helpers';

const ROOT = path.resolve( __dirname, '../..' );
const run = promisify( execFile );
const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-farm-deploy-' ) );
const WIKIS = [ wiki, zhWiki, enWiki, booksWiki ];
const COPIES = [ zhWiki, enWiki, booksWiki ];
type Target = typeof wiki;

/** A farm file for these wikis (Meta first: the source), with more entries or changes. */
function farmFile( name: string, wikis: Record<string, unknown>[] = WIKIS.map( ( w ) => ( { id: w.id, api: w.api } ) ) ): string {
	const file = path.join( dir, `${ name }.json` );
	fs.writeFileSync( file, JSON.stringify( { wikis, accounts: { bot: wiki.bot } } ) );
	return file;
}

/** Runs deploy --farm as a script would (stdin not a terminal), without credentials in the environment. */
async function deploy( args: string[] ) {
	const env = { ...process.env, OAN_BOT_USER: '', OAN_BOT_PASSWORD: '' };
	try {
		const { stdout, stderr } = await run( process.execPath, [ 'scripts/deploy.mjs', '--allow-dirty', ...args ], { cwd: ROOT, env } );
		return { code: 0, stdout, stderr };
	} catch ( e: any ) {
		return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
	}
}

/** Raises the first notice's revision on Meta, as an interface admin would; the new revision id. */
async function raiseOnMeta(): Promise<number> {
	const data = await notices( wiki );
	data.notices[ 0 ].revision++;
	await savePageText( NOTICES_PAGE, JSON.stringify( data, null, '\t' ), {}, wiki );
	return noticesRevision( wiki );
}

/** The table's row for a wiki, as its cells. */
function tableRow( stdout: string, id: string ): string[] {
	const line = stdout.split( '\n' ).find( ( l ) => l.startsWith( `${ id } ` ) && /\d+\.\d$/.test( l ) );
	return line ? line.split( /\s{2,}/ ) : [];
}

const original = new Map<string, string | null>();

beforeAll( async () => {
	for ( const w of WIKIS ) {
		original.set( w.id, await readPageText( NOTICES_PAGE, w ) );
	}
} );

afterAll( async () => {
	for ( const w of WIKIS ) {
		const text = original.get( w.id );
		if ( text !== null && text !== undefined && await readPageText( NOTICES_PAGE, w ) !== text ) {
			await savePageText( NOTICES_PAGE, text, {}, w );
		}
	}
	fs.rmSync( dir, { recursive: true, force: true } );
} );

describe( 'deploy --farm', () => {
	it( 'copies Meta\'s edited notices data to every wiki in one run, and a second run changes nothing', async () => {
		// The wikis' pages hold Meta's data, but are no copies yet: the first run makes them copies.
		const takeover = await deploy( [ '--farm', farmFile( 'all' ), '--yes' ] );
		expect( takeover.code, takeover.stdout + takeover.stderr ).toBe( 0 );
		for ( const w of COPIES ) {
			expect( tableRow( takeover.stdout, w.id )[ 2 ] ).toBe( 'updated' );
			expect( ( await notices( w ) ).copiedFrom ).toEqual( { wiki: 'metawiki', revision: await noticesRevision( wiki ) } );
		}
		const revision = await raiseOnMeta();
		const first = await deploy( [ '--farm', farmFile( 'all' ), '--yes' ] );
		expect( first.stderr ).toBe( '' );
		expect( first.code ).toBe( 0 );
		expect( first.stdout ).toContain( `the notices data: metawiki's revision ${ revision }, checked; reading 4 wiki(s), 3 at a time` );
		expect( first.stdout ).toMatch( /^wiki\s+gadget pages\s+notices copy\s+unchanged\s+conflicts\s+errors\s+seconds$/m );
		expect( tableRow( first.stdout, 'metawiki' )[ 2 ] ).toBe( 'source' );
		const raised = ( await notices( wiki ) ).notices[ 0 ].revision;
		for ( const w of COPIES ) {
			expect( tableRow( first.stdout, w.id ).slice( 2, 6 ) ).toEqual( [ 'updated', expect.any( String ), '0', '0' ] );
			const copy = await notices( w );
			expect( copy.copiedFrom ).toEqual( { wiki: 'metawiki', revision } );
			expect( copy.notices[ 0 ].revision ).toBe( raised );
		}
		const revisions = await Promise.all( COPIES.map( noticesRevision ) );
		const second = await deploy( [ '--farm', farmFile( 'all' ), '--yes' ] );
		expect( second.code ).toBe( 0 );
		expect( second.stdout ).not.toMatch( /^\[\w+\] (edited|created)/m );
		for ( const w of WIKIS ) {
			expect( tableRow( second.stdout, w.id ).slice( 1, 3 ) ).toEqual( [ '0', w === wiki ? 'source' : 'unchanged' ] );
		}
		expect( await Promise.all( COPIES.map( noticesRevision ) ) ).toEqual( revisions );
	} );

	it( 'saves nothing in a dry run, and only on the wikis --only names', async () => {
		const revision = await raiseOnMeta();
		const before = await Promise.all( COPIES.map( noticesRevision ) );
		const dry = await deploy( [ '--farm', farmFile( 'all' ), '--dry-run', '--diffs' ] );
		expect( dry.code ).toBe( 0 );
		expect( dry.stdout ).toContain( 'dry run: 3 page(s) on 3 wiki(s) would change; nothing was saved' );
		expect( dry.stdout ).toMatch( /^ {4}-\t+"revision": \d+,$/m );
		expect( tableRow( dry.stdout, 'enwiki' )[ 2 ] ).toBe( 'would be updated' );
		expect( await Promise.all( COPIES.map( noticesRevision ) ) ).toEqual( before );
		const only = await deploy( [ '--farm', farmFile( 'all' ), '--yes', '--only', 'zhwiki' ] );
		expect( only.code ).toBe( 0 );
		expect( only.stdout ).toContain( 'reading 1 wiki(s)' );
		expect( tableRow( only.stdout, 'zhwiki' )[ 2 ] ).toBe( 'updated' );
		expect( tableRow( only.stdout, 'enwiki' ) ).toEqual( [] );
		expect( ( await notices( zhWiki ) ).copiedFrom.revision ).toBe( revision );
		expect( await noticesRevision( enWiki ) ).toBe( before[ 1 ] );
	} );

	it( 'gives a wiki that fails its row and one line, goes on with the others, and exits 1', async () => {
		const revision = await noticesRevision( wiki );
		const file = farmFile( 'failing', [
			{ id: wiki.id, api: wiki.api },
			{ id: 'frwiki', api: `http://fr.wikipedia.test:${ farm.port }/api.php` },
			{ id: enWiki.id, api: enWiki.api, bot: { username: wiki.bot.username, password: 'wrong password' } },
			{ id: booksWiki.id, api: booksWiki.api }
		] );
		const r = await deploy( [ '--farm', file, '--yes' ] );
		expect( r.code ).toBe( 1 );
		expect( tableRow( r.stdout, 'frwiki' )[ 5 ] ).toBe( '1' );
		expect( tableRow( r.stdout, 'enwiki' )[ 5 ] ).toBe( '1' );
		expect( r.stdout ).toMatch( /^frwiki: .*HTTP 404/m );
		expect( r.stdout ).toMatch( /^enwiki: login failed/m );
		expect( tableRow( r.stdout, 'zhwikibooks' ).slice( 2, 6 ) ).toEqual( [ 'updated', expect.any( String ), '0', '0' ] );
		expect( ( await notices( booksWiki ) ).copiedFrom.revision ).toBe( revision );
		expect( ( await notices( enWiki ) ).copiedFrom.revision ).not.toBe( revision );
	} );

	it( 'keeps a copy edited on its wiki as a conflict, with its diff, and replaces it only with --replace-copies', async () => {
		const edited = await notices( enWiki );
		edited.notices[ 0 ].title.en = 'Edited on enwiki';
		await savePageText( NOTICES_PAGE, JSON.stringify( edited, null, '\t' ), {}, enWiki );
		const kept = await deploy( [ '--farm', farmFile( 'all' ), '--yes' ] );
		expect( kept.code ).toBe( 1 );
		expect( tableRow( kept.stdout, 'enwiki' ).slice( 2, 6 ) ).toEqual( [ 'conflict, kept', expect.any( String ), '1', '0' ] );
		expect( kept.stdout ).toContain( `conflict   ${ NOTICES_PAGE }: edited on the wiki since the copy of metawiki's revision` );
		expect( kept.stdout ).toMatch( /^ {4}-\s+"en": "Edited on enwiki",$/m );
		expect( ( await notices( enWiki ) ).notices[ 0 ].title.en ).toBe( 'Edited on enwiki' );
		const replaced = await deploy( [ '--farm', farmFile( 'all' ), '--yes', '--replace-copies', '--only', 'enwiki' ] );
		expect( replaced.code ).toBe( 0 );
		expect( tableRow( replaced.stdout, 'enwiki' )[ 2 ] ).toBe( 'replaced' );
		const copy = await notices( enWiki );
		const source = await notices( wiki );
		expect( copy.notices ).toEqual( source.notices );
		expect( copy.copiedFrom ).toEqual( { wiki: 'metawiki', revision: await noticesRevision( wiki ) } );
	} );

	it( 'takes the room out of every wiki\'s definition when the last notice has ended, so no page closes up; puts it back for a notice shown again', async () => {
		const before = ( await readPageText( NOTICES_PAGE, wiki ) )!;
		const ended = JSON.parse( before );
		ended.notices[ 0 ].end = '2021-10-01';
		await savePageText( NOTICES_PAGE, JSON.stringify( ended, null, '\t' ), {}, wiki );
		const mainLine = async ( target: Target ) => ( ( await readPageText( 'MediaWiki:Gadgets-definition', target ) ) || '' ).split( '\n' ).find( ( l ) => /^\* office-action-notice\[/.test( l ) )!;
		try {
			// What a timer runs (docs/development.md): every wiki, no question, the definition too.
			const scheduled = await deploy( [ '--farm', farmFile( 'all' ), '--yes', '--definition', '--replace-copies' ] );
			expect( scheduled.code, scheduled.stdout + scheduled.stderr ).toBe( 0 );
			for ( const w of WIKIS ) {
				expect( await mainLine( w ), w.id ).not.toContain( 'peers=' );
			}
			// Run again with nothing changed: no edit anywhere.
			const again = await deploy( [ '--farm', farmFile( 'all' ), '--yes', '--definition' ] );
			expect( again.code ).toBe( 0 );
			expect( again.stdout ).not.toMatch( /^\[\w+\] (edited|created)/m );

			// A reader of zhwiki: no notice, and no room that closes, against the page without the gadget.
			const browser = await launch();
			try {
				const shiftsOf = async ( control: boolean ) => {
					const { context, page } = await open( browser );
					await observeContentShifts( context );
					if ( control ) {
						await withoutGadget( page );
					}
					await page.goto( url( '首页', {}, zhWiki ) );
					await page.waitForLoadState( 'load' );
					if ( !control ) {
						await page.waitForFunction( () => ( window as any ).oanReadyCount > 0 );
					}
					await page.evaluate( () => new Promise( ( r ) => {
						requestAnimationFrame( () => requestAnimationFrame( r ) );
					} ) );
					const result = { ...await contentShifts( page ), notices: await page.locator( '.oan-notice, .oan-minimised' ).count() };
					await context.close();
					return result;
				};
				const control = await shiftsOf( true );
				const gadget = await shiftsOf( false );
				expect( gadget.notices ).toBe( 0 );
				expect( gadget.total - control.total, JSON.stringify( gadget.shifts ) ).toBeLessThanOrEqual( 0.001 );
			} finally {
				await browser.close();
			}
		} finally {
			await savePageText( NOTICES_PAGE, before, {}, wiki );
			const back = await deploy( [ '--farm', farmFile( 'all' ), '--yes', '--definition', '--replace-copies' ] );
			expect( back.code, back.stdout + back.stderr ).toBe( 0 );
		}
		for ( const w of WIKIS ) {
			expect( await mainLine( w ), w.id ).toContain( '|peers=office-action-notice-reserve]' );
		}
	} );
} );
