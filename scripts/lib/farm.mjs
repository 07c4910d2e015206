// The local wiki farm, as Wikimedia runs one: one MediaWiki 1.43 code base, one LocalSettings
// (scripts/wiki/farm.php) that picks the wiki by host name, one SQLite database per wiki, all
// served by one PHP server on one port, and one account system across them (CentralAuth).
//
//   meta.wikimedia.test   metawiki     the statement (translatable with Translate, as on Meta)
//   zh.wikipedia.test     zhwiki       content language zh with its variants, temporary accounts;
//   zh.m.wikipedia.test                its mobile site (MobileFrontend, Minerva)
//   en.wikipedia.test     enwiki
//   zh.wikibooks.test     zhwikibooks  another project family (another site for cookies)
//
// Each instance (`npm start`: "demo", the tests: "test") lives in .wiki/<name>/: LocalSettings.php,
// data/ (the databases, centralauth.sqlite, the shared wikicache.sqlite), state.json, the
// server's pid and log. Browsers reach the host names through --host-resolver-rules, Node through
// the agents of wikiApi.mjs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { listStatementInterwiki, phpString, readStateFile, writeStateFile } from './localWikiFiles.mjs';
import { ROOT } from './paths.mjs';
import { PhpServer } from './phpServer.mjs';
import { lastLines, log, run, SetupError } from './system.mjs';
import { httpGet } from './wikiApi.mjs';

const FARM_PHP = path.join( ROOT, 'scripts/wiki/farm.php' );

/** The farm's wikis: the statement's wiki first. */
export const FARM_WIKIS = [
	{ id: 'metawiki', host: 'meta.wikimedia.test', lang: 'en', sitename: 'Meta', family: 'wikimedia', translate: true },
	{ id: 'zhwiki', host: 'zh.wikipedia.test', mobileHost: 'zh.m.wikipedia.test', lang: 'zh', sitename: '维基百科', family: 'wikipedia', tempAccounts: true },
	{ id: 'enwiki', host: 'en.wikipedia.test', lang: 'en', sitename: 'Wikipedia', family: 'wikipedia' },
	{ id: 'zhwikibooks', host: 'zh.wikibooks.test', lang: 'zh', sitename: '维基教科书', family: 'wikibooks' }
];

function randomToken( bytes ) {
	return crypto.randomBytes( bytes ).toString( 'hex' );
}

/** One wiki of the farm: its URLs, and maintenance scripts run for it (`--wiki`). */
export class FarmWiki {
	constructor( farm, spec ) {
		this.farm = farm;
		this.spec = spec;
		this.id = spec.id;
		this.name = spec.id;
		this.lang = spec.lang;
		this.server = `http://${ spec.host }:${ farm.port }`;
		this.url = `${ this.server }/index.php`;
		this.api = `${ this.server }/api.php`;
		this.mobileServer = spec.mobileHost ? `http://${ spec.mobileHost }:${ farm.port }` : null;
		this.dbFile = path.join( farm.dataDir, `${ spec.id }.sqlite` );
	}

	get options() {
		return { lang: this.lang, translate: Boolean( this.spec.translate && this.farm.has( 'Translate' ) ), tempAccounts: Boolean( this.spec.tempAccounts ) };
	}

	get env() {
		return this.farm.env;
	}

	php( args, opts = {} ) {
		return run( 'php', args, { cwd: IP, env: this.env, ...opts } );
	}

	maintenance( script, args = [], opts = {} ) {
		return this.php( [ 'maintenance/run.php', script, `--wiki=${ this.id }`, ...args ], opts );
	}

	/** PHP run by maintenance/run.php eval for this wiki. */
	evalPhp( code ) {
		return this.maintenance( 'eval', [], { stdio: [ 'pipe', 'pipe', 'pipe' ], input: code } );
	}

	readState() {
		return this.farm.readState();
	}

	writeState( patch ) {
		this.farm.writeState( patch );
	}
}

