// @vitest-environment node
// deploy --farm's pure parts: the farm file, the copy of the notices data and its conflicts, each
// wiki's copy plan, the summary table, the one question; and the command's usage errors (exit 2).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTICES_PAGE } from '../../scripts/lib/definition.mjs';
import { copyData, copyDecision, copyText, sameData } from '../../scripts/lib/deploy/farmCopy.mjs';
import { farmSaveQuestion, mapLimit } from '../../scripts/lib/deploy/farmDeploy.mjs';
import { NO_TERMINAL } from '../../scripts/lib/deploy/publish.mjs';
import { credentialsFor, readFarmFile, selectWikis, UsageError } from '../../scripts/lib/deploy/farmFile.mjs';
import { planCopy } from '../../scripts/lib/deploy/farmPlan.mjs';
import { copyCell, summaryTable } from '../../scripts/lib/deploy/farmTable.mjs';
import { clone, readJson, ROOT } from './helpers';

const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-farm-' ) );
afterAll( () => fs.rmSync( dir, { recursive: true, force: true } ) );

function farmFile( content: unknown ): string {
	const file = path.join( dir, `farm-${ Math.random().toString( 36 ).slice( 2 ) }.json` );
	fs.writeFileSync( file, typeof content === 'string' ? content : JSON.stringify( content ) );
	return file;
}

const META = { id: 'metawiki', api: 'http://meta.wikimedia.test:8400/api.php' };
const ZH = { id: 'zhwiki', api: 'http://zh.wikipedia.test:8400/api.php' };
const EN = { id: 'enwiki', api: 'http://en.wikipedia.test:8400/api.php' };
const BOT = { username: 'Admin@deploy', password: 'secret' };

