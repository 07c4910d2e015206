// The system packages the local wikis and the browser tests need (PHP 8.2 with its extensions,
// Chromium), installed with apt-get where that is possible, named exactly where it is not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const PHP_MODULES = { 'php-sqlite3': 'pdo_sqlite', 'php-intl': 'intl', 'php-mbstring': 'mbstring', 'php-xml': 'dom', 'php-gmp': 'gmp', 'php-apcu': 'apcu' };
export const CHROMIUM = '/usr/bin/chromium';

/** A set-up step that failed in a way a person can act on: its message says what to do. */
export class SetupError extends Error {}

/** The last lines a failed command printed (its error output first), joined into one line. */
export function lastLines( e, n = 3 ) {
	return String( e.stderr || e.stdout || e.message ).trim().split( '\n' ).slice( -n ).join( ' ' );
}

export function log( msg ) {
	process.stderr.write( `[wiki] ${ msg }\n` );
}

export function run( cmd, args, opts = {} ) {
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

export function isDebian() {
	return fs.existsSync( '/etc/debian_version' ) && has( 'apt-get' );
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
