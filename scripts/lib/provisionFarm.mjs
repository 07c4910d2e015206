// Brings the local farm (farm.mjs) to the demo state, as the office action of September 2021 left
// the Wikimedia wikis: the statement on Meta (a translatable page where Translate's archives are
// there), global accounts, the banned accounts globally locked (and blocked), the restored one
// unlocked, each wiki's own pages, and the gadget installed on every wiki through the deploy
// command. Used by `npm start` and by the browser tests; every step is skipped when already done.
import fs from 'node:fs';
import path from 'node:path';
import { ensureFarmExtensions } from './extensions.mjs';
import { Farm, FarmWiki } from './farm.mjs';
import { ensureMediaWiki } from './mediawiki.mjs';
import { ROOT } from './paths.mjs';
import { statementClient, updateNoticesPage } from './noticesCompleteness.mjs';
import { newBotPassword } from './accounts.mjs';
import { demoAccounts, deployWithCli } from './provision.mjs';
import { demoPages, enWikiPages, policyPages, STATEMENT, translatableStatement, zhWikiPages } from './seeds.mjs';
import { ensureSystemPackages, lastLines, SetupError } from './system.mjs';
import { ensureTranslatablePage } from './translatable.mjs';
import { ensurePage, login } from './wikiApi.mjs';

/** Where `npm start` describes its farm; other instances keep the file in their folder. */
export function farmFile( farm ) {
	return farm.name === 'demo' ? path.join( ROOT, '.wiki', 'farm.json' ) : path.join( farm.dir, 'farm.json' );
}

function failed( step, e ) {
	return new SetupError( `${ step } failed: ${ lastLines( e ) }` );
}

/**
 * Admin's bot password: with CentralAuth one for every wiki, stored on Meta against the global
 * account (as Wikimedia keeps them); without it, the same password made on each wiki.
 */
function ensureBotPassword( farm ) {
	const state = farm.readState();
	if ( state.bot ) {
		return state.bot;
	}
	const bot = { username: 'Admin@deploy', password: newBotPassword() };
	const wikis = farm.has( 'CentralAuth' ) ? [ farm.statementWiki ] : farm.wikis;
	for ( const wiki of wikis ) {
		try {
			wiki.maintenance( 'createBotPassword', [
				'--appid', 'deploy',
				'--grants', 'basic,highvolume,editpage,editprotected,createeditmovepage,editinterface,editsiteconfig,editmycssjs,blockusers',
				'Admin', bot.password
			] );
		} catch ( e ) {
			throw failed( `Creating the bot password on ${ wiki.id }`, e );
		}
	}
	farm.writeState( { bot } );
	return bot;
}

/**
 * The demo accounts on every wiki: global accounts made on Meta and attached on the others
 * (CentralAuth), or local accounts on each. The demo reader's variant preference is zhwiki's.
 */
function ensureAccounts( farm, names ) {
	const state = farm.readState();
	if ( state.accounts && names.every( ( n ) => state.accounts.includes( n ) ) ) {
		return state.reader;
	}
	const reader = { user: 'Variant reader', password: `oan-reader-${ Math.random().toString( 36 ).slice( 2, 12 ) }`, variant: 'zh-hk' };
	const everyone = names.concat( [ reader.user ] );
	const creators = farm.has( 'CentralAuth' ) ? [ farm.statementWiki ] : farm.wikis;
	for ( const wiki of creators ) {
		for ( const name of everyone ) {
			const password = name === reader.user ? reader.password : `oan-demo-${ Math.random().toString( 36 ).slice( 2, 12 ) }`;
			try {
				wiki.maintenance( 'createAndPromote', [ '--force', name, password ] );
			} catch ( e ) {
				throw failed( `Creating the account ${ name } on ${ wiki.id }`, e );
			}
		}
	}
	if ( farm.has( 'CentralAuth' ) ) {
		const local = everyone.map( ( n ) => `$s->attemptAutoCreateLocalUserFromName( ${ JSON.stringify( n ) } );` ).join( '\n' );
		for ( const wiki of farm.wikis.slice( 1 ) ) {
			try {
				wiki.evalPhp( `$s = MediaWiki\\Extension\\CentralAuth\\CentralAuthServices::getForcedLocalCreationService();\n${ local }\n` );
			} catch ( e ) {
				throw failed( `Attaching the demo accounts on ${ wiki.id }`, e );
			}
		}
	}
	try {
		farm.wiki( 'zhwiki' ).evalPhp( [
			'$services = MediaWiki\\MediaWikiServices::getInstance();',
			`$user = $services->getUserFactory()->newFromName( ${ JSON.stringify( reader.user ) } );`,
			'$options = $services->getUserOptionsManager();',
			`$options->setOption( $user, 'variant', ${ JSON.stringify( reader.variant ) } );`,
			'$options->saveOptions( $user );',
			''
		].join( '\n' ) );
	} catch ( e ) {
		throw failed( 'Setting the demo reader\'s variant', e );
	}
	farm.writeState( { accounts: everyone, reader } );
	return reader;
}

/**
 * The office action's global side: the banned accounts globally locked, as the Foundation's bans
 * are; the restored account locked and then unlocked, so its global log tells the story.
 */
