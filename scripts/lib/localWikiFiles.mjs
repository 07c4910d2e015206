// What a local wiki, or the farm, keeps beside its databases and writes into them directly: the
// state file (what is installed and made, so a second run skips it) and the m: row of the
// interwiki table. Shared by the farm (farm.mjs) and the bench's single wikis (wiki.mjs).
import fs from 'node:fs';
import { run } from './system.mjs';

/** The state file's content, or {} where there is none (or it is damaged: the step runs again). */
export function readStateFile( file ) {
	try {
		return JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch {
		return {};
	}
}

/** Merges a patch into the state file. */
export function writeStateFile( file, patch ) {
	fs.writeFileSync( file, JSON.stringify( { ...readStateFile( file ), ...patch }, null, '\t' ) + '\n' );
}

/** A PHP single-quoted string literal. */
export function phpString( text ) {
	return `'${ text.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

/**
 * The m: prefix in a wiki's interwiki table, with its API, as Meta's is on Wikimedia wikis:
 * siteinfo's interwikimap lists it, and the authoring gadget finds the statement's wiki there
 * (scripts/wiki/interwiki.php answers the lookups themselves).
 *
 * @param {string} dbFile the wiki's SQLite database
 * @param {string} server the statement's wiki
 */
export function listStatementInterwiki( dbFile, server ) {
	const php = '$db = new PDO( "sqlite:" . $argv[1] ); $db->prepare( "INSERT OR REPLACE INTO interwiki ( iw_prefix, iw_url, iw_api, iw_wikiid, iw_local, iw_trans ) VALUES ( ?, ?, ?, ?, 1, 0 )" )->execute( [ "m", $argv[2] . "/index.php?title=\\$1", $argv[2] . "/api.php", "" ] );';
	run( 'php', [ '-r', php, dbFile, server ] );
}
