// Brings a local wiki to the demo state: MediaWiki installed and served, demo accounts, the
// statement pages, and the gadget installed through the deploy command. Used by `npm start`
// and by the browser tests; every step is skipped when already done.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Mwn } from 'mwn';
import { readPage } from '../deploy.mjs';
import { ROOT } from './paths.mjs';
import { demoPages } from './seeds.mjs';
import { ensureMediaWiki, ensureSystemPackages, Wiki } from './wiki.mjs';

const execFileP = promisify( execFile );

/** Accounts of the demo: those the default notices data lists, plus an unaffected one. */
export function demoAccounts() {
	const data = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );
	const listed = data.notices.flatMap( ( n ) => n.accounts || [] );
	return {
		names: listed.map( ( a ) => a.name ).concat( [ 'Unaffected editor' ] ),
		banned: listed.filter( ( a ) => a.action === 'banned' ).map( ( a ) => a.name )
	};
}

export async function login( wiki, bot ) {
	return Mwn.init( {
		apiUrl: wiki.api, username: bot.username, password: bot.password, silent: true,
		userAgent: 'office-action-notice-provision', maxRetries: 0, defaultParams: { maxlag: undefined }
	} );
}

/** Saves a page unless it already has exactly this text. */
async function ensurePage( client, title, text, summary ) {
	const current = await readPage( client, title );
	if ( current.exists && current.content.trimEnd() === text.trimEnd() ) {
		return false;
	}
	await client.request( { action: 'edit', title, text, summary, token: client.csrfToken, formatversion: 2 } );
	return true;
}

/** Runs the deploy command exactly as an interface admin would, with the bot password in the environment. */
export async function deployWithCli( wiki, bot, extraArgs = [] ) {
	const { stdout } = await execFileP( process.execPath, [ path.join( ROOT, 'scripts/deploy.mjs' ), '--api', wiki.api, '--definition', '--allow-dirty', ...extraArgs ], {
		cwd: ROOT, env: { ...process.env, OAN_BOT_USER: bot.username, OAN_BOT_PASSWORD: bot.password }
	} ).catch( ( e ) => {
		throw new Error( `deploy failed: ${ e.stderr || e.message }` );
	} );
	return stdout;
}

/**
 * @param {Object} opts
 * @param {string} opts.name instance name
 * @param {number} opts.port
 * @param {Function} [opts.log]
 * @param {boolean} [opts.browser] also install Chromium (default true)
 */
export async function provision( opts ) {
	const log = opts.log || ( () => {} );
	ensureSystemPackages( { browser: opts.browser !== false } );
	ensureMediaWiki();
	const wiki = new Wiki( opts.name, opts.port );
	wiki.install();
	await wiki.startServer();
	const bot = wiki.botPassword();
	const accounts = demoAccounts();
	wiki.createAccounts( accounts.names );
	wiki.installOtherWiki( [ 'Remote editor' ] );

	const client = await login( wiki, bot );
	let saved = 0;
	for ( const page of demoPages() ) {
		saved += Number( await ensurePage( client, page.title, page.text, 'Demo page for office-action-notice' ) );
	}
	if ( saved ) {
		log( `demo pages: ${ saved } saved` );
	}
	// The banned demo accounts are blocked too, as they would be on a real wiki.
	const blocks = await client.request( { action: 'query', list: 'blocks', bkusers: accounts.banned.join( '|' ), formatversion: 2 } );
	const blocked = new Set( blocks.query.blocks.map( ( b ) => b.user ) );
	for ( const name of accounts.banned.filter( ( n ) => !blocked.has( n ) ) ) {
		await client.request( { action: 'block', user: name, expiry: 'infinite', reason: 'Demo: office action', token: client.csrfToken } );
	}
	const state = wiki.readState();
	if ( !state.deployed ) {
		log( 'installing the gadget through the deploy command' );
	}
	const deployLog = await deployWithCli( wiki, bot );
	wiki.writeState( { deployed: true } );
	return { wiki, bot, client, deployLog };
}