function ensureLocks( farm, { banned, restored } ) {
	if ( !farm.has( 'CentralAuth' ) || farm.readState().locked ) {
		return;
	}
	const lock = ( name, unlock ) => farm.statementWiki.maintenance( 'CentralAuth:LockUser', [
		'--username', name, '--reason', unlock ? 'Demo: restored after the office action' : 'Demo: office action', ...( unlock ? [ '--unlock' ] : [] )
	] );
	try {
		for ( const name of banned ) {
			lock( name, false );
		}
		for ( const name of restored ) {
			lock( name, false );
			lock( name, true );
		}
	} catch ( e ) {
		throw failed( 'Locking the banned accounts', e );
	}
	farm.writeState( { locked: banned } );
}

/** The pages each wiki holds: the statement on Meta, each wiki's own main and user pages. */
function pagesOf( wiki, names ) {
	if ( wiki.id === 'metawiki' ) {
		return wiki.options.translate ? policyPages() : demoPages();
	}
	return wiki.lang === 'zh' ? zhWikiPages( names ) : enWikiPages( names );
}

/** One wiki's pages, the banned accounts blocked there too, and the gadget deployed. */
async function provisionWiki( wiki, bot, accounts, log ) {
	const client = await login( wiki.api, bot, 'provision' );
	let saved = 0;
	for ( const page of pagesOf( wiki, accounts.names ) ) {
		saved += Number( await ensurePage( client, page.title, page.text, 'Demo page for office-action-notice' ) );
	}
	if ( wiki.options.translate ) {
		const started = Date.now();
		const made = await ensureTranslatablePage( wiki, client, STATEMENT, translatableStatement() );
		if ( made.saved ) {
			log( `${ wiki.id }: the statement as a translatable page, ${ made.marked ? 'marked, ' : '' }${ made.saved } pages saved (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s)` );
		}
		saved += made.saved;
	}
	const blocks = await client.request( { action: 'query', list: 'blocks', bkusers: accounts.banned.join( '|' ), formatversion: 2 } );
	const blocked = new Set( blocks.query.blocks.map( ( b ) => b.user ) );
	for ( const name of accounts.banned.filter( ( n ) => !blocked.has( n ) ) ) {
		await client.request( { action: 'block', user: name, expiry: 'infinite', reason: 'Demo: office action', token: client.csrfToken } );
	}
	const deployLog = await deployWithCli( wiki, bot );
	if ( saved ) {
		log( `${ wiki.id }: ${ saved } pages saved` );
	}
	return { wiki, client, deployLog };
}

/**
 * @typedef {Object} ProvisionedWiki
 * @property {FarmWiki} wiki
 * @property {Object} client mwn, logged in with the bot password
 * @property {string} deployLog what the deploy command printed
 */

/**
 * @typedef {Object} ProvisionedFarm
 * @property {Farm} farm
 * @property {Object<string, ProvisionedWiki>} wikis by database name
 * @property {{username: string, password: string}} bot
 * @property {{user: string, password: string}} admin
 * @property {{user: string, password: string, variant: string}} reader
 * @property {{names: string[], banned: string[], restored: string[]}} accounts
 * @property {Object|null} translations what Translate's statistics changed on Meta's notices data
 * @property {Object} description the farm file's content
 * @property {{loaded: string[], missing: string[]}} extensions
 */

/**
 * @param {Object} opts
 * @param {string} opts.name instance ("demo", "test")
 * @param {number} opts.port
 * @param {Function} [opts.log]
 * @param {boolean} [opts.browser] also install Chromium (default true)
 * @return {Promise<ProvisionedFarm>}
 */
export async function provisionFarm( opts ) {
	const log = opts.log || ( () => {} );
	ensureSystemPackages( { browser: opts.browser !== false } );
	ensureMediaWiki();
	const extensions = ensureFarmExtensions();
	for ( const line of extensions.missing ) {
		log( line );
	}
	const farm = new Farm( opts.name, opts.port );
	farm.install( extensions.loaded );
	await farm.startServer();
	const accounts = demoAccounts();
	const bot = ensureBotPassword( farm );
	const reader = ensureAccounts( farm, accounts.names );
	ensureLocks( farm, accounts );
	const wikis = {};
	for ( const wiki of farm.wikis ) {
		wikis[ wiki.id ] = await provisionWiki( wiki, bot, accounts, log );
	}
	// The notices show the completeness Translate computed, as the statement's language bar does.
	let translations = null;
	if ( farm.statementWiki.options.translate ) {
		const statement = statementClient( farm.statementWiki.api );
		for ( const one of Object.values( wikis ) ) {
			one.translations = await updateNoticesPage( { statement, statementApi: farm.statementWiki.api, wiki: one.client, wikiApi: one.wiki.api } );
			if ( one.translations.saved ) {
				log( `${ one.wiki.id }: notices data from Translate's statistics (${ one.translations.changes.join( '; ' ) })` );
			}
		}
		translations = wikis.metawiki.translations;
	}
	const admin = farm.readState().admin;
	const description = farm.description( { admin, bot, reader, banned: accounts.banned, locked: farm.readState().locked || [] } );
	fs.writeFileSync( farmFile( farm ), JSON.stringify( description, null, '\t' ) + '\n' );
	return { farm, wikis, bot, admin, reader, accounts, translations, description, extensions };
}

/** Stops the farm's server, if it runs (`npm stop`, the tests' teardown). */
export function stopFarm( name, port ) {
	return new Farm( name, port ).stopServer();
}