describe( 'the farm file', () => {
	it( 'reads the wikis, the source (marked, else the first) and the bot passwords', () => {
		const farm = readFarmFile( farmFile( { wikis: [ META, { ...ZH, bot: { username: 'Z@d', password: 'p' } }, EN ], accounts: { admin: {}, bot: BOT } } ) );
		expect( farm.wikis.map( ( w: any ) => w.id ) ).toEqual( [ 'metawiki', 'zhwiki', 'enwiki' ] );
		expect( farm.source ).toBe( 'metawiki' );
		expect( farm.bot ).toEqual( BOT );
		const none = () => {
			throw new Error( 'not asked' );
		};
		expect( credentialsFor( farm.wikis[ 1 ], farm, none ) ).toEqual( { username: 'Z@d', password: 'p' } );
		expect( credentialsFor( farm.wikis[ 2 ], farm, none ) ).toEqual( BOT );
		const bare = readFarmFile( farmFile( { wikis: [ ZH, { ...META, source: true } ] } ) );
		expect( bare.source ).toBe( 'metawiki' );
		expect( bare.bot ).toBeNull();
		expect( credentialsFor( bare.wikis[ 0 ], bare, () => BOT ) ).toEqual( BOT );
	} );

	it( 'is one clear line for each mistake', () => {
		const message = ( file: string ) => {
			try {
				readFarmFile( file );
			} catch ( e: any ) {
				expect( e ).toBeInstanceOf( UsageError );
				return e.message.replace( dir + path.sep, '' ).replace( /farm-\w+\.json/, 'F' );
			}
			return 'no error';
		};
		expect( message( path.join( dir, 'missing.json' ) ) ).toBe( 'cannot read the farm file missing.json (ENOENT)' );
		expect( message( farmFile( '{"wikis": [' ) ) ).toMatch( /^F is not JSON \(.+\)$/ );
		expect( message( farmFile( { wikis: [] } ) ) ).toMatch( /^F has no "wikis" list/ );
		expect( message( farmFile( { wikis: [ META, ZH, META ] } ) ) ).toBe( 'F: the wiki metawiki is listed twice' );
		expect( message( farmFile( { wikis: [ META, { id: 'zhwiki', url: 'http://zh.wikipedia.test:8400/index.php' } ] } ) ) )
			.toBe( 'F: wikis[1] ("zhwiki") has no "api" (its api.php URL)' );
		expect( message( farmFile( { wikis: [ { api: META.api } ] } ) ) ).toMatch( /^F: wikis\[0\] has no "id"/ );
		expect( message( farmFile( { wikis: [ { ...META, api: 'meta.wikimedia.test/api.php' } ] } ) ) ).toMatch( /is not an http\(s\) URL$/ );
		expect( message( farmFile( { wikis: [ { ...META, source: true }, { ...ZH, source: true } ] } ) ) ).toMatch( /metawiki and zhwiki are both marked "source"/ );
		expect( message( farmFile( { wikis: [ { ...META, bot: 'Admin' } ] } ) ) ).toMatch( /"bot" must be \{"username"/ );
	} );

	it( 'selects the wikis --only names, and refuses one it does not list', () => {
		const farm = readFarmFile( farmFile( { wikis: [ META, ZH, EN ] } ) );
		expect( selectWikis( farm, undefined ).length ).toBe( 3 );
		expect( selectWikis( farm, [ 'enwiki', 'zhwiki' ] ).map( ( w: any ) => w.id ) ).toEqual( [ 'zhwiki', 'enwiki' ] );
		expect( () => selectWikis( farm, [ 'frwiki' ] ) ).toThrow( '--only frwiki: not in the farm file (it lists metawiki, zhwiki, enwiki)' );
	} );
} );

const SOURCE = readJson( 'data/notices.json' ) as any;
const FROM = { wiki: 'metawiki', revision: 42 };

/** A source one revision on: a notice raised. */
function raised(): any {
	const data = clone( SOURCE );
	data.notices[ 0 ].revision++;
	return data;
}

describe( 'the copy of the notices data', () => {
	it( 'names where it comes from, first, and replaces a copy\'s own copiedFrom', () => {
		const data = copyData( { copiedFrom: { wiki: 'x', revision: 1 }, ...SOURCE }, FROM );
		expect( Object.keys( data )[ 0 ] ).toBe( 'copiedFrom' );
		expect( data.copiedFrom ).toEqual( FROM );
		expect( JSON.parse( copyText( SOURCE, FROM ) ) ).toEqual( data );
		expect( sameData( { a: 1, b: [ { c: 2, d: 3 } ] }, { b: [ { d: 3, c: 2 } ], a: 1 } ) ).toBe( true );
		expect( sameData( { a: [ 1, 2 ] }, { a: [ 2, 1 ] } ) ).toBe( false );
	} );

	const page = ( data: unknown, indent: string | number = 4 ) => ( { exists: true, content: JSON.stringify( data, null, indent ) } );
	const decide = ( current: any, more: Record<string, unknown> = {} ) => copyDecision( {
		current, desired: copyData( raised(), { wiki: 'metawiki', revision: 43 } ), source: 'metawiki',
		lastSync: copyData( SOURCE, FROM ), pristine: SOURCE, ...more
	} );

	it( 'creates a missing copy, skips a copy that holds the data, formatted any way', () => {
		expect( decide( { exists: false, content: '' } ) ).toEqual( { action: 'create' } );
		expect( decide( page( copyData( raised(), { wiki: 'metawiki', revision: 43 } ) ) ) ).toEqual( { action: 'unchanged' } );
	} );

	it( 'updates a copy nobody edited: the last sync\'s data, or data/notices.json as deploy created the page', () => {
		expect( decide( page( copyData( SOURCE, FROM ), '\t' ) ) ).toEqual( { action: 'update' } );
		expect( decide( page( SOURCE ) ) ).toEqual( { action: 'update' } );
	} );

	it( 'takes over a page that is no copy yet when it holds the source\'s data already', () => {
		expect( decide( page( raised() ), { pristine: undefined } ) ).toEqual( { action: 'update' } );
		expect( decide( page( SOURCE ), { pristine: undefined } ).action ).toBe( 'conflict' );
	} );

	it( 'keeps a copy edited on its wiki as a conflict, and replaces it only when told', () => {
		const edited = copyData( SOURCE, FROM );
		edited.notices[ 0 ].title.en = 'Edited on enwiki';
		const why = 'edited on the wiki since the copy of metawiki\'s revision 42';
		expect( decide( page( edited ) ) ).toEqual( { action: 'conflict', why } );
		expect( decide( page( edited ), { replace: true } ) ).toEqual( { action: 'replace', why } );
		const own = clone( SOURCE );
		own.restrictedGroups = [];
		expect( decide( page( own ) ).why ).toBe( 'the page is not a copy (no copiedFrom) and its data differs from metawiki\'s and from data/notices.json' );
		expect( decide( page( copyData( SOURCE, { wiki: 'zhwiki', revision: 5 } ) ) ).why ).toBe( 'the page is a copy of zhwiki\'s, not of metawiki\'s' );
		expect( decide( page( copyData( SOURCE, FROM ) ), { lastSync: undefined } ).why ).toBe( 'metawiki\'s revision 42, which the copy names, cannot be read' );
		expect( decide( { exists: true, content: '{ "notices": [' } ).why ).toBe( 'the page is not JSON' );
	} );
} );

describe( 'a wiki\'s plan for its copy', () => {
	const source = {
		from: { wiki: 'metawiki', revision: 43 }, data: raised(),
		syncedData: async ( revision: number ) => ( revision === 42 ? copyData( SOURCE, FROM ) : undefined )
	};
	async function plan( current: any, opts: Record<string, unknown> = {} ) {
		const lines: string[] = [];
		const result = await planCopy( current, source, { pristine: SOURCE, opts }, ( ...l: string[] ) => lines.push( ...l ) );
		return { ...result, lines };
	}

	it( 'edits a clean copy, its diff only with --diffs, and says which revision it copies', async () => {
		const clean = { exists: true, content: copyText( SOURCE, FROM ) };
		const quiet = await plan( clean );
		expect( quiet.lines ).toEqual( [ `will edit ${ NOTICES_PAGE } (the copy of metawiki's revision 43)` ] );
		expect( quiet.edit ).toMatchObject( { title: NOTICES_PAGE, contentModel: 'json', copy: true, current: clean, summary: expect.stringContaining( 'metawiki (revision 43)' ) } );
		expect( JSON.parse( quiet.edit!.text ).copiedFrom ).toEqual( source.from );
		const loud = await plan( clean, { diffs: true, dryRun: true } );
		expect( loud.lines[ 0 ] ).toMatch( /^would edit / );
		expect( loud.lines[ 1 ] ).toMatch( /^ {4}-\t\t\t"revision": 2,\n {4}\+\t\t\t"revision": 3,/m );
	} );

	it( 'shows a conflict\'s diff always, and saves nothing for it or for an unchanged copy', async () => {
		const edited = copyData( SOURCE, FROM );
		edited.notices[ 0 ].title.en = 'Edited on enwiki';
		const conflict = await plan( { exists: true, content: JSON.stringify( edited, null, '\t' ) } );
		expect( conflict.edit ).toBeUndefined();
		expect( conflict.lines[ 0 ] ).toBe( `conflict   ${ NOTICES_PAGE }: edited on the wiki since the copy of metawiki's revision 42; kept (--replace-copies replaces it with the copy of metawiki's revision 43):` );
		expect( conflict.lines[ 1 ] ).toContain( '-\t\t\t\t"en": "Edited on enwiki",' );
		const replaced = await plan( { exists: true, content: JSON.stringify( edited ) }, { replaceCopies: true } );
		expect( replaced.decision.action ).toBe( 'replace' );
		expect( replaced.edit ).toBeDefined();
		const same = await plan( { exists: true, content: copyText( raised(), source.from ) } );
		expect( same ).toMatchObject( { decision: { action: 'unchanged' }, lines: [] } );
		expect( same.edit ).toBeUndefined();
	} );
} );

describe( 'the summary table', () => {
	const row = ( more: Record<string, unknown> ) => ( {
		id: 'x', edits: [], saved: 0, copySaved: false, unchanged: 0, conflicts: 0, error: null, seconds: 0, copy: null, ...more
	} );
	const rows = [
		row( { id: 'metawiki', copy: 'source', unchanged: 9, saved: 2, seconds: 1.234 } ),
		row( { id: 'zhwiki', copy: 'update', saved: 3, copySaved: true, unchanged: 8, seconds: 2.05 } ),
		row( { id: 'enwiki', copy: 'conflict', conflicts: 1, unchanged: 10, seconds: 0.9 } ),
		row( { id: 'frwiki', error: 'cannot reach http://fr.wikipedia.test:8400/api.php (HTTP 404)', seconds: 0.04 } )
	];

	it( 'has a row per wiki, numbers right-aligned, then why each failed wiki failed', () => {
		expect( summaryTable( rows, false ) ).toEqual( [
			'wiki      gadget pages  notices copy    unchanged  conflicts  errors  seconds',
			'--------  ------------  --------------  ---------  ---------  ------  -------',
			'metawiki             2  source                  9          0       0      1.2',
			'zhwiki               2  updated                 8          0       0      2.0',
			'enwiki               0  conflict, kept         10          1       0      0.9',
			'frwiki               0  -                       0          0       1      0.0',
			'frwiki: cannot reach http://fr.wikipedia.test:8400/api.php (HTTP 404)'
		] );
	} );

	it( 'counts what would be saved in a dry run, and says what became of each copy', () => {
		const planned = row( { id: 'zhwiki', copy: 'create', edits: [ { copy: true }, {}, {} ] } );
		expect( summaryTable( [ planned ], true )[ 2 ] ).toMatch( /^zhwiki\s+2 {2}would be created\s/ );
		expect( copyCell( row( { copy: 'replace', copySaved: true } ), false ) ).toBe( 'replaced' );
		expect( copyCell( row( { copy: 'update' } ), false ) ).toBe( 'not saved' );
		expect( copyCell( row( { copy: 'unchanged' } ), false ) ).toBe( 'unchanged' );
	} );
} );

describe( 'the farm deploy\'s run', () => {
	it( 'asks once, counting pages and wikis', () => {
		expect( farmSaveQuestion( 7, 3 ) ).toBe( 'Save these 7 pages on 3 wikis? (y/N) ' );
		expect( farmSaveQuestion( 1, 1 ) ).toBe( 'Save this 1 page on 1 wiki? (y/N) ' );
	} );

	it( 'reads a few wikis at a time, and keeps their order', async () => {
		let running = 0;
		let most = 0;
		const out = await mapLimit( [ 5, 1, 3, 2, 4 ], 3, async ( n: number ) => {
			most = Math.max( most, ++running );
			await new Promise( ( r ) => {
				setTimeout( r, n * 5 );
			} );
			running--;
			return n * 10;
		} );
		expect( out ).toEqual( [ 50, 10, 30, 20, 40 ] );
		expect( most ).toBe( 3 );
	} );

	const run = promisify( execFile );
	async function deploy( args: string[] ) {
		try {
			await run( process.execPath, [ 'scripts/deploy.mjs', ...args ], { cwd: ROOT } );
			return { code: 0, stderr: '' };
		} catch ( e: any ) {
			return { code: e.code as number, stderr: e.stderr as string };
		}
	}

	it( 'exits 2 with one line for a farm file it cannot use, or flags that do not go together', async () => {
		const twice = farmFile( { wikis: [ META, META ] } );
		expect( await deploy( [ '--farm', twice, '--yes' ] ) ).toEqual( { code: 2, stderr: `deploy failed: ${ twice }: the wiki metawiki is listed twice\n` } );
		expect( await deploy( [ '--farm', path.join( dir, 'none.json' ), '--yes' ] ) ).toMatchObject( { code: 2, stderr: expect.stringMatching( /^deploy failed: cannot read the farm file .*none\.json \(ENOENT\)\n$/ ) } );
		expect( await deploy( [ '--farm', twice, '--api', META.api ] ) ).toMatchObject( { code: 2, stderr: expect.stringMatching( /^deploy failed: --farm goes without --api/ ) } );
		expect( await deploy( [ '--api', META.api, '--only', 'zhwiki' ] ) ).toMatchObject( { code: 2, stderr: expect.stringMatching( /--only, --diffs and --replace-copies go with --farm/ ) } );
		expect( ( await deploy( [ '--nope' ] ) ).code ).toBe( 2 );
		const good = farmFile( { wikis: [ META, ZH, EN ] } );
		expect( await deploy( [ '--farm', good, '--yes', '--only', 'zhwiki', 'frwiki,dewiki' ] ) )
			.toEqual( { code: 2, stderr: 'deploy failed: --only frwiki, dewiki: not in the farm file (it lists metawiki, zhwiki, enwiki)\n' } );
	} );

	it( 'refuses, before reading any wiki, to go on when nobody could be asked', async () => {
		const r = await deploy( [ '--farm', farmFile( { wikis: [ META ] } ), '--allow-dirty' ] );
		expect( r ).toEqual( { code: 1, stderr: `deploy failed: ${ NO_TERMINAL }\n` } );
	} );
} );
