// The deploy command against the real test wiki: it shows the changes and asks before saving
// (on a terminal; --yes without one), its summary names the commits since the wiki's version,
// its failures are one clear line and a non-zero exit, and a failed deploy leaves the wiki as it was.
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NOTICES_PAGE } from '../../scripts/lib/definition.mjs';
import { NO_TERMINAL } from '../../scripts/lib/deploy/publish.mjs';
import { SUMMARY_BYTES } from '../../scripts/lib/deploy/summary.mjs';
import { explain } from '../../scripts/lib/wikiApi.mjs';
import { apiClient, farmWiki, readPageText, savePageText, wiki } from './helpers';

const ROOT = path.resolve( __dirname, '../..' );
const run = promisify( execFile );
const SCRIPT = 'MediaWiki:Gadget-office-action-notice.js';
const DEFINITION = 'MediaWiki:Gadgets-definition';
const NOTICES_DATA = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );

function botEnv( env: Record<string, string> = {} ): NodeJS.ProcessEnv {
	return { ...process.env, OAN_BOT_USER: wiki.bot.username, OAN_BOT_PASSWORD: wiki.bot.password, ...env };
}

/** Runs deploy as a script would: stdin a pipe, not a terminal. */
async function deploy( args: string[], env: Record<string, string> = {} ) {
	try {
		const { stdout, stderr } = await run( process.execPath, [ 'scripts/deploy.mjs', ...args ], { cwd: ROOT, env: botEnv( env ) } );
		return { code: 0, stdout, stderr };
	} catch ( e: any ) {
		return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
	}
}

function shellQuote( word: string ): string {
	return `'${ word.replace( /'/g, "'\\''" ) }'`;
}

/**
 * Runs deploy on a pseudo-terminal, as a person at a terminal would (util-linux `script` gives it
 * one), and types the answer once the question is asked. Output is stdout and stderr as the
 * terminal showed them, in order, without readline's cursor codes and carriage returns.
 */
