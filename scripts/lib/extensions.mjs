// Extensions beyond those Debian's MediaWiki package bundles, from release archives (REL1_43
// branches, as ExtensionDistributor gives them) in ../shared/extensions/, checked against the
// SHA256SUMS beside them, unpacked once into .cache/extensions/ and linked into the MediaWiki
// tree's extensions/. Without the archives, or when one fails its checksum, the wikis run
// without them: callers get the reason in one line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { ROOT } from './paths.mjs';
import { run, SetupError } from './system.mjs';

export const EXTENSIONS_DIR = process.env.OAN_EXTENSIONS_DIR || path.join( ROOT, '..', 'shared', 'extensions' );
const UNPACKED = path.join( ROOT, '.cache', 'extensions' );

/** Translate and the one extension it requires, UniversalLanguageSelector. */
export const TRANSLATE_ARCHIVES = [ 'UniversalLanguageSelector-REL1_43-a7d889c.tar.gz', 'Translate-REL1_43-d645dd1.tar.gz' ];

/** Global accounts: CentralAuth and the extension it requires. */
export const CENTRALAUTH_ARCHIVES = [ 'AntiSpoof-REL1_43-cc88016.tar.gz', 'CentralAuth-REL1_43-85aeaed.tar.gz' ];
/** The mobile site. */
export const MOBILEFRONTEND_ARCHIVES = [ 'MobileFrontend-REL1_43-787f8ef.tar.gz' ];

/** The extension an archive holds: its name is the archive's up to "-REL". */
export function extensionName( file ) {
	return file.replace( /-REL.*$/, '' );
}

/**
 * Whether these archives can be installed: each one present in the folder and matching its line
 * of the folder's SHA256SUMS.
 *
 * @param {string[]} files archive names
 * @param {string} [dir]
 * @return {{ok: true, archives: Array<{file: string, name: string, sha256: string}>}|{ok: false, reason: string}}
 */
export function checkArchives( files, dir = EXTENSIONS_DIR ) {
	const shown = path.relative( ROOT, dir ) || dir;
	let sums;
	try {
		sums = fs.readFileSync( path.join( dir, 'SHA256SUMS' ), 'utf8' );
	} catch {
		return { ok: false, reason: `no ${ path.join( shown, 'SHA256SUMS' ) }` };
	}
	const expected = new Map( sums.split( '\n' ).map( ( l ) => l.trim().match( /^([0-9a-f]{64})\s+\*?(\S+)$/ ) ).filter( Boolean ).map( ( m ) => [ m[ 2 ], m[ 1 ] ] ) );
	const archives = [];
	for ( const file of files ) {
		const full = path.join( dir, file );
		if ( !fs.existsSync( full ) ) {
			return { ok: false, reason: `no ${ path.join( shown, file ) }` };
		}
		if ( !expected.has( file ) ) {
			return { ok: false, reason: `${ file } is not listed in ${ path.join( shown, 'SHA256SUMS' ) }` };
		}
		const sha256 = crypto.createHash( 'sha256' ).update( fs.readFileSync( full ) ).digest( 'hex' );
		if ( sha256 !== expected.get( file ) ) {
			return { ok: false, reason: `${ path.join( shown, file ) } does not match its checksum in SHA256SUMS` };
		}
		archives.push( { file, name: extensionName( file ), sha256 } );
	}
	return { ok: true, archives };
}

/**
 * Checks the archives, unpacks each one not unpacked yet, and links it into the MediaWiki tree
 * (the caller has made sure the tree exists). A second run only checks.
 *
 * @param {string[]} files archive names
 * @param {string} [dir]
 * @return {{ok: boolean, reason: (string|undefined)}}
 */
export function ensureExtensions( files, dir = EXTENSIONS_DIR ) {
	const check = checkArchives( files, dir );
	if ( !check.ok ) {
		return check;
	}
	for ( const { file, name, sha256 } of check.archives ) {
		const target = path.join( UNPACKED, file.replace( /\.tar\.gz$/, '' ) );
		const marker = path.join( target, '.sha256' );
		if ( !fs.existsSync( marker ) || fs.readFileSync( marker, 'utf8' ).trim() !== sha256 ) {
			const partial = `${ target }.partial`;
			fs.rmSync( partial, { recursive: true, force: true } );
			fs.mkdirSync( partial, { recursive: true } );
			try {
				run( 'tar', [ '-xzf', path.join( dir, file ), '-C', partial ] );
			} catch ( e ) {
				throw new SetupError( `unpacking ${ file } failed: ${ String( e.stderr || e.message ).trim() }` );
			}
			if ( !fs.existsSync( path.join( partial, name, 'extension.json' ) ) ) {
				throw new SetupError( `${ file } holds no ${ name }/extension.json` );
			}
			fs.writeFileSync( path.join( partial, '.sha256' ), `${ sha256 }\n` );
			fs.rmSync( target, { recursive: true, force: true } );
			fs.renameSync( partial, target );
		}
		const link = path.join( IP, 'extensions', name );
		const points = path.join( target, name );
		let current = null;
		try {
			current = fs.readlinkSync( link );
		} catch {}
		if ( current !== points ) {
			fs.rmSync( link, { recursive: true, force: true } );
			fs.symlinkSync( points, link );
		}
	}
	return { ok: true };
}

/**
 * The optional extensions whose archives are there and match SHA256SUMS, unpacked; and, for each
 * missing group, one line saying what the farm runs without.
 *
 * @param {string} [dir] where the archives and SHA256SUMS are (default ../shared/extensions)
 * @return {{loaded: string[], missing: string[]}}
 */
export function ensureFarmExtensions( dir = EXTENSIONS_DIR ) {
	const groups = [
		{ archives: CENTRALAUTH_ARCHIVES, names: [ 'AntiSpoof', 'CentralAuth' ], without: 'local accounts on each wiki, no global locks' },
		{ archives: MOBILEFRONTEND_ARCHIVES, names: [ 'MobileFrontend' ], without: 'no mobile site (zh.m.wikipedia.test answers as the desktop site)' },
		{ archives: TRANSLATE_ARCHIVES, names: [ 'UniversalLanguageSelector', 'Translate' ], without: 'the statement as plain pages, see docs/translate.md' }
	];
	const loaded = [];
	const missing = [];
	for ( const group of groups ) {
		const result = ensureExtensions( group.archives, dir );
		if ( result.ok ) {
			loaded.push( ...group.names );
		} else {
			missing.push( `${ group.names.join( ' and ' ) } not installed (${ result.reason }): ${ group.without }` );
		}
	}
	return { loaded, missing };
}
