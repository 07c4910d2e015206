// The farm file deploy --farm reads (`.wiki/farm.json`'s format, docs/development.md, "The farm
// file"): its wikis, which of them holds the notices data the others copy, and whose bot password
// each one's edits use. Every mistake in it is one line, and a usage error (exit 2).
import fs from 'node:fs';
import { ToolError } from '../wikiApi.mjs';

/** A mistake in how the command was called or in the farm file: exit status 2, nothing read. */
export class UsageError extends ToolError {}

function isBot( value ) {
	return value && typeof value === 'object' && typeof value.username === 'string' && typeof value.password === 'string';
}

/** One wiki entry, checked: { id, api, source, bot } (bot null when the entry has none). */
function readWiki( entry, i, file ) {
	const at = `${ file }: wikis[${ i }]`;
	if ( !entry || typeof entry !== 'object' || typeof entry.id !== 'string' || !entry.id ) {
		throw new UsageError( `${ at } has no "id" (the wiki's database name, such as zhwiki)` );
	}
	if ( typeof entry.api !== 'string' || !entry.api ) {
		throw new UsageError( `${ at } ("${ entry.id }") has no "api" (its api.php URL)` );
	}
	if ( !/^https?:\/\/[^/]/.test( entry.api ) ) {
		throw new UsageError( `${ at } ("${ entry.id }"): "api" ${ JSON.stringify( entry.api ) } is not an http(s) URL` );
	}
	if ( entry.bot !== undefined && !isBot( entry.bot ) ) {
		throw new UsageError( `${ at } ("${ entry.id }"): "bot" must be {"username": "Name@app", "password": "…"}` );
	}
	return { id: entry.id, api: entry.api, source: entry.source === true, bot: entry.bot || null };
}

/**
 * Reads and checks a farm file.
 *
 * @param {string} file
 * @return {{wikis: Array<{id: string, api: string, source: boolean, bot: Object|null}>, source: string, bot: Object|null}}
 *  source: the id of the wiki whose notices page the others copy (the one marked
 *  `"source": true`, else the first); bot: the file's `accounts.bot`, or null
 */
export function readFarmFile( file ) {
	let text;
	try {
		text = fs.readFileSync( file, 'utf8' );
	} catch ( e ) {
		throw new UsageError( `cannot read the farm file ${ file } (${ e.code || e.message })` );
	}
	let farm;
	try {
		farm = JSON.parse( text );
	} catch ( e ) {
		throw new UsageError( `${ file } is not JSON (${ e.message })` );
	}
	if ( !farm || typeof farm !== 'object' || !Array.isArray( farm.wikis ) || !farm.wikis.length ) {
		throw new UsageError( `${ file } has no "wikis" list: {"wikis": [{"id": "metawiki", "api": "https://…/api.php"}, …]}` );
	}
	const wikis = farm.wikis.map( ( w, i ) => readWiki( w, i, file ) );
	const seen = new Set();
	for ( const w of wikis ) {
		if ( seen.has( w.id ) ) {
			throw new UsageError( `${ file }: the wiki ${ w.id } is listed twice` );
		}
		seen.add( w.id );
	}
	const sources = wikis.filter( ( w ) => w.source );
	if ( sources.length > 1 ) {
		throw new UsageError( `${ file }: ${ sources.map( ( w ) => w.id ).join( ' and ' ) } are both marked "source"; the notices data has one home` );
	}
	const bot = farm.accounts && farm.accounts.bot;
	if ( bot !== undefined && !isBot( bot ) ) {
		throw new UsageError( `${ file }: "accounts.bot" must be {"username": "Name@app", "password": "…"}` );
	}
	return { wikis, source: ( sources[ 0 ] || wikis[ 0 ] ).id, bot: bot || null };
}

/**
 * The wikis deploy writes to: all, or those `--only` names (each must be in the file).
 *
 * @param {{wikis: Object[]}} farm readFarmFile()
 * @param {string[]} [only]
 */
export function selectWikis( farm, only ) {
	if ( !only || !only.length ) {
		return farm.wikis;
	}
	const ids = farm.wikis.map( ( w ) => w.id );
	const unknown = only.filter( ( id ) => !ids.includes( id ) );
	if ( unknown.length ) {
		throw new UsageError( `--only ${ unknown.join( ', ' ) }: not in the farm file (it lists ${ ids.join( ', ' ) })` );
	}
	return farm.wikis.filter( ( w ) => only.includes( w.id ) );
}

/**
 * A wiki's bot password: its own `bot` in the farm file, else the file's `accounts.bot`, else
 * `fallback()` (the environment or a credentials file, as the single-wiki deploy reads them).
 */
export function credentialsFor( wiki, farm, fallback ) {
	return wiki.bot || farm.bot || fallback();
}
