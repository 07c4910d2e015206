// One single local MediaWiki 1.43, as the bench uses them (the demo and the tests run the farm,
// farm.mjs): its install, settings and server on 127.0.0.1.
//
// Each instance (the bench's "bench" and "bench-cn") lives in .wiki/<name>/ with its own
// LocalSettings.php, SQLite database, uploads, server pid and log; PHP finds the settings through
// the MW_CONFIG_FILE environment variable. The MediaWiki code is
// shared (mediawiki.mjs); the settings on top of the installer's are scripts/wiki/settings.php.
import fs from 'node:fs';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { ROOT } from './paths.mjs';
import { PhpServer, portIsFree } from './phpServer.mjs';
import { lastLines, log, run, SetupError } from './system.mjs';
import { httpGet } from './wikiApi.mjs';
import { listStatementInterwiki, phpString, readStateFile, writeStateFile } from './localWikiFiles.mjs';

export { ROOT, IP, SetupError, portIsFree };
export { CHROMIUM, missingSystemPackages, ensureSystemPackages } from './system.mjs';
export { ensureMediaWiki } from './mediawiki.mjs';

const SETTINGS_PHP = path.join( ROOT, 'scripts/wiki/settings.php' );

/** One local wiki: its directory, settings and server. */
export class Wiki {
	/**
	 * @param {string} name instance name ("bench", "bench-cn")
	 * @param {number} port TCP port on 127.0.0.1
	 * @param {Object} [options] what kind of wiki it is (used when installing and writing settings)
	 * @param {string} [options.lang] content language ("en", "zh")
	 * @param {string} [options.dbname] database name, also its wiki id (wgDBname)
	 * @param {string} [options.sitename]
	 * @param {string[]} [options.extensions] extensions loaded beyond the installer's, already
	 *  unpacked into the MediaWiki tree (the bench's twin: EventLogging, CentralNotice)
	 */
	constructor( name, port, options = {} ) {
		this.name = name;
		this.port = port;
		this.options = { lang: 'en', dbname: 'oanwiki', sitename: 'Office Action Notice Demo', extensions: [], ...options };
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
		return readStateFile( this.stateFile );
	}

	writeState( patch ) {
		writeStateFile( this.stateFile, patch );
	}

	/** Installs the wiki once; a half-finished earlier install is removed and redone. */
	install() {
		const state = this.readState();
		if ( state.installed && state.port === this.port && fs.existsSync( this.settings ) && fs.readFileSync( this.settings, 'utf8' ).includes( 'oan-settings.php' ) ) {
			this.writeSettings();
			this.updateForExtensions();
			this.listStatementInterwiki();
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
				'--dbtype', 'sqlite', '--dbpath', path.join( this.dir, 'data' ), '--dbname', this.options.dbname,
				'--server', this.server, '--scriptpath', '',
				'--lang', this.options.lang, '--pass', adminPass,
				'--extensions', 'Gadgets,ParserFunctions,Interwiki',
				'--skins', 'Vector,MonoBook,Timeless,MinervaNeue',
				'--confpath', this.dir,
				this.options.sitename, 'Admin'
			], { cwd: IP, env: { ...process.env, MW_INSTALL_PATH: IP } } );
		} catch ( e ) {
			throw new SetupError( `MediaWiki install failed: ${ String( e.stdout || '' ).slice( -600 ) }${ String( e.stderr || '' ).slice( -600 ) }` );
		}
		fs.appendFileSync( this.settings, "\n# office-action-notice: rewritten by every npm start and test run\nrequire __DIR__ . '/oan-settings.php';\n" );
		this.writeSettings();
		this.writeState( { installed: true, port: this.port, admin: { user: 'Admin', password: adminPass } } );
		this.updateForExtensions();
		this.listStatementInterwiki();
		return true;
	}

	/** The m: prefix in the interwiki table: the wiki itself, which holds the statement pages. */
	listStatementInterwiki() {
		listStatementInterwiki( path.join( this.dir, 'data', `${ this.options.dbname }.sqlite` ), this.server );
	}

	/** The extensions the settings load beyond the installer's (the CentralNotice twin's). */
	loadedExtensions() {
		return this.options.extensions;
	}

	/**
	 * Creates the tables of the extensions the settings load (maintenance/update.php), once for
	 * each list of them: a wiki installed without them gets them the first time it runs with them.
	 * writeState( { updatedFor: null } ) makes it run again.
	 *
	 * @return {boolean} whether update.php ran
	 */
	updateForExtensions() {
		const key = this.loadedExtensions().join( ',' );
		if ( !key || this.readState().updatedFor === key ) {
			return false;
		}
		log( `${ this.name }: creating the tables of ${ this.loadedExtensions().join( ', ' ) } (update.php)` );
		try {
			this.maintenance( 'update', [ '--quick' ] );
		} catch ( e ) {
			throw new SetupError( `update.php failed for ${ key }: ${ lastLines( e ) }` );
		}
		this.writeState( { updatedFor: key } );
		return true;
	}

	/**
	 * Our settings: scripts/wiki/settings.php, with this wiki's values in $oan. Rewritten on every
	 * run, so older installs get new settings.
	 */
	writeSettings() {
		const values = {
			uploadDir: path.join( this.dir, 'images' ),
			statementServer: this.server,
			extensions: this.options.extensions
		};
		fs.writeFileSync( path.join( this.dir, 'oan-settings.php' ), [
			'<?php',
			'// Written by scripts/lib/wiki.mjs on every npm start and test run.',
			`$oan = json_decode( ${ phpString( JSON.stringify( values ) ) }, true );`,
			`require ${ phpString( SETTINGS_PHP ) };`,
			''
		].join( '\n' ) );
	}

	get phpServer() {
		return new PhpServer( { dir: this.dir, port: this.port, env: this.env, responds: () => this.responds(), portHint: 'OAN_BENCH_PORT for the bench' } );
	}

	runningPid() {
		return this.phpServer.runningPid();
	}

	startServer() {
		return this.phpServer.start();
	}

	async responds() {
		try {
			const res = await httpGet( `${ this.api }?action=query&meta=siteinfo&format=json`, { timeout: 5000 } );
			return res.status === 200;
		} catch {
			return false;
		}
	}

	stopServer() {
		return this.phpServer.stop();
	}
}
