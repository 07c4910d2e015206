// CentralNotice for the bench, on a twin of the bench's wiki: the release archives in
// ../shared/extensions checked against their SHA256SUMS and unpacked into the MediaWiki tree, one
// campaign with one banner set up through maintenance eval (CentralNotice has no write API), and
// the check that the wiki answers with that banner. A step that fails throws a Skipped naming
// the step; the bench then goes on without the CentralNotice variant and says why.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { ROOT } from './paths.mjs';
import { run } from './system.mjs';
import { httpGet } from './wikiApi.mjs';

/** Where the release archives are, beside the repository. */
export const EXTENSIONS_DIR = path.resolve( ROOT, '../shared/extensions' );

/** The archives, in the order they load (CentralNotice requires EventLogging). */
export const ARCHIVES = [
	{ name: 'EventLogging', file: 'EventLogging-REL1_43-f9e8943.tar.gz' },
	{ name: 'CentralNotice', file: 'CentralNotice-REL1_43-c1c5517.tar.gz' }
];

/** The name of the campaign and of its banner (CentralNotice allows letters, digits and _). */
export const CAMPAIGN = 'OfficeActionBench';

/** The devices CentralNotice knows: the banner shows on all of them. */
const DEVICES = [ 'desktop', 'android', 'iphone', 'ipad', 'unknown' ];

/** A step of the CentralNotice set-up that failed: the bench runs without the variant. */
export class Skipped extends Error {
	/**
	 * @param {string} step which step failed ("archive check", "unpacking", …)
	 * @param {string} reason what went wrong, in one line
	 */
	constructor( step, reason ) {
		super( `${ step }: ${ reason }` );
		this.step = step;
		this.reason = reason;
	}
}

/** A path as the messages show it: relative to the repository when it is near (../shared/…). */
function shown( p ) {
	const rel = path.relative( ROOT, p );
	return rel.startsWith( `..${ path.sep }..` ) ? p : rel || '.';
}

/**
 * @param {string} text a SHA256SUMS file ("<hex>  <file>" lines, as sha256sum writes them)
 * @return {Map<string, string>} file name to lower-case hex digest
 */
export function parseSums( text ) {
	const sums = new Map();
	for ( const line of text.split( '\n' ) ) {
		const m = line.match( /^([0-9a-fA-F]{64}) [ *](.+)$/ );
		if ( m ) {
			sums.set( m[ 2 ].trim(), m[ 1 ].toLowerCase() );
		}
	}
	return sums;
}

/**
 * Checks that every archive is there and matches SHA256SUMS.
 *
 * @param {string} [dir]
 * @param {Array<{name: string, file: string}>} [archives]
 * @return {Array<{name: string, file: string, path: string, sha256: string}>}
 * @throws {Skipped} at step "archive check", naming the first archive that fails
 */
export function checkArchives( dir = EXTENSIONS_DIR, archives = ARCHIVES ) {
	const step = 'archive check';
	if ( !fs.existsSync( dir ) ) {
		throw new Skipped( step, `${ shown( dir ) } does not exist` );
	}
	const sumsFile = path.join( dir, 'SHA256SUMS' );
	if ( !fs.existsSync( sumsFile ) ) {
		throw new Skipped( step, `${ shown( sumsFile ) } is missing` );
	}
	const sums = parseSums( fs.readFileSync( sumsFile, 'utf8' ) );
	return archives.map( ( archive ) => {
		const file = path.join( dir, archive.file );
		const expected = sums.get( archive.file );
		if ( !expected ) {
			throw new Skipped( step, `${ archive.file } is not listed in ${ shown( sumsFile ) }` );
		}
		if ( !fs.existsSync( file ) ) {
			throw new Skipped( step, `${ shown( file ) } is missing` );
		}
		const actual = crypto.createHash( 'sha256' ).update( fs.readFileSync( file ) ).digest( 'hex' );
		if ( actual !== expected ) {
			throw new Skipped( step, `${ shown( file ) } does not match SHA256SUMS (sha256 ${ actual.slice( 0, 12 ) }…, expected ${ expected.slice( 0, 12 ) }…): damaged or replaced` );
		}
		return { ...archive, path: file, sha256: actual };
	} );
}

