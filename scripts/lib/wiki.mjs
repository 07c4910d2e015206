// Local MediaWiki 1.43 for the demo and the browser tests.
//
// The MediaWiki code comes from Debian 13's `mediawiki` + `mediawiki-classes` packages,
// downloaded with a private apt configuration (the system's sources stay untouched) and
// extracted into .cache/ (shared by all instances, never written to at run time). Each
// instance (`npm start` uses "demo", the tests use "test") lives in .wiki/<name>/ with its
// own LocalSettings.php, SQLite database, uploads, server pid and log; PHP finds the
// settings through the MW_CONFIG_FILE environment variable.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { ROOT } from './paths.mjs';
export { ROOT };
const CACHE = path.join( ROOT, '.cache' );
const MW_VERSION_HINT = '1.43';
export const MW_DIR = path.join( CACHE, 'mediawiki' );
export const IP = path.join( MW_DIR, 'usr/share/mediawiki' );

const PHP_MODULES = { 'php-sqlite3': 'pdo_sqlite', 'php-intl': 'intl', 'php-mbstring': 'mbstring', 'php-xml': 'dom', 'php-gmp': 'gmp', 'php-apcu': 'apcu' };
export const CHROMIUM = '/usr/bin/chromium';

export class SetupError extends Error {}

function log( msg ) {
	process.stderr.write( `[wiki] ${ msg }\n` );
}

function run( cmd, args, opts = {} ) {
	return execFileSync( cmd, args, { encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ], ...opts } );
}

function has( cmd ) {
	try {
		run( 'sh', [ '-c', `command -v ${ cmd }` ] );
		return true;
	} catch {
		return false;
	}
}

/** Debian packages that are still missing (PHP and its extensions, Chromium). */
export function missingSystemPackages( { browser = true } = {} ) {
	const missing = [];
	let modules = '';
	if ( has( 'php' ) ) {
		modules = run( 'php', [ '-m' ] ).toLowerCase();
	} else {
		missing.push( 'php-cli' );
	}
	for ( const [ pkg, mod ] of Object.entries( PHP_MODULES ) ) {
		if ( !modules.split( '\n' ).includes( mod ) ) {
			missing.push( pkg );
		}
	}
	if ( browser && !fs.existsSync( CHROMIUM ) ) {
		missing.push( 'chromium' );
	}
	return missing;
}

function isDebian() {
	return fs.existsSync( '/etc/debian_version' ) && has( 'apt-get' );
}

