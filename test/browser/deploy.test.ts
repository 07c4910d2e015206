// The deploy command against the real test wiki: its failures are one clear line and a
// non-zero exit, and a failed deploy leaves the wiki as it was.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { explain } from '../../scripts/deploy.mjs';
import { Wiki } from '../../scripts/lib/wiki.mjs';
import { apiClient, readPageText, wiki } from './helpers';

const ROOT = path.resolve( __dirname, '../..' );
const run = promisify( execFile );

async function deploy( args: string[], env: Record<string, string> = {} ) {
	try {
		const { stdout, stderr } = await run( process.execPath, [ 'scripts/deploy.mjs', ...args ], {
			cwd: ROOT, env: { ...process.env, OAN_BOT_USER: wiki.bot.username, OAN_BOT_PASSWORD: wiki.bot.password, ...env }
		} );
		return { code: 0, stdout, stderr };
	} catch ( e: any ) {
		return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
	}
}

describe( 'deploy', () => {
	it( 'skips unchanged pages on a second run', async () => {
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty', '--definition' ] );
		expect( r.code ).toBe( 0 );
		expect( r.stdout ).toMatch( /unchanged\s+MediaWiki:Gadget-office-action-notice\.js/ );
		expect( r.stdout ).toMatch( /done: 0 page\(s\) changed/ );
	} );

	it( '--dry-run prints a diff and saves nothing; the notices page edited on-wiki is kept', async () => {
		const client = await apiClient();
		const js = 'MediaWiki:Gadget-office-action-notice.js';
		const original = ( await readPageText( js ) )!;
		await client.request( { action: 'edit', title: js, text: original.replace( '// <nowiki>', '// <nowiki>\n// hand edit' ), summary: 'test', token: client.csrfToken } );
		const notices = 'MediaWiki:Gadget-office-action-notice-notices.json';
		const data = JSON.parse( ( await readPageText( notices ) )! );
		data.notices[ 0 ].revision = 7;
		await client.request( { action: 'edit', title: notices, text: JSON.stringify( data ), summary: 'test', token: client.csrfToken } );
		try {
			const dry = await deploy( [ '--api', wiki.api, '--allow-dirty', '--dry-run' ] );
			expect( dry.code ).toBe( 0 );
			expect( dry.stdout ).toContain( `would edit ${ js }` );
			expect( dry.stdout ).toContain( '    -// hand edit' );
			expect( dry.stdout ).toMatch( /kept\s+MediaWiki:Gadget-office-action-notice-notices\.json/ );
			expect( dry.stdout ).toContain( 'nothing was saved' );
			expect( await readPageText( js ) ).toContain( '// hand edit' );

			const real = await deploy( [ '--api', wiki.api, '--allow-dirty' ] );
			expect( real.code ).toBe( 0 );
			expect( real.stdout ).toMatch( /edited\s+MediaWiki:Gadget-office-action-notice\.js/ );
			expect( ( await readPageText( js ) )!.trimEnd() ).toBe( original.trimEnd() );
			expect( JSON.parse( ( await readPageText( notices ) )! ).notices[ 0 ].revision ).toBe( 7 );
		} finally {
			const restore = await deploy( [ '--api', wiki.api, '--allow-dirty', '--replace-notices' ] );
			expect( restore.code ).toBe( 0 );
		}
		expect( JSON.parse( ( await readPageText( notices ) )! ).notices[ 0 ].revision ).toBe( 2 );
	} );

	it( 'refuses a wrong bot password in one line', async () => {
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty' ], { OAN_BOT_PASSWORD: 'a'.repeat( 32 ) } );
		expect( r.code ).toBe( 1 );
		expect( r.stderr.trim().split( '\n' ) ).toHaveLength( 1 );
		expect( r.stderr ).toMatch( /^deploy failed: login failed .*Special:BotPasswords/ );
	} );

	it( 'refuses an account without the interface-admin rights, naming them', async () => {
		const local = new Wiki( 'test', Number( new URL( wiki.server ).port ) );
		const password = 'b'.repeat( 32 );
		local.maintenance( 'createBotPassword', [ '--appid', 'plain', '--grants', 'basic,editpage,editinterface,editsiteconfig', 'Unaffected editor', password ] );
		const before = await readPageText( 'MediaWiki:Gadget-office-action-notice.js' );
		const r = await deploy( [ '--api', wiki.api, '--allow-dirty' ], { OAN_BOT_USER: 'Unaffected editor@plain', OAN_BOT_PASSWORD: password } );
		expect( r.code ).toBe( 1 );
		expect( r.stderr ).toMatch( /^deploy failed: Unaffected editor@plain lacks the rights editsitejs, editsitecss, editsitejson/ );
		expect( await readPageText( 'MediaWiki:Gadget-office-action-notice.js' ) ).toBe( before );
	} );

	it( 'says when the API cannot be reached, or is not an API', async () => {
		const down = await deploy( [ '--api', 'http://127.0.0.1:9/api.php', '--allow-dirty' ] );
		expect( down.code ).toBe( 1 );
		expect( down.stderr ).toMatch( /^deploy failed: cannot reach http:\/\/127\.0\.0\.1:9\/api\.php \(ECONNREFUSED\)/ );
		const wrong = await deploy( [ '--api', `${ wiki.server }/no-such-api.php`, '--allow-dirty' ] );
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