/**
 * Unpacks the checked archives into the MediaWiki tree's extensions/ directory, each once: a
 * marker file holds the digest of the archive it came from.
 *
 * @param {Array<{name: string, file: string, path: string, sha256: string}>} checked from checkArchives()
 * @param {string} [extensionsDir]
 * @return {boolean} whether anything was unpacked (the wiki's tables then need update.php)
 * @throws {Skipped} at step "unpacking"
 */
export function unpackArchives( checked, extensionsDir = path.join( IP, 'extensions' ) ) {
	let unpacked = false;
	for ( const archive of checked ) {
		const target = path.join( extensionsDir, archive.name );
		const marker = path.join( target, '.oan-archive-sha256' );
		if ( fs.existsSync( marker ) && fs.readFileSync( marker, 'utf8' ).trim() === archive.sha256 ) {
			continue;
		}
		let tmp = null;
		try {
			tmp = fs.mkdtempSync( path.join( extensionsDir, `.${ archive.name }-` ) );
			run( 'tar', [ '-xzf', archive.path, '-C', tmp ] );
			if ( !fs.existsSync( path.join( tmp, archive.name, 'extension.json' ) ) ) {
				throw new Skipped( 'unpacking', `${ archive.file } holds no ${ archive.name }/extension.json` );
			}
			fs.rmSync( target, { recursive: true, force: true } );
			fs.renameSync( path.join( tmp, archive.name ), target );
			fs.writeFileSync( marker, `${ archive.sha256 }\n` );
			unpacked = true;
		} catch ( e ) {
			throw e instanceof Skipped ? e : new Skipped( 'unpacking', `${ archive.file }: ${ String( e.stderr || e.message ).trim().split( '\n' ).pop() }` );
		} finally {
			if ( tmp ) {
				fs.rmSync( tmp, { recursive: true, force: true } );
			}
		}
	}
	return unpacked;
}