export class Farm {
	/**
	 * @param {string} name instance ("demo", "test")
	 * @param {number} port the one port every host name is served on
	 * @param {Object} [opts]
	 * @param {string} [opts.portHint] the variable that chooses the port, for messages
	 * @param {Object[]} [opts.wikis] which of FARM_WIKIS (the set-up's own tests install one)
	 */
	constructor( name, port, { portHint = 'OAN_PORT for npm start, OAN_TEST_PORT for the tests', wikis = FARM_WIKIS } = {} ) {
		this.name = name;
		this.port = port;
		this.dir = path.join( ROOT, '.wiki', name );
		this.dataDir = path.join( this.dir, 'data' );
		this.settings = path.join( this.dir, 'LocalSettings.php' );
		this.stateFile = path.join( this.dir, 'state.json' );
		this.extensions = this.readState().extensions || [];
		this.wikis = wikis.map( ( spec ) => new FarmWiki( this, spec ) );
		this.phpServer = new PhpServer( { dir: this.dir, port, env: this.env, responds: () => this.responds(), portHint } );
	}

	get env() {
		return { ...process.env, MW_CONFIG_FILE: this.settings, MW_INSTALL_PATH: IP };
	}

	/** The wiki with this database name. */
	wiki( id ) {
		const found = this.wikis.find( ( w ) => w.id === id );
		if ( !found ) {
			throw new Error( `no wiki ${ id } in the farm` );
		}
		return found;
	}

	get statementWiki() {
		return this.wikis[ 0 ];
	}

	has( extension ) {
		return this.extensions.includes( extension );
	}

	readState() {
		return readStateFile( this.stateFile );
	}

	writeState( patch ) {
		writeStateFile( this.stateFile, patch );
	}

	/**
	 * Installs the farm once, with these optional extensions; a half-finished or moved earlier
	 * install is removed and done again. A farm installed with other extensions is brought up to
	 * date (update.php, and CentralAuth's set-up where it is new).
	 *
	 * @param {string[]} extensions from ensureFarmExtensions()
	 * @return {boolean} whether it installed afresh
	 */
	install( extensions ) {
		const state = this.readState();
		if ( state.installed && state.farm && state.port === this.port && fs.existsSync( this.settings ) ) {
			this.extensions = extensions;
			this.writeSettings( state );
			if ( ( state.extensions || [] ).join() !== extensions.join() ) {
				this.updateDatabases( state.admin );
				this.writeState( { extensions } );
			}
			return false;
		}
		if ( fs.existsSync( this.dir ) ) {
			log( `${ this.name }: removing an incomplete or moved farm in ${ path.relative( ROOT, this.dir ) }` );
			this.stopServer();
			fs.rmSync( this.dir, { recursive: true, force: true } );
		}
		fs.mkdirSync( this.dataDir, { recursive: true } );
		this.extensions = extensions;
		const admin = { user: 'Admin', password: `oan-admin-${ randomToken( 6 ) }` };
		const keys = { secretKey: randomToken( 32 ), upgradeKey: randomToken( 8 ) };
		const started = Date.now();
		for ( const wiki of this.wikis ) {
			this.installDatabase( wiki, admin );
		}
		this.writeSettings( keys );
		this.updateDatabases( admin );
		this.writeState( { ...keys, installed: true, farm: true, port: this.port, admin, extensions } );
		log( `${ this.name }: ${ this.wikis.length } wikis installed in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s` );
		return true;
	}

	/** MediaWiki's installer for one database, into a scratch folder (its LocalSettings is not used). */
	installDatabase( wiki, admin ) {
		const scratch = path.join( this.dir, 'install', wiki.id );
		fs.mkdirSync( scratch, { recursive: true } );
		log( `${ this.name }: installing ${ wiki.id } (${ wiki.server })` );
		try {
			run( 'php', [
				'maintenance/run.php', 'install',
				'--dbtype', 'sqlite', '--dbpath', this.dataDir, '--dbname', wiki.id,
				'--server', wiki.server, '--scriptpath', '',
				'--lang', wiki.lang, '--pass', admin.password,
				'--extensions', 'Gadgets,ParserFunctions,Interwiki',
				'--skins', 'Vector,MonoBook,Timeless,MinervaNeue',
				'--confpath', scratch,
				wiki.spec.sitename, admin.user
			], { cwd: IP, env: { ...process.env, MW_INSTALL_PATH: IP } } );
		} catch ( e ) {
			throw new SetupError( `Installing ${ wiki.id } failed: ${ lastLines( e, 6 ) }. Run npm start again; it starts the farm afresh.` );
		}
		fs.rmSync( scratch, { recursive: true, force: true } );
	}

