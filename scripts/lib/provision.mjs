// Brings the local wikis to the demo state: MediaWiki installed and served, demo accounts, the
// statement pages, and the gadget installed through the deploy command. Two wikis: the English
// one, which holds the statement (it plays Meta's part: with the Translate archives beside the
// repository it runs Translate, and the statement is a translatable page), and a
// Chinese-language one like zhwiki (content language zh with its variants, temporary accounts),
// whose m: points at the first. Each wiki's notices data then carries the completeness
// Translate computed. Used by `npm start` and by the browser tests; every step is skipped when
// already done.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { statementClient, updateNoticesPage } from './noticesCompleteness.mjs';
import { ROOT } from './paths.mjs';
import { botPassword, createAccounts, installOtherWiki, variantReader } from './accounts.mjs';
import { ensureExtensions, TRANSLATE_ARCHIVES } from './extensions.mjs';
import { ensureMediaWiki } from './mediawiki.mjs';
import { demoPages, policyPages, STATEMENT, translatableStatement, zhWikiPages } from './seeds.mjs';
import { ensureSystemPackages } from './system.mjs';
import { ensureTranslatablePage } from './translatable.mjs';
import { Wiki } from './wiki.mjs';
import { ensurePage, login } from './wikiApi.mjs';

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
 * The local wikis of one instance ("demo", "test", "bench"): the statement's wiki on `port`, and
 * the Chinese-language wiki, named "<name>-zh", on `zhPort`.
 *
 * @param {string} name
 * @param {number} port
 * @param {number} [zhPort] default: port + 2
 * @param {Object} [opts]
 * @param {boolean} [opts.translate] the statement's wiki runs Translate
 * @param {string[]} [opts.extensions] loaded on the statement's wiki beyond the installer's (the bench's twin)
 */
export function localWikis( name, port, zhPort = port + 2, { translate = false, extensions = [] } = {} ) {
	const statement = new Wiki( name, port, { localDatabases: [ 'oanwiki', 'otherwiki' ], translate, extensions } );
	const zh = new Wiki( `${ name }-zh`, zhPort, {
		lang: 'zh', dbname: 'zhwiki', sitename: '办公室行动通知演示', tempAccounts: true, statementServer: statement.server
	} );
	return { statement, zh };
}

/**
 * Installs and starts one wiki, with the demo accounts, its pages and the banned accounts
 * blocked; on a wiki that runs Translate, the statement as a translatable page.
 */
async function provisionWiki( wiki, pages, log ) {
	wiki.install();
	await wiki.startServer();
	const bot = botPassword( wiki );
	const accounts = demoAccounts();
	createAccounts( wiki, accounts.names );
	const client = await login( wiki.api, bot, 'provision' );
	let saved = 0;
	for ( const page of pages ) {
		saved += Number( await ensurePage( client, page.title, page.text, 'Demo page for office-action-notice' ) );
	}
	if ( wiki.options.translate ) {
		const started = Date.now();
		const made = await ensureTranslatablePage( wiki, client, STATEMENT, translatableStatement() );
		if ( made.saved ) {
			log( `${ wiki.name }: the statement as a translatable page, ${ made.marked ? 'marked, ' : '' }${ made.saved } pages saved (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s)` );
		}
		saved += made.saved;
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
 * @param {boolean} [opts.translate] the statement's wiki runs Translate where its archives are
 *  there (default true)
 * @param {string[]} [opts.extensions] extensions the statement's wiki loads beyond the
 *  installer's, already unpacked into the MediaWiki tree (the bench's twin)
 */
export async function provision( opts ) {
	const log = opts.log || ( () => {} );
	ensureSystemPackages( { browser: opts.browser !== false } );
	ensureMediaWiki();
	const translate = opts.translate === false ? { ok: false, reason: 'not asked for' } : ensureExtensions( TRANSLATE_ARCHIVES );
	if ( !translate.ok && opts.translate !== false ) {
		log( `Translate not installed (${ translate.reason }): the statement's wiki has plain pages, see docs/translate.md` );
	}
	const wikis = localWikis( opts.name, opts.port, opts.zhPort, { translate: translate.ok, extensions: opts.extensions } );
	if ( !wikis.statement.readState().deployed ) {
		log( 'installing the gadget through the deploy command' );
	}
	const main = await provisionWiki( wikis.statement, translate.ok ? policyPages() : demoPages(), log );
	installOtherWiki( wikis.statement, [ 'Remote editor' ] );
	if ( main.saved ) {
		log( `demo pages: ${ main.saved } saved` );
	}
	let zh = null;
	if ( opts.zh !== false ) {
		zh = await provisionWiki( wikis.zh, zhWikiPages( demoAccounts().names ), log );
		zh.reader = variantReader( wikis.zh, 'Variant reader', 'zh-hk' );
		if ( zh.saved ) {
			log( `Chinese-language wiki: ${ zh.saved } pages saved` );
		}
	}
	// The notices show the completeness Translate computed, as the statement's language bar does.
	if ( translate.ok ) {
		const statement = statementClient( wikis.statement.api );
		for ( const one of [ main, zh ].filter( Boolean ) ) {
			one.translations = await updateNoticesPage( { statement, statementApi: wikis.statement.api, wiki: one.client, wikiApi: one.wiki.api } );
			if ( one.translations.saved ) {
				log( `${ one.wiki.name }: notices data from Translate's statistics (${ one.translations.changes.join( '; ' ) })` );
			}
		}
	}
	return { ...main, zh, translate };
}