function deployOnTerminal( args: string[], answer: string ): Promise<{ code: number | null; output: string; asked: boolean }> {
	const command = [ process.execPath, 'scripts/deploy.mjs', ...args ].map( shellQuote ).join( ' ' );
	const child = spawn( 'script', [ '--quiet', '--return', '--command', command, '/dev/null' ], { cwd: ROOT, env: botEnv() } );
	let output = '';
	let asked = false;
	child.stdout.on( 'data', ( chunk ) => {
		output += chunk;
		// readline moves the cursor after the question: match it anywhere, not at the end.
		if ( !asked && output.includes( '(y/N) ' ) ) {
			asked = true;
			child.stdin.end( `${ answer }\n` );
		}
	} );
	return new Promise( ( resolve ) => {
		// eslint-disable-next-line no-control-regex
		child.on( 'close', ( code ) => resolve( { code, output: output.replace( /\u001b\[[0-9;]*[A-Za-z]/g, '' ).replace( /\r+\n/g, '\n' ), asked } ) );
	} );
}

function git( args: string[] ): string {
	return execFileSync( 'git', args, { cwd: ROOT, encoding: 'utf8' } ).trim();
}

/** The summary of a page's latest revision. */
async function lastSummary( title: string ): Promise<string> {
	const client = await apiClient();
	const res: any = await client.request( { action: 'query', titles: title, prop: 'revisions', rvprop: 'comment', formatversion: 2 } );
	return res.query.pages[ 0 ].revisions[ 0 ].comment;
}

/** Puts a hand edit into the wiki's script page, as if someone had changed it there. */
async function handEdit( original: string, header?: string ): Promise<void> {
	let text = original.replace( '// <nowiki>', '// <nowiki>\n// hand edit' );
	if ( header !== undefined ) {
		text = text.replace( /^\/\*! office-action-notice \S+/, header );
	}
	await savePageText( SCRIPT, text );
}

describe( 'deploy', () => {
	it( 'skips unchanged pages on a second run, and asks nothing when nothing changes', async () => {
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--definition', '--yes' ] );
		expect( r.code ).toBe( 0 );
		expect( r.stdout ).toMatch( /unchanged\s+MediaWiki:Gadget-office-action-notice\.js/ );
		expect( r.stdout ).toMatch( /done: 0 page\(s\) changed/ );
		expect( r.stdout + r.stderr ).not.toContain( '(y/N)' );
	} );

	it( 'without --yes and without a terminal, refuses in one line and saves nothing', async () => {
		const original = ( await readPageText( SCRIPT ) )!;
		await handEdit( original );
		try {
			const r = await deploy( [ '--api', wiki.api, '--allow-dirty' ] );
			expect( r.code ).toBe( 1 );
			expect( r.stderr ).toBe( `deploy failed: ${ NO_TERMINAL }\n` );
			expect( r.stdout ).toBe( '' );
			expect( await readPageText( SCRIPT ) ).toContain( '// hand edit' );
		} finally {
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] ) ).code ).toBe( 0 );
		}
		expect( ( await readPageText( SCRIPT ) )!.trimEnd() ).toBe( original.trimEnd() );
	} );

	it( 'on a terminal, shows the diffs (the definition first) and asks; "n" saves nothing, "y" saves', async () => {
		const original = ( await readPageText( SCRIPT ) )!;
		const definition = ( await readPageText( DEFINITION ) )!;
		const changedDefinition = definition.replace( 'office-action-notice-reserve[ResourceLoader|hidden|type=styles]', 'office-action-notice-reserve[ResourceLoader|type=styles]' );
		expect( changedDefinition ).not.toBe( definition );
		await handEdit( original );
		await savePageText( DEFINITION, changedDefinition );
		try {
			const no = await deployOnTerminal( [ '--api', wiki.api, '--allow-dirty', '--definition' ], 'n' );
			expect( no.asked ).toBe( true );
			expect( no.code ).toBe( 0 );
			const shown = no.output;
			expect( shown ).toContain( `will edit ${ DEFINITION }\n` );
			expect( shown ).toContain( '    -* office-action-notice-reserve[ResourceLoader|type=styles]' );
			expect( shown ).toContain( `will edit ${ SCRIPT }\n` );
			expect( shown ).toContain( '    -// hand edit' );
			expect( shown.indexOf( `will edit ${ DEFINITION }` ) ).toBeLessThan( shown.indexOf( `will edit ${ SCRIPT }` ) );
			expect( shown.indexOf( `will edit ${ SCRIPT }` ) ).toBeLessThan( shown.indexOf( 'Save these 2 pages? (y/N) ' ) );
			expect( shown ).toContain( 'not saved: nothing was changed on the wiki' );
			expect( shown ).not.toMatch( /edited\s+MediaWiki/ );
			expect( await readPageText( SCRIPT ) ).toContain( '// hand edit' );
			expect( await readPageText( DEFINITION ) ).toBe( changedDefinition );

			const yes = await deployOnTerminal( [ '--api', wiki.api, '--allow-dirty', '--definition' ], 'y' );
			expect( yes.asked ).toBe( true );
			expect( yes.code ).toBe( 0 );
			expect( yes.output ).toContain( 'Save these 2 pages? (y/N) ' );
			expect( yes.output ).toMatch( /edited\s+MediaWiki:Gadget-office-action-notice\.js \(revision \d+\)/ );
			expect( yes.output ).toMatch( /edited\s+MediaWiki:Gadgets-definition \(revision \d+\)/ );
			expect( yes.output ).toContain( 'done: 2 page(s) changed' );
			expect( ( await readPageText( SCRIPT ) )!.trimEnd() ).toBe( original.trimEnd() );
			expect( await readPageText( DEFINITION ) ).toBe( definition );
		} finally {
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--definition', '--yes' ] ) ).code ).toBe( 0 );
		}
	} );

	it( 'names in its summary the commits since the one the wiki\'s script came from', async () => {
		const original = ( await readPageText( SCRIPT ) )!;
		const head = git( [ 'rev-parse', '--short=12', 'HEAD' ] );
		const subject = git( [ 'log', '-1', '--format=%s' ] );
		// Three commits back where the history has them (a shallow clone may not).
		const back = git( [ 'rev-list', '--max-count=4', 'HEAD' ] ).split( '\n' );
		const old = back[ back.length - 1 ].slice( 0, 12 );
		const subjects = git( [ 'log', '--format=%s', `${ old }..HEAD` ] ).split( '\n' ).filter( Boolean );
		// What the summary says after "Git commit <head>: <subject>; ".
		const afterHead = ( summary: string ): string => {
			const first = `Git commit ${ head }: ${ subject }`;
			expect( summary.startsWith( first ), summary ).toBe( true );
			return summary.slice( first.length ).replace( /^ \(uncommitted changes\)/, '' ).replace( /^; /, '' );
		};
		try {
			await handEdit( original, `/*! office-action-notice ${ old }` );
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] ) ).code ).toBe( 0 );
			const summary = await lastSummary( SCRIPT );
			expect( Buffer.byteLength( summary ) ).toBeLessThanOrEqual( SUMMARY_BYTES );
			const since = afterHead( summary );
			if ( subjects.length ) {
				const count = `since ${ old }: ${ subjects.length } commit${ subjects.length > 1 ? 's' : '' }: `;
				expect( since.startsWith( count ), summary ).toBe( true );
				// Subjects newest first (they may hold "; " themselves), as many as fit; a cut list ends with "…".
				const list = since.slice( count.length );
				const all = subjects.join( '; ' );
				expect( list.length ).toBeGreaterThan( 1 );
				if ( list.endsWith( '…' ) ) {
					expect( all.startsWith( list.slice( 0, -1 ) ), list ).toBe( true );
				} else {
					expect( list ).toBe( all );
				}
			} else {
				expect( since ).toBe( `since ${ old }: no new commits` );
			}

			await handEdit( original, '/*! office-action-notice deadbeefdead' );
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] ) ).code ).toBe( 0 );
			expect( afterHead( await lastSummary( SCRIPT ) ) ).toBe( 'since deadbeefdead: not in this repository' );

			await handEdit( original, '/* no header here' );
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] ) ).code ).toBe( 0 );
			expect( afterHead( await lastSummary( SCRIPT ) ) ).toBe( 'the wiki\'s script names no commit' );
		} finally {
			expect( ( await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] ) ).code ).toBe( 0 );
		}
		expect( ( await readPageText( SCRIPT ) )!.trimEnd() ).toBe( original.trimEnd() );
	} );

	it( '--dry-run prints a diff and saves nothing; the notices page edited on-wiki is kept', async () => {
		const client = await apiClient();
		const js = 'MediaWiki:Gadget-office-action-notice.js';
		const original = ( await readPageText( js ) )!;
		await client.request( { action: 'edit', title: js, text: original.replace( '// <nowiki>', '// <nowiki>\n// hand edit' ), summary: 'test', token: client.csrfToken } );
		const notices = NOTICES_PAGE;
		// As the wiki had it (provisioning put Translate's completeness in): put back at the end,
		// so the tests after this one find the wiki as they expect.
		const before = ( await readPageText( notices ) )!;
		const data = JSON.parse( before );
		// A change the check lets --replace-notices undo (a revision going down it would refuse).
		data.notices[ 0 ].title.en = 'Edited on the wiki';
		await client.request( { action: 'edit', title: notices, text: JSON.stringify( data ), summary: 'test', token: client.csrfToken } );
		try {
			const dry = await deploy( [ '--api', wiki.api, '--allow-dirty', '--dry-run' ] );
			expect( dry.code ).toBe( 0 );
			expect( dry.stdout ).toContain( `would edit ${ js }` );
			expect( dry.stdout ).toContain( '    -// hand edit' );
			expect( dry.stdout ).toMatch( /kept\s+MediaWiki:Gadget-office-action-notice-notices\.json/ );
			expect( dry.stdout ).toContain( 'nothing was saved' );
			expect( await readPageText( js ) ).toContain( '// hand edit' );

			const real = await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ] );
			expect( real.code ).toBe( 0 );
			expect( real.stdout ).toMatch( /edited\s+MediaWiki:Gadget-office-action-notice\.js/ );
			expect( ( await readPageText( js ) )!.trimEnd() ).toBe( original.trimEnd() );
			expect( JSON.parse( ( await readPageText( notices ) )! ).notices[ 0 ].title.en ).toBe( 'Edited on the wiki' );
		} finally {
			const restore = await deploy( [ '--api', wiki.api, '--allow-dirty', '--replace-notices', '--yes' ] );
			expect( restore.code ).toBe( 0 );
		}
		expect( JSON.parse( ( await readPageText( notices ) )! ).notices[ 0 ].title.en ).toBe( NOTICES_DATA.notices[ 0 ].title.en );
		await client.request( { action: 'edit', title: notices, text: before, summary: 'test: as before', token: client.csrfToken } );
	} );

	it( 'refuses to publish invalid notices data, printing each problem, and leaves the wiki\'s page as it was', async () => {
		const client = await apiClient();
		const notices = NOTICES_PAGE;
		const file = path.join( ROOT, 'data/notices.json' );
		const original = fs.readFileSync( file, 'utf8' );
		const before = ( await readPageText( notices ) )!;
		const bad = JSON.parse( original );
		bad.notices[ 0 ].published = '2021-02-30';
		bad.notices[ 0 ].sumary = bad.notices[ 0 ].summary;
		bad.notices[ 0 ].title.xx = 'A language the wiki does not know';
		fs.writeFileSync( file, JSON.stringify( bad, null, '\t' ) + '\n' );
		try {
			const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--replace-notices', '--yes' ] );
			expect( r.code ).toBe( 1 );
			expect( r.stdout ).toContain( 'notices[0].sumary is not a field the gadget knows here (it knows: id, revision, title, summary, published, updates, statement, start, end, target, accounts).\n' );
			expect( r.stdout ).toContain( 'notices[0].published names a day or time that does not exist: 2021-02-30.\n' );
			expect( r.stdout ).toContain( 'notices[0].title.xx: MediaWiki does not know the language code "xx".\n' );
			expect( r.stdout ).toContain( 'data/notices.json: 3 problems\n' );
			expect( r.stdout ).not.toMatch( /^(created|edited) /m );
			expect( r.stderr ).toMatch( /^deploy failed: data\/notices\.json has 3 problems \(listed above, checked as npm run check does\); nothing was saved\n$/ );
		} finally {
			fs.writeFileSync( file, original );
		}
		expect( await readPageText( notices ) ).toBe( before );

		// Against the wiki's page: a revision lower than the one saved there.
		const raised = JSON.parse( before );
		raised.notices[ 0 ].revision = 9;
		await client.request( { action: 'edit', title: notices, text: JSON.stringify( raised, null, '\t' ), summary: 'test', token: client.csrfToken } );
		const saved = ( await readPageText( notices ) )!;
		try {
			const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--replace-notices', '--dry-run' ] );
			expect( r.code ).toBe( 1 );
			expect( r.stdout ).toContain( 'notices[0].revision is 2, lower than 9 on the saved page' );
			expect( await readPageText( notices ) ).toBe( saved );

			// The check command sees the same against the live page, and the live page as valid.
			const live = await run( process.execPath, [ 'scripts/check.mjs', '--api', wiki.api ], { cwd: ROOT } );
			expect( live.stdout ).toBe( `${ notices }: valid, no problems\n` );
			const draft = await run( process.execPath, [ 'scripts/check.mjs', 'data/notices.json', '--api', wiki.api ], { cwd: ROOT } ).catch( ( e ) => e );
			expect( draft.code ).toBe( 1 );
			expect( draft.stdout ).toBe( 'notices[0].revision is 2, lower than 9 on the saved page: a revision only goes up (readers who dismissed revision 9 would keep the notice dismissed).\ndata/notices.json: 1 problem\n' );
		} finally {
			await client.request( { action: 'edit', title: notices, text: before, summary: 'test: as before', token: client.csrfToken } );
		}
	} );

	it( 'refuses a wrong bot password in one line', async () => {
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ], { OAN_BOT_PASSWORD: 'a'.repeat( 32 ) } );
		expect( r.code ).toBe( 1 );
		expect( r.stderr.trim().split( '\n' ) ).toHaveLength( 1 );
		expect( r.stderr ).toMatch( /^deploy failed: login failed .*Special:BotPasswords/ );
	} );

	it( 'refuses an account without the interface-admin rights, naming them', async () => {
		const local = farmWiki( wiki );
		const password = 'b'.repeat( 32 );
		local.maintenance( 'createBotPassword', [ '--appid', 'plain', '--grants', 'basic,editpage,editinterface,editsiteconfig', 'Unaffected editor', password ] );
		const before = await readPageText( 'MediaWiki:Gadget-office-action-notice.js' );
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--yes' ], { OAN_BOT_USER: 'Unaffected editor@plain', OAN_BOT_PASSWORD: password } );
		expect( r.code ).toBe( 1 );
		expect( r.stderr ).toMatch( /^deploy failed: Unaffected editor@plain lacks the rights editsitejs, editsitecss, editsitejson/ );
		expect( await readPageText( 'MediaWiki:Gadget-office-action-notice.js' ) ).toBe( before );
	} );

	it( 'says when the API cannot be reached, or is not an API', async () => {
		const down = await deploy( [ '--api', 'http://127.0.0.1:9/api.php', '--allow-dirty', '--yes' ] );
		expect( down.code ).toBe( 1 );
		expect( down.stderr ).toMatch( /^deploy failed: cannot reach http:\/\/127\.0\.0\.1:9\/api\.php \(ECONNREFUSED\)/ );
		const wrong = await deploy( [ '--api', `${ wiki.server }/no-such-api.php`, '--allow-dirty', '--yes' ] );
		expect( wrong.code ).toBe( 1 );
		expect( wrong.stderr ).toMatch( /^deploy failed: .*HTTP 404/ );
	} );

	it( 'asks for credentials and for --api when missing', async () => {
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--credentials', '/nonexistent.json' ], { OAN_BOT_USER: '', OAN_BOT_PASSWORD: '' } );
		expect( r.code ).toBe( 1 );
		expect( r.stderr ).toMatch( /^deploy failed: no credentials: set OAN_BOT_USER and OAN_BOT_PASSWORD/ );
		const noApi = await deploy( [ '--allow-dirty' ] );
		expect( noApi.stderr ).toMatch( /^deploy failed: missing --api/ );
	} );

	it( 'refuses a dirty work tree unless told', async () => {
		const file = path.join( ROOT, 'gadget-definition.txt' );
		const original = fs.readFileSync( file, 'utf8' );
		fs.writeFileSync( file, original + '\n' );
		try {
			const r = await deploy( [ '--api', wiki.api ] );
			expect( r.code ).toBe( 1 );
			expect( r.stderr ).toMatch( /^deploy failed: the work tree has uncommitted changes; commit them, or pass --allow-dirty/ );
		} finally {
			fs.writeFileSync( file, original );
		}
	} );

	it( 'explains an edit conflict without overwriting', () => {
		expect( explain( { code: 'editconflict', info: 'Edit conflict.' }, wiki.api ).message ).toMatch( /^edit conflict: .*nothing was overwritten/ );
	} );
} );