	/**
	 * update.php on every wiki (the extensions' tables), then, with CentralAuth, the global
	 * accounts: AntiSpoof's table in centralauth.sqlite (update.php leaves it out on SQLite), the
	 * existing accounts made global and Admin attached on every wiki; and on every wiki the m:
	 * prefix in the interwiki table.
	 */
	updateDatabases( admin ) {
		for ( const wiki of this.wikis ) {
			try {
				wiki.maintenance( 'update', [ '--quick' ] );
			} catch ( e ) {
				throw new SetupError( `update.php failed for ${ wiki.id }: ${ lastLines( e ) }` );
			}
			listStatementInterwiki( wiki.dbFile, this.statementWiki.server );
		}
		if ( this.has( 'CentralAuth' ) ) {
			this.setUpCentralAuth( admin );
		}
	}

	setUpCentralAuth( admin ) {
		const meta = this.statementWiki;
		const sql = fs.readFileSync( path.join( IP, 'extensions/AntiSpoof/sql/sqlite/tables-generated.sql' ), 'utf8' )
			.replace( /\/\*_\*\//g, '' ).replace( /CREATE TABLE /g, 'CREATE TABLE IF NOT EXISTS ' ).replace( /CREATE INDEX /g, 'CREATE INDEX IF NOT EXISTS ' );
		try {
			run( 'php', [ '-r', '$db = new PDO( "sqlite:" . $argv[1] ); $db->exec( $argv[2] );', path.join( this.dataDir, 'centralauth.sqlite' ), sql ] );
			meta.maintenance( 'CentralAuth:batchCAAntiSpoof' );
			for ( const wiki of this.wikis ) {
				wiki.maintenance( 'CentralAuth:migratePass0' );
			}
			meta.maintenance( 'CentralAuth:migratePass1' );
			const list = path.join( this.dir, 'admin-userlist.txt' );
			fs.writeFileSync( list, `${ admin.user }\n` );
			for ( const wiki of this.wikis ) {
				wiki.maintenance( 'CentralAuth:attachAccount', [ '--userlist', list, '--quiet' ] );
			}
			fs.rmSync( list );
		} catch ( e ) {
			throw new SetupError( `Setting up CentralAuth failed: ${ lastLines( e ) }` );
		}
	}

	/** The farm's LocalSettings.php: $oanFarm, then scripts/wiki/farm.php. Rewritten on every run. */
	writeSettings( { secretKey, upgradeKey } ) {
		const values = {
			port: this.port,
			dataDir: this.dataDir,
			secretKey,
			upgradeKey,
			statementWiki: this.statementWiki.id,
			extensions: this.extensions,
			wikis: this.wikis.map( ( w ) => w.spec )
		};
		fs.writeFileSync( this.settings, [
			'<?php',
			'// Written by scripts/lib/farm.mjs on every npm start and test run.',
			'require_once "$IP/includes/PlatformSettings.php";',
			`$oanFarm = json_decode( ${ phpString( JSON.stringify( values ) ) }, true );`,
			`require ${ phpString( FARM_PHP ) };`,
			''
		].join( '\n' ) );
	}

	/** Whether the farm's server answers for its first wiki. */
	async responds() {
		try {
			const res = await httpGet( `${ this.statementWiki.api }?action=query&meta=siteinfo&format=json`, { timeout: 5000 } );
			return res.status === 200;
		} catch {
			return false;
		}
	}

	startServer() {
		return this.phpServer.start();
	}

	stopServer() {
		return this.phpServer.stop();
	}

	runningPid() {
		return this.phpServer.runningPid();
	}

	/**
	 * The farm as a file (`.wiki/farm.json` for the demo): every wiki's id, URLs and language, and
	 * the demo's logins. The farm deploy reads the same format.
	 *
	 * @param {Object} accounts
	 * @return {{wikis: Array<{id: string, url: string, api: string, mobileUrl: (string|undefined), language: string}>, accounts: Object}}
	 */
	description( accounts ) {
		return {
			wikis: this.wikis.map( ( w ) => ( {
				id: w.id, url: w.url, api: w.api, ...( w.mobileServer ? { mobileUrl: `${ w.mobileServer }/index.php` } : {} ), language: w.lang
			} ) ),
			accounts
		};
	}
}
