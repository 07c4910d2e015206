// deploy --farm: the build published to every wiki of a farm file in one run, and the notices data
// copied from its source wiki to the others. It reads the wikis a few at a time, shows each one's
// plan, asks once, saves, and ends with a table (farmTable.mjs). A wiki that fails is a row with
// its reason; the others go on.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.mjs';
import { explain, savePage } from '../wikiApi.mjs';
import { credentialsFor, selectWikis } from './farmFile.mjs';
import { parseOrUndefined } from './farmCopy.mjs';
import { planWiki, readSource } from './farmPlan.mjs';
import { summaryTable } from './farmTable.mjs';

/** Wikis read, and saved, at the same time. */
export const CONCURRENCY = 3;

/** The one question before saving. */
export function farmSaveQuestion( pages, wikis ) {
	return `Save ${ pages === 1 ? 'this 1 page' : `these ${ pages } pages` } on ${ wikis === 1 ? '1 wiki' : `${ wikis } wikis` }? (y/N) `;
}

/** fn over items, at most `limit` at a time; the results in the items' order. */
export async function mapLimit( items, limit, fn ) {
	const results = new Array( items.length );
	let next = 0;
	const worker = async () => {
		while ( next < items.length ) {
			const i = next++;
			results[ i ] = await fn( items[ i ], i );
		}
	};
	await Promise.all( Array.from( { length: Math.min( limit, items.length ) }, worker ) );
	return results;
}

/** Saves one wiki's edits in order, the progress on `log`; a failure stops that wiki only. */
async function saveWiki( row, log ) {
	const started = Date.now();
	try {
		for ( const edit of row.edits ) {
			const res = await savePage( row.client, edit.title, edit.text, edit.current, edit.summary || row.summary, edit.contentModel );
			row.saved++;
			row.copySaved = row.copySaved || Boolean( edit.copy );
			log( `[${ row.id }] ${ edit.current.exists ? 'edited ' : 'created' } ${ edit.title } (revision ${ res.newrevid })` );
		}
	} catch ( e ) {
		row.error = `${ explain( e, row.api ).message } (${ row.saved } of ${ row.edits.length } page(s) saved)`;
		log( `[${ row.id }] failed: ${ row.error }` );
	}
	row.seconds += ( Date.now() - started ) / 1000;
}

/** Each wiki's plan, in the farm file's order. */
function showPlans( rows, log ) {
	for ( const row of rows ) {
		log( '', `== ${ row.id } (${ row.api })`, ...row.lines );
		if ( row.error ) {
			log( `error: ${ row.error }` );
		} else if ( !row.lines.length ) {
			log( 'nothing to change' );
		}
	}
	log( '' );
}

/**
 * @param {{pages: Object[]}} manifest the build's
 * @param {Object} opts
 * @param {Object} opts.farm readFarmFile()
 * @param {string[]} [opts.only] the ids of the wikis to write to
 * @param {boolean} [opts.dryRun]
 * @param {boolean} [opts.yes]
 * @param {Function} [opts.confirm] asks the one question
 * @param {boolean} [opts.definition]
 * @param {boolean} [opts.diffs] show every page's diff (a copy's conflict shows its diff anyway)
 * @param {boolean} [opts.replaceCopies] replace copies edited on their wiki
 * @param {Function} opts.credentials the credentials of a wiki without any in the farm file
 * @param {Function} [opts.log]
 * @return {Promise<{rows: Object[], failed: boolean}>} failed: a wiki failed or kept a conflict
 */
export async function farmDeploy( manifest, opts ) {
	const log = opts.log || ( ( ...lines ) => lines.forEach( ( l ) => process.stdout.write( l + '\n' ) ) );
	const farm = opts.farm;
	const wikis = selectWikis( farm, opts.only );
	const credentials = ( w ) => credentialsFor( w, farm, opts.credentials );
	const sourceWiki = farm.wikis.find( ( w ) => w.id === farm.source );
	const source = await readSource( sourceWiki, credentials( sourceWiki ), log );
	const rows = [];
	try {
		log( `the notices data: ${ source.from.wiki }'s revision ${ source.from.revision }, checked; reading ${ wikis.length } wiki(s), ${ CONCURRENCY } at a time` );
		const pristine = parseOrUndefined( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );
		const ctx = { source, credentials, pristine, opts };
		rows.push( ...await mapLimit( wikis, CONCURRENCY, async ( w ) => {
			const row = await planWiki( manifest, w, ctx );
			log( `[${ row.id }] read in ${ row.seconds.toFixed( 1 ) } s: ${ row.error ? 'failed' : `${ row.edits.length } page(s) to save` }` );
			return row;
		} ) );
		showPlans( rows, log );
		const pages = rows.reduce( ( n, r ) => n + r.edits.length, 0 );
		const changing = rows.filter( ( r ) => r.edits.length );
		if ( opts.dryRun ) {
			log( `dry run: ${ pages } page(s) on ${ changing.length } wiki(s) would change; nothing was saved` );
		} else if ( pages && !opts.yes && !await opts.confirm( farmSaveQuestion( pages, changing.length ) ) ) {
			log( 'not saved: nothing was changed on any wiki' );
			return { rows, failed: false };
		} else {
			await mapLimit( changing, CONCURRENCY, ( r ) => saveWiki( r, log ) );
		}
		log( '', ...summaryTable( rows, opts.dryRun ) );
		return { rows, failed: rows.some( ( r ) => r.error || r.conflicts ) };
	} finally {
		await Promise.all( [ source.client, ...rows.map( ( r ) => r.client ) ].filter( Boolean ).map( ( c ) => c.logout().catch( () => {} ) ) );
	}
}