/** Installs what is missing with apt-get, or explains exactly what to install by hand. */
export function ensureSystemPackages( opts ) {
	const missing = missingSystemPackages( opts );
	if ( !missing.length ) {
		return;
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if ( !isRoot || !isDebian() ) {
		throw new SetupError(
			`Missing system packages: ${ missing.join( ' ' ) }.\n` +
			`Install them as root on Debian 12: apt-get update && apt-get install -y ${ missing.join( ' ' ) }\n` +
			'(other systems: PHP 8.2 CLI with the pdo_sqlite, intl, mbstring, dom, gmp and apcu extensions, and Chromium at /usr/bin/chromium)'
		);
	}
	log( `installing ${ missing.join( ' ' ) } with apt-get (once)` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		run( 'apt-get', [ 'update', '-qq' ], { env, stdio: 'inherit' } );
		run( 'apt-get', [ 'install', '-y', '-qq', '--no-install-recommends', ...missing ], { env, stdio: 'inherit' } );
	} catch ( e ) {
		throw new SetupError( `apt-get could not install ${ missing.join( ' ' ) }: ${ e.message.split( '\n' )[ 0 ] }` );
	}
	const still = missingSystemPackages( opts );
	if ( still.length ) {
		throw new SetupError( `Still missing after apt-get: ${ still.join( ' ' ) }` );
	}
}

/**
 * Downloads MediaWiki 1.43 from Debian 13 (trixie) with a private apt configuration and
 * extracts it into .cache/mediawiki. Re-runs are free once the tree is complete.
 */
export function ensureMediaWiki() {
	const marker = path.join( MW_DIR, '.complete' );
	if ( fs.existsSync( marker ) ) {
		return;
	}
	if ( !isDebian() ) {
		throw new SetupError( 'Fetching MediaWiki needs apt-get and dpkg-deb (Debian). Elsewhere, unpack MediaWiki 1.43 into .cache/mediawiki/usr/share/mediawiki and create .cache/mediawiki/.complete.' );
	}
	const apt = path.join( CACHE, 'apt' );
	for ( const d of [ 'lists/partial', 'archives/partial', 'etc' ] ) {
		fs.mkdirSync( path.join( apt, d ), { recursive: true } );
	}
	const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
	if ( !fs.existsSync( keyring ) ) {
		throw new SetupError( `${ keyring } is missing: apt-get install debian-archive-keyring` );
	}
	// The same mirror apt already uses, read from the system's sources, so no host is hard-coded.
	const mirror = findDebianMirror();
	fs.writeFileSync( path.join( apt, 'etc/sources.list' ), `deb [signed-by=${ keyring }] ${ mirror } trixie main\n` );
	const opts = [
		'-o', `Dir::Etc::SourceList=${ path.join( apt, 'etc/sources.list' ) }`,
		'-o', 'Dir::Etc::SourceParts=/dev/null',
		'-o', `Dir::State::Lists=${ path.join( apt, 'lists' ) }`,
		'-o', `Dir::Cache=${ apt }`,
		'-o', `Dir::Cache::Archives=${ path.join( apt, 'archives' ) }`,
		'-o', 'APT::Sandbox::User=root'
	];
	log( `downloading MediaWiki ${ MW_VERSION_HINT } (Debian 13 packages mediawiki, mediawiki-classes)` );
	try {
		run( 'apt-get', [ ...opts, 'update', '-qq' ] );
		run( 'apt-get', [ ...opts, 'download', 'mediawiki', 'mediawiki-classes' ], { cwd: path.join( apt, 'archives' ) } );
	} catch ( e ) {
		throw new SetupError( `apt-get could not download MediaWiki from ${ mirror } (trixie): ${ String( e.stderr || e.message ).trim().split( '\n' ).pop() }` );
	}
	const debs = fs.readdirSync( path.join( apt, 'archives' ) ).filter( ( f ) => /^mediawiki(-classes)?_.*\.deb$/.test( f ) );
	fs.rmSync( MW_DIR, { recursive: true, force: true } );
	fs.mkdirSync( MW_DIR, { recursive: true } );
	for ( const deb of debs ) {
		run( 'dpkg-deb', [ '-x', path.join( apt, 'archives', deb ), MW_DIR ] );
	}
	const version = fs.readFileSync( path.join( IP, 'includes/Defines.php' ), 'utf8' ).match( /MW_VERSION', '([^']+)'/ );
	if ( !version || !version[ 1 ].startsWith( MW_VERSION_HINT ) ) {
		throw new SetupError( `Expected MediaWiki ${ MW_VERSION_HINT }, found ${ version ? version[ 1 ] : 'no version' }` );
	}
	// The package points these at /var/lib/mediawiki and /etc/mediawiki: replace them with our own.
	for ( const name of [ 'LocalSettings.php', 'config', 'images', 'extensions' ] ) {
		fs.rmSync( path.join( IP, name ), { recursive: true, force: true } );
	}
	fs.mkdirSync( path.join( IP, 'extensions' ) );
	for ( const ext of fs.readdirSync( path.join( IP, 'extensions-core' ) ) ) {
		fs.symlinkSync( path.join( '..', 'extensions-core', ext ), path.join( IP, 'extensions', ext ) );
	}
	fs.mkdirSync( path.join( IP, 'images' ) );
	fs.mkdirSync( path.join( IP, 'config' ) );
	fs.writeFileSync( marker, `${ version[ 1 ] }\n` );
	log( `MediaWiki ${ version[ 1 ] } ready in ${ path.relative( ROOT, IP ) }` );
}

function findDebianMirror() {
	const files = [ '/etc/apt/sources.list', ...listDir( '/etc/apt/sources.list.d' ).map( ( f ) => path.join( '/etc/apt/sources.list.d', f ) ) ];
	for ( const file of files ) {
		const text = fs.existsSync( file ) ? fs.readFileSync( file, 'utf8' ) : '';
		const m = text.match( /^URIs:\s*(\S+\/debian)\/?\s*$/m ) || text.match( /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m );
		if ( m ) {
			return m[ 1 ];
		}
	}
	throw new SetupError( 'No Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/' );
}

function listDir( dir ) {
	try {
		return fs.readdirSync( dir );
	} catch {
		return [];
	}
}

export function portIsFree( port ) {
	return new Promise( ( resolve ) => {
		const srv = net.createServer();
		srv.once( 'error', () => resolve( false ) );
		srv.listen( port, '127.0.0.1', () => srv.close( () => resolve( true ) ) );
	} );
}

/** One local wiki: its directory, settings, server and accounts. */
export class Wiki {
	/**
	 * @param {string} name instance name ("demo", "test")
	 * @param {number} port TCP port on 127.0.0.1
	 */
	constructor( name, port ) {
		this.name = name;
		this.port = port;
		this.dir = path.join( ROOT, '.wiki', name );
		this.server = `http://127.0.0.1:${ port }`;
		this.api = `${ this.server }/api.php`;
		this.settings = path.join( this.dir, 'LocalSettings.php' );
		this.stateFile = path.join( this.dir, 'state.json' );
	}

	get env() {
		return { ...process.env, MW_CONFIG_FILE: this.settings, MW_INSTALL_PATH: IP };
	}

	php( args, opts = {} ) {
		return run( 'php', args, { cwd: IP, env: this.env, ...opts } );
	}

	maintenance( script, args = [] ) {
		return this.php( [ 'maintenance/run.php', script, ...args ] );
	}

	readState() {
		try {
			return JSON.parse( fs.readFileSync( this.stateFile, 'utf8' ) );
		} catch {
			return {};
		}
	}

	writeState( patch ) {
		fs.writeFileSync( this.stateFile, JSON.stringify( { ...this.readState(), ...patch }, null, '\t' ) + '\n' );
	}

	/** Installs the wiki once; a half-finished earlier install is removed and redone. */
	install() {
		const state = this.readState();
		if ( state.installed && state.port === this.port && fs.existsSync( this.settings ) && fs.readFileSync( this.settings, 'utf8' ).includes( 'oan-settings.php' ) ) {
			this.writeSettings();
			return false;
		}
		if ( fs.existsSync( this.dir ) ) {
			log( `${ this.name }: removing an incomplete or moved install in ${ path.relative( ROOT, this.dir ) }` );
			this.stopServer();
			fs.rmSync( this.dir, { recursive: true, force: true } );
		}
		fs.mkdirSync( path.join( this.dir, 'data' ), { recursive: true } );
		fs.mkdirSync( path.join( this.dir, 'images' ), { recursive: true } );
		const adminPass = `oan-admin-${ Math.random().toString( 36 ).slice( 2, 12 ) }`;
		log( `${ this.name }: installing an SQLite wiki on ${ this.server }` );
		try {
			run( 'php', [
				'maintenance/run.php', 'install',
				'--dbtype', 'sqlite', '--dbpath', path.join( this.dir, 'data' ), '--dbname', 'oanwiki',
				'--server', this.server, '--scriptpath', '',
				'--lang', 'en', '--pass', adminPass,
				'--extensions', 'Gadgets,ParserFunctions,Interwiki',
				'--skins', 'Vector,MonoBook,Timeless,MinervaNeue',
				'--confpath', this.dir,
				'Office Action Notice Demo', 'Admin'
			], { cwd: IP, env: { ...process.env, MW_INSTALL_PATH: IP } } );
		} catch ( e ) {
			throw new SetupError( `MediaWiki install failed: ${ String( e.stdout || '' ).slice( -600 ) }${ String( e.stderr || '' ).slice( -600 ) }` );
		}
		fs.appendFileSync( this.settings, "\n# office-action-notice: rewritten by every npm start and test run\nrequire __DIR__ . '/oan-settings.php';\n" );
		this.writeSettings();
		this.writeState( { installed: true, port: this.port, admin: { user: 'Admin', password: adminPass } } );
		return true;
	}

	/** Our settings live in their own file, rewritten each time, so older installs get new ones. */
	writeSettings() {
		fs.writeFileSync( path.join( this.dir, 'oan-settings.php' ), `<?php\n${ localSettingsTail( this ) }` );
	}

	pidFile() {
		return path.join( this.dir, 'server.pid' );
	}

	runningPid() {
		try {
			const pid = Number( fs.readFileSync( this.pidFile(), 'utf8' ) );
			process.kill( pid, 0 );
			return pid;
		} catch {
			return null;
		}
	}

	async startServer() {
		if ( this.runningPid() && await this.responds() ) {
			return false;
		}
		if ( !await portIsFree( this.port ) ) {
			throw new SetupError( `Port ${ this.port } on 127.0.0.1 is taken by another program. Free it, or choose another port (OAN_PORT for npm start, OAN_TEST_PORT for the tests).` );
		}
		const out = fs.openSync( path.join( this.dir, 'server.log' ), 'a' );
		const child = spawn( 'php', [ '-S', `127.0.0.1:${ this.port }`, '-t', IP ], {
			cwd: IP, env: { ...this.env, PHP_CLI_SERVER_WORKERS: '4' }, detached: true, stdio: [ 'ignore', out, out ]
		} );
		child.unref();
		fs.writeFileSync( this.pidFile(), String( child.pid ) );
		for ( let i = 0; i < 100; i++ ) {
			if ( await this.responds() ) {
				return true;
			}
			await new Promise( ( r ) => {
				setTimeout( r, 100 );
			} );
		}
		throw new SetupError( `The PHP server did not answer on ${ this.server } within 10 s; see ${ path.join( this.dir, 'server.log' ) }` );
	}

	async responds() {
		try {

			const res = await fetch( `${ this.api }?action=query&meta=siteinfo&format=json`, { signal: AbortSignal.timeout( 5000 ) } );
			return res.ok;
		} catch {
			return false;
		}
	}

	stopServer() {
		const pid = this.runningPid();
		if ( pid ) {
			try {
				// Negative pid: the whole process group (php -S and its workers).
				process.kill( -pid, 'SIGTERM' );
			} catch {
				process.kill( pid, 'SIGTERM' );
			}
		}
		fs.rmSync( this.pidFile(), { force: true } );
		return Boolean( pid );
	}

	/** Creates a bot password for Admin once and returns its credentials. */
	botPassword() {
		const state = this.readState();
		if ( state.bot ) {
			return state.bot;
		}
		// MediaWiki recognises a bot password only by the characters [0-9a-w] (BotPassword::canonicalizeLoginData).
		const password = Array.from( { length: 32 }, () => Math.floor( Math.random() * 33 ).toString( 33 ) ).join( '' );
		// A half-finished earlier run may have made "deploy" already: then take a fresh app id.
		for ( const appId of [ 'deploy', `deploy${ Date.now().toString( 36 ) }` ] ) {
			try {
				this.maintenance( 'createBotPassword', [
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
			this.writeState( { bot } );
			return bot;
		}
		throw new SetupError( 'createBotPassword failed twice' );
	}

	/**
	 * A second wiki, "otherwiki", in the same SQLite directory: never served, but listed in
	 * $wgLocalDatabases, so Special:UserRights takes "Name@otherwiki" as it does on a wiki farm.
	 */
	installOtherWiki( accounts ) {
		const state = this.readState();
		if ( state.otherwiki ) {
			return false;
		}
		const confpath = path.join( this.dir, 'other' );
		fs.rmSync( confpath, { recursive: true, force: true } );
		fs.mkdirSync( confpath, { recursive: true } );
		for ( const f of fs.readdirSync( path.join( this.dir, 'data' ) ).filter( ( n ) => n.startsWith( 'otherwiki' ) ) ) {
			fs.rmSync( path.join( this.dir, 'data', f ) );
		}
		try {
			run( 'php', [
				'maintenance/run.php', 'install', '--dbtype', 'sqlite', '--dbpath', path.join( this.dir, 'data' ), '--dbname', 'otherwiki',
				'--server', this.server, '--scriptpath', '', '--lang', 'en', '--pass', `oan-other-${ Math.random().toString( 36 ).slice( 2, 12 ) }`,
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
		this.writeState( { otherwiki: true } );
		return true;
	}

	/** The groups an account holds on otherwiki, read from its database. */
	otherWikiGroups( name ) {
		const db = path.join( this.dir, 'data', 'otherwiki.sqlite' );
		const out = run( 'php', [ '-r', '$db = new PDO( \'sqlite:\' . $argv[1] ); $q = $db->prepare( \'SELECT ug_group FROM user_groups JOIN user ON ug_user = user_id WHERE user_name = ?\' ); $q->execute( [ $argv[2] ] ); echo json_encode( $q->fetchAll( PDO::FETCH_COLUMN ) );', db, name ] );
		return JSON.parse( out );
	}

	/** Creates accounts that do not exist yet (first letter upper-cased as MediaWiki stores it). */
	createAccounts( names, groups = {} ) {
		const state = this.readState();
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
				this.maintenance( 'createAndPromote', args );
			} catch ( e ) {
				if ( !/already exists/.test( String( e.stdout ) + String( e.stderr ) ) ) {
					throw new SetupError( `Could not create account ${ name }: ${ String( e.stderr || e.stdout ).trim() }` );
				}
			}
			done.add( name );
			this.writeState( { accounts: [ ...done ] } );
		}
	}
}

function localSettingsTail( wiki ) {
	return `
# --- office-action-notice: local demo/test settings ---
$wgMainCacheType = CACHE_DB;
$wgMessageCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgUploadDirectory = ${ JSON.stringify( path.join( wiki.dir, 'images' ) ) };
$wgEnableBotPasswords = true;
$wgDefaultSkin = 'vector-2022';
$wgRateLimits = [];
$wgPasswordAttemptThrottle = false;
$wgAccountCreationThrottle = 0;
$wgShowExceptionDetails = true;
$wgEnableUploads = false;
$wgFavicon = '/resources/assets/change-your-logo-icon.svg';
$wgVectorNightMode = [ 'logged_in' => true, 'logged_out' => true, 'beta' => false ];
// Groups that give access to nonpublic data on Wikimedia wikis (CheckUser, Oversight are not
// installed here): defined so Special:UserRights offers them, as the notices data names them.
$wgGroupPermissions['checkuser']['read'] = true;
$wgGroupPermissions['suppress']['read'] = true;
// A second wiki of the same "farm", for Special:UserRights/Name@otherwiki.
$wgLocalDatabases = [ 'oanwiki', 'otherwiki' ];
$wgGroupPermissions['bureaucrat']['userrights-interwiki'] = true;
// Statements live on Meta (prefix m:) on Wikimedia wikis; here m: points back at this wiki so
// the default notices data links to the demo pages.
$wgHooks['InterwikiLoadPrefix'][] = static function ( $prefix, &$iwData ) {
	if ( $prefix !== 'm' ) {
		return true;
	}
	$iwData = [ 'iw_prefix' => 'm', 'iw_url' => ${ JSON.stringify( wiki.server ) } . '/index.php?title=$1',
		'iw_api' => ${ JSON.stringify( wiki.api ) }, 'iw_wikiid' => '', 'iw_local' => 1, 'iw_trans' => 0 ];
	return false;
};
`;
}
