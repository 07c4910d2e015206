// Accounts on the local wikis: the deploy bot password, the demo accounts, and the second wiki
// of the "farm" (otherwiki) whose accounts Special:UserRights reaches as Name@otherwiki.
import fs from 'node:fs';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { run, SetupError } from './system.mjs';

/** A bot password MediaWiki accepts: only [0-9a-w] count (BotPassword::canonicalizeLoginData). */
export function newBotPassword() {
	return Array.from( { length: 32 }, () => Math.floor( Math.random() * 33 ).toString( 33 ) ).join( '' );
}

/** Creates a bot password for Admin once and returns its credentials. */
export function botPassword( wiki ) {
	const state = wiki.readState();
	if ( state.bot ) {
		return state.bot;
	}
	const password = newBotPassword();
	// A half-finished earlier run may have made "deploy" already: then take a fresh app id.
	for ( const appId of [ 'deploy', `deploy${ Date.now().toString( 36 ) }` ] ) {
		try {
			wiki.maintenance( 'createBotPassword', [
				'--appid', appId,
				'--grants', 'basic,highvolume,editpage,editprotected,createeditmovepage,editinterface,editsiteconfig,editmycssjs,blockusers',
				'Admin', password
			] );
		} catch ( e ) {
			const text = String( e.stderr || '' ) + String( e.stdout || '' );
			if ( /exist/i.test( text ) && appId === 'deploy' ) {
				continue;
			}
			throw new SetupError( `createBotPassword failed: ${ text.trim() }` );
		}
		const bot = { username: `Admin@${ appId }`, password };
		wiki.writeState( { bot } );
		return bot;
	}
	throw new SetupError( 'createBotPassword failed twice' );
}

/**
 * A second wiki, "otherwiki", in the same SQLite directory: never served, but listed in
 * $wgLocalDatabases, so Special:UserRights takes "Name@otherwiki" as it does on a wiki farm.
 */
export function installOtherWiki( wiki, accounts ) {
	const state = wiki.readState();
	if ( state.otherwiki ) {
		return false;
	}
	const confpath = path.join( wiki.dir, 'other' );
	fs.rmSync( confpath, { recursive: true, force: true } );
	fs.mkdirSync( confpath, { recursive: true } );
	for ( const f of fs.readdirSync( path.join( wiki.dir, 'data' ) ).filter( ( n ) => n.startsWith( 'otherwiki' ) ) ) {
		fs.rmSync( path.join( wiki.dir, 'data', f ) );
	}
	try {
		run( 'php', [
			'maintenance/run.php', 'install', '--dbtype', 'sqlite', '--dbpath', path.join( wiki.dir, 'data' ), '--dbname', 'otherwiki',
			'--server', wiki.server, '--scriptpath', '', '--lang', 'en', '--pass', `oan-other-${ Math.random().toString( 36 ).slice( 2, 12 ) }`,
			'--confpath', confpath, 'Other wiki', 'Admin'
		], { cwd: IP, env: { ...process.env, MW_INSTALL_PATH: IP } } );
		for ( const name of accounts ) {
			run( 'php', [ 'maintenance/run.php', 'createAndPromote', name, `oan-remote-${ Math.random().toString( 36 ).slice( 2, 12 ) }` ], {
				cwd: IP, env: { ...process.env, MW_INSTALL_PATH: IP, MW_CONFIG_FILE: path.join( confpath, 'LocalSettings.php' ) }
			} );
		}
	} catch ( e ) {
		throw new SetupError( `Installing the second wiki (otherwiki) failed: ${ String( e.stderr || e.stdout || e.message ).slice( -600 ) }` );
	}
	wiki.writeState( { otherwiki: true } );
	return true;
}

/** The groups an account holds on otherwiki, read from its database. */
export function otherWikiGroups( wiki, name ) {
	const db = path.join( wiki.dir, 'data', 'otherwiki.sqlite' );
	const out = run( 'php', [ '-r', '$db = new PDO( \'sqlite:\' . $argv[1] ); $q = $db->prepare( \'SELECT ug_group FROM user_groups JOIN user ON ug_user = user_id WHERE user_name = ?\' ); $q->execute( [ $argv[2] ] ); echo json_encode( $q->fetchAll( PDO::FETCH_COLUMN ) );', db, name ] );
	return JSON.parse( out );
}

/** Creates accounts that do not exist yet (first letter upper-cased as MediaWiki stores it). */
export function createAccounts( wiki, names, groups = {} ) {
	const state = wiki.readState();
	const done = new Set( state.accounts || [] );
	for ( const name of names ) {
		if ( done.has( name ) ) {
			continue;
		}
		const args = [ name, `oan-demo-${ Math.random().toString( 36 ).slice( 2, 12 ) }` ];
		for ( const g of groups[ name ] || [] ) {
			args.unshift( g === 'sysop' ? '--sysop' : g === 'bureaucrat' ? '--bureaucrat' : `--custom-groups=${ g }` );
		}
		try {
			wiki.maintenance( 'createAndPromote', args );
		} catch ( e ) {
			if ( !/already exists/.test( String( e.stdout ) + String( e.stderr ) ) ) {
				throw new SetupError( `Could not create account ${ name }: ${ String( e.stderr || e.stdout ).trim() }` );
			}
		}
		done.add( name );
		wiki.writeState( { accounts: [ ...done ] } );
	}
}

/**
 * A demo reader whose interface language is the wiki's and whose variant preference is set, as
 * many zhwiki readers have it: created once, with a password the demo prints.
 *
 * @param {Object} wiki a Wiki
 * @param {string} name
 * @param {string} variant the `variant` preference
 * @return {{user: string, password: string}}
 */
export function variantReader( wiki, name, variant ) {
	const state = wiki.readState();
	if ( state.reader && state.reader.variant === variant ) {
		return state.reader;
	}
	const password = `oan-reader-${ Math.random().toString( 36 ).slice( 2, 12 ) }`;
	try {
		wiki.maintenance( 'createAndPromote', [ '--force', name, password ] );
		wiki.php( [ 'maintenance/run.php', 'eval' ], {
			stdio: [ 'pipe', 'pipe', 'pipe' ],
			input: [
				'$services = MediaWiki\\MediaWikiServices::getInstance();',
				`$user = $services->getUserFactory()->newFromName( ${ JSON.stringify( name ) } );`,
				'$options = $services->getUserOptionsManager();',
				`$options->setOption( $user, 'variant', ${ JSON.stringify( variant ) } );`,
				'$options->saveOptions( $user );',
				''
			].join( '\n' )
		} );
	} catch ( e ) {
		throw new SetupError( `Could not create the demo reader ${ name }: ${ String( e.stderr || e.stdout || e.message ).trim() }` );
	}
	const reader = { user: name, password, variant };
	wiki.writeState( { reader } );
	return reader;
}
