// MediaWiki 1.43 itself: Debian 13's `mediawiki` + `mediawiki-classes` packages, downloaded with
// a private apt configuration (the system's sources stay untouched) and extracted into .cache/,
// shared by every local wiki and never written to at run time, but for the extensions the
// bench unpacks into its extensions/ (scripts/lib/centralnotice.mjs), which only its twin loads.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { isDebian, log, run, SetupError } from './system.mjs';

const CACHE = path.join( ROOT, '.cache' );
const MW_VERSION_HINT = '1.43';
export const MW_DIR = path.join( CACHE, 'mediawiki' );
export const IP = path.join( MW_DIR, 'usr/share/mediawiki' );

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
