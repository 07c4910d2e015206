// What the local wikis share, and the bench's own single wikis. The demo and the tests run the
// farm (provisionFarm.mjs); the bench keeps single wikis on 127.0.0.1 (wiki.mjs), since its
// CentralNotice twin loads extensions no wiki of the farm may load. Every step is skipped when
// already done.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { botPassword, createAccounts } from './accounts.mjs';
import { ensureMediaWiki } from './mediawiki.mjs';
import { ROOT } from './paths.mjs';
import { demoPages } from './seeds.mjs';
import { ensureSystemPackages } from './system.mjs';
import { Wiki } from './wiki.mjs';
import { ensurePage, login } from './wikiApi.mjs';

const execFileP = promisify( execFile );

/** Accounts of the demo: those the default notices data lists, plus an unaffected one. */
export function demoAccounts() {
	const data = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );
	const listed = data.notices.flatMap( ( n ) => n.accounts || [] );
	return {
		names: listed.map( ( a ) => a.name ).concat( [ 'Unaffected editor' ] ),
		banned: listed.filter( ( a ) => a.action === 'banned' ).map( ( a ) => a.name ),
		restored: listed.filter( ( a ) => a.action === 'restored' ).map( ( a ) => a.name )
	};
}

/**
 * Runs the deploy command as an interface admin would, with the bot password in the environment;
 * with --yes, since nobody is there to answer its question.
 */
export async function deployWithCli( wiki, bot, extraArgs = [] ) {
	const { stdout } = await execFileP( process.execPath, [ path.join( ROOT, 'scripts/deploy.mjs' ), '--api', wiki.api, '--definition', '--allow-dirty', '--yes', ...extraArgs ], {
		cwd: ROOT, env: { ...process.env, OAN_BOT_USER: bot.username, OAN_BOT_PASSWORD: bot.password }
	} ).catch( ( e ) => {
		throw new Error( `deploy failed: ${ e.stderr || e.message }` );
	} );
	return stdout;
}

/**
 * One of the bench's wikis: English, on 127.0.0.1:port, in .wiki/<name>/.
 *
 * @param {string} name "bench", "bench-cn"
 * @param {number} port
 * @param {string[]} [extensions] loaded beyond the installer's (the CentralNotice twin's)
 * @return {Wiki}
 */
export function singleWiki( name, port, extensions = [] ) {
	return new Wiki( name, port, { extensions } );
}

/**
 * Installs and starts one of the bench's wikis, with the demo accounts and pages, the banned
 * accounts blocked, and the gadget installed through the deploy command.
 *
 * @param {Object} opts
 * @param {string} opts.name
 * @param {number} opts.port
 * @param {string[]} [opts.extensions] loaded beyond the installer's, already unpacked into the
 *  MediaWiki tree (the CentralNotice twin)
 * @param {Function} [opts.log]
 * @return {Promise<{wiki: Wiki, bot: Object, client: Object, deployLog: string}>}
 */
export async function provisionSingleWiki( opts ) {
	const log = opts.log || ( () => {} );
	ensureSystemPackages( { browser: true } );
	ensureMediaWiki();
	const wiki = singleWiki( opts.name, opts.port, opts.extensions );
	wiki.install();
	await wiki.startServer();
	const bot = botPassword( wiki );
	const accounts = demoAccounts();
	createAccounts( wiki, accounts.names );
	const client = await login( wiki.api, bot, 'provision' );
	let saved = 0;
	for ( const page of demoPages() ) {
		saved += Number( await ensurePage( client, page.title, page.text, 'Demo page for office-action-notice' ) );
	}
	if ( saved ) {
		log( `demo pages: ${ saved } saved` );
	}
	const blocks = await client.request( { action: 'query', list: 'blocks', bkusers: accounts.banned.join( '|' ), formatversion: 2 } );
	const blocked = new Set( blocks.query.blocks.map( ( b ) => b.user ) );
	for ( const name of accounts.banned.filter( ( n ) => !blocked.has( n ) ) ) {
		await client.request( { action: 'block', user: name, expiry: 'infinite', reason: 'Demo: office action', token: client.csrfToken } );
	}
	const deployLog = await deployWithCli( wiki, bot );
	return { wiki, bot, client, deployLog };
}
