// Brings the local wikis to the demo state: MediaWiki installed and served, demo accounts, the
// statement pages, and the gadget installed through the deploy command. Two wikis: the English
// one, which holds the statement (it plays Meta's part), and a Chinese-language one like zhwiki
// (content language zh with its variants, temporary accounts), whose m: points at the first.
// Used by `npm start` and by the browser tests; every step is skipped when already done.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Mwn } from 'mwn';
import { readPage } from '../deploy.mjs';
import { ROOT } from './paths.mjs';
import { botPassword, createAccounts, installOtherWiki, variantReader } from './accounts.mjs';
import { ensureMediaWiki } from './mediawiki.mjs';
import { demoPages, zhWikiPages } from './seeds.mjs';
import { ensureSystemPackages } from './system.mjs';
import { Wiki } from './wiki.mjs';

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
 * The local wikis of one instance ("demo", "test", "bench"): the statement's wiki on `port`, and
 * the Chinese-language wiki, named "<name>-zh", on `zhPort`.
 *
 * @param {string} name
 * @param {number} port
 * @param {number} [zhPort] default: port + 2
 * @param {string[]} [extensions] loaded on the statement's wiki beyond the installer's
 */
export function localWikis( name, port, zhPort = port + 2, extensions = [] ) {
	const statement = new Wiki( name, port, { localDatabases: [ 'oanwiki', 'otherwiki' ], extensions } );
	const zh = new Wiki( `${ name }-zh`, zhPort, {
		lang: 'zh', dbname: 'zhwiki', sitename: '办公室行动通知演示', tempAccounts: true, statementServer: statement.server
	} );
	return { statement, zh };
}

/** Installs and starts one wiki, with the demo accounts, its pages and the banned accounts blocked. */
async function provisionWiki( wiki, pages ) {
	wiki.install();
	await wiki.startServer();
	const bot = botPassword( wiki );
	const accounts = demoAccounts();
	createAccounts( wiki, accounts.names );
	const client = await login( wiki, bot );
	let saved = 0;
	for ( const page of pages ) {
		saved += Number( await ensurePage( client, page.title, page.text, 'Demo page for office-action-notice' ) );
	}
	// The banned demo accounts are blocked too, as they would be on a real wiki.
	const blocks = await client.request( { action: 'query', list: 'blocks', bkusers: accounts.banned.join( '|' ), formatversion: 2 } );
	const blocked = new Set( blocks.query.blocks.map( ( b ) => b.user ) );
	for ( const name of accounts.banned.filter( ( n ) => !blocked.has( n ) ) ) {
		await client.request( { action: 'block', user: name, expiry: 'infinite', reason: 'Demo: office action', token: client.csrfToken } );
	}
	const deployLog = await deployWithCli( wiki, bot );
	wiki.writeState( { deployed: true } );
	return { wiki, bot, client, saved, deployLog };
}

/**
 * @param {Object} opts
 * @param {string} opts.name instance name
 * @param {number} opts.port the statement's (English) wiki
 * @param {number} [opts.zhPort] the Chinese-language wiki (default port + 2)
 * @param {boolean} [opts.zh] also the Chinese-language wiki (default true)
 * @param {Function} [opts.log]
 * @param {boolean} [opts.browser] also install Chromium (default true)
 * @param {string[]} [opts.extensions] extensions the statement's wiki loads beyond the
 *  installer's, already unpacked into the MediaWiki tree (the bench's twin)
 */
export async function provision( opts ) {
	const log = opts.log || ( () => {} );
	ensureSystemPackages( { browser: opts.browser !== false } );
	ensureMediaWiki();
	const wikis = localWikis( opts.name, opts.port, opts.zhPort, opts.extensions );
	if ( !wikis.statement.readState().deployed ) {
		log( 'installing the gadget through the deploy command' );
	}
	const main = await provisionWiki( wikis.statement, demoPages() );
	installOtherWiki( wikis.statement, [ 'Remote editor' ] );
	if ( main.saved ) {
		log( `demo pages: ${ main.saved } saved` );
	}
	let zh = null;
	if ( opts.zh !== false ) {
		zh = await provisionWiki( wikis.zh, zhWikiPages( demoAccounts().names ) );
		zh.reader = variantReader( wikis.zh, 'Variant reader', 'zh-hk' );
		if ( zh.saved ) {
			log( `Chinese-language wiki: ${ zh.saved } pages saved` );
		}
	}
	return { ...main, zh };
}