/** A PHP single-quoted string literal. */
const php = ( text ) => `'${ text.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;

/** maintenance eval reads its input with fgets( STDIN, 1024 ): longer lines would be cut. */
export const EVAL_LINE_MAX = 1023;

/**
 * The maintenance eval statements (one a line, each shorter than EVAL_LINE_MAX) that make or
 * update the banner and its campaign: untargeted, for anonymous and logged-in readers, on every
 * device, in English on the project "wikipedia", running from a day ago for a year. The last
 * line prints a marker only when no statement before it threw (eval skips every line after an
 * exception).
 *
 * @param {string} bannerHtml
 * @param {Date} [now]
 * @return {string}
 */
export function campaignStatements( bannerHtml, now = new Date() ) {
	const ts = ( d ) => d.toISOString().replace( /[-:T]/g, '' ).slice( 0, 14 );
	const start = php( ts( new Date( now.getTime() - 86400000 ) ) );
	const end = php( ts( new Date( now.getTime() + 365 * 86400000 ) ) );
	const name = php( CAMPAIGN );
	const devices = `[ ${ DEVICES.map( php ).join( ', ' ) } ]`;
	// The HTML travels base64-encoded, in pieces short enough for a line each.
	const base64 = Buffer.from( bannerHtml ).toString( 'base64' );
	const pieces = base64.match( /.{1,800}/g ) || [ '' ];
	const lines = [
		'$db = CNDatabase::getDb( DB_PRIMARY );',
		"$user = MediaWiki\\User\\User::newSystemUser( 'CentralNotice bench', [ 'steal' => true ] );",
		"$html = '';",
		...pieces.map( ( piece ) => `$html .= ${ php( piece ) };` ),
		'$html = base64_decode( $html );',
		`$banner = Banner::fromName( ${ name } );`,
		`if ( $banner->exists() ) { $banner->setBodyContent( $html ); $banner->setAllocation( true, true ); $banner->setDevices( ${ devices } ); $banner->save( $user, 'benchmark' ); }`,
		`$error = $banner->exists() ? null : Banner::addBanner( ${ name }, $html, $user, true, true, [], [], ${ devices }, 'benchmark', false, 'office' );`,
		'if ( $error ) { throw new Exception( "addBanner: $error" ); }',
		`$id = Campaign::campaignExists( ${ name } ) ? true : Campaign::addCampaign( ${ name }, true, ${ start }, [ 'wikipedia' ], [ 'en' ], false, [], [], 100, CentralNotice::NORMAL_PRIORITY, $user, null, 'benchmark' );`,
		'if ( is_string( $id ) ) { throw new Exception( "addCampaign: $id" ); }',
		`$added = $id === true ? true : Campaign::addTemplateTo( ${ name }, ${ name }, 25 );`,
		'if ( $added !== true ) { throw new Exception( "addTemplateTo: $added" ); }',
		`$dated = Campaign::updateNoticeDate( ${ name }, ${ start }, ${ end } );`,
		'if ( $dated !== true ) { throw new Exception( "updateNoticeDate: $dated" ); }',
		`Campaign::setBooleanCampaignSetting( ${ name }, 'enabled', true );`,
		'ChoiceDataProvider::invalidateCache();',
		"echo 'OAN-CAMPAIGN-OK ' . json_encode( array_map( static fn ( $c ) => $c['name'], ChoiceDataProvider::getChoices( 'wikipedia', 'en' ) ) ) . \"\\n\";"
	];
	const long = lines.find( ( line ) => Buffer.byteLength( line ) >= EVAL_LINE_MAX );
	if ( long ) {
		throw new Error( `an eval statement is too long for maintenance eval: ${ long.slice( 0, 60 ) }…` );
	}
	return lines.join( '\n' ) + '\n';
}

/**
 * Makes or updates the campaign and its banner on the twin, and checks that CentralNotice now
 * offers it.
 *
 * @param {Object} wiki a Wiki (scripts/lib/wiki.mjs) that loads CentralNotice
 * @param {string} bannerHtml
 * @throws {Skipped} at step "campaign set-up"
 */
export function setUpCampaign( wiki, bannerHtml ) {
	const step = 'campaign set-up';
	const r = spawnSync( 'php', [ 'maintenance/run.php', 'eval' ], { cwd: IP, env: wiki.env, input: campaignStatements( bannerHtml ), encoding: 'utf8' } );
	const done = r.status === 0 && r.stdout.match( /^OAN-CAMPAIGN-OK (.*)$/m );
	if ( !done ) {
		// eval reports an exception on stderr and goes on, skipping every line after it.
		// MediaWiki prefixes its errors with the request's id ("[5f0c…] [no req]   ").
		const lines = `${ r.stderr || '' }\n${ r.stdout || '' }`.split( '\n' ).map( ( l ) => l.replace( /^\[[0-9a-f]+\] \[[^\]]*\]\s*/, '' ).trim() ).filter( Boolean );
		throw new Skipped( step, lines.find( ( l ) => /^Caught |Error|Exception/.test( l ) ) || lines[ 0 ] || `maintenance eval exited with ${ r.status }` );
	}
	if ( !JSON.parse( done[ 1 ] ).includes( CAMPAIGN ) ) {
		throw new Skipped( step, `the campaign ${ CAMPAIGN } is not among the choices for wikipedia/en: ${ done[ 1 ] }` );
	}
}

/**
 * Checks that the twin offers the campaign to an anonymous English reader and that its banner
 * loader answers with the banner.
 *
 * @param {string} server the twin's
 * @param {string} marker text the banner's HTML contains
 * @throws {Skipped} at step "banner check"
 */
export async function checkBanner( server, marker ) {
	const step = 'banner check';
	const get = async ( url ) => {
		try {
			const res = await httpGet( url, { timeout: 20000 } );
			return { status: res.status, text: res.body.toString( 'utf8' ) };
		} catch ( e ) {
			throw new Skipped( step, `${ url }: ${ e.message }` );
		}
	};
	const choices = await get( `${ server }/load.php?lang=en&modules=ext.centralNotice.choiceData&skin=vector-2022` );
	if ( !choices.text.includes( `"${ CAMPAIGN }"` ) ) {
		throw new Skipped( step, `ext.centralNotice.choiceData offers no campaign ${ CAMPAIGN } (HTTP ${ choices.status })` );
	}
	const banner = await get( `${ server }/index.php?title=Special:BannerLoader&campaign=${ CAMPAIGN }&banner=${ CAMPAIGN }&uselang=en&debug=false` );
	if ( !banner.text.includes( 'insertBanner' ) || !banner.text.includes( marker ) ) {
		throw new Skipped( step, `Special:BannerLoader answered no banner (HTTP ${ banner.status }): ${ banner.text.replace( /\s+/g, ' ' ).slice( 0, 120 ) }` );
	}
}
