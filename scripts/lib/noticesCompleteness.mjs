// Brings a wiki's notices page up to date with how complete each translation of the statement is,
// as Translate counts it on the statement's wiki (the rules: src/completeness/). Used
// by the translations command and by the provisioning of the local wikis.
import { NOTICES_PAGE } from './definition.mjs';
import { NoticesDataError, CompletenessError, updateNoticesText } from './completeness.mjs';
import { explain, readPage, savePage, wikiClient } from './wikiApi.mjs';

/** A client for the statement's wiki: reading, no login. */
export function statementClient( api ) {
	return wikiClient( api, 'translations' );
}

/**
 * The message of any failure, with where it came from: the data (a file, a wiki's page) or the
 * API.
 */
export function failure( e, api, data ) {
	if ( e instanceof NoticesDataError ) {
		return new CompletenessError( `${ data }: ${ e.message }` );
	}
	return e instanceof CompletenessError ? new CompletenessError( `${ api }: ${ e.message }` ) : explain( e, api );
}

/**
 * Brings a wiki's notices page up to date with the statement wiki's statistics, and saves it
 * when a number changed (with basetimestamp: an edit made meanwhile is a conflict, never
 * overwritten).
 *
 * @param {Object} opts
 * @param {Object} opts.statement client of the statement's wiki (statementClient)
 * @param {string} opts.statementApi its api.php, for messages
 * @param {Object} opts.wiki logged-in mwn client of the wiki whose notices page it is
 * @param {string} opts.wikiApi its api.php, for messages
 * @param {string} [opts.notice] only this notice
 * @param {Object} [opts.stats] options for fetchPageStats
 * @return {Promise<{changes: string[], report: string[], saved: (number|null)}>} saved: the new revision
 */
export async function updateNoticesPage( opts ) {
	let current;
	try {
		current = await readPage( opts.wiki, NOTICES_PAGE );
	} catch ( e ) {
		throw failure( e, opts.wikiApi );
	}
	if ( !current.exists ) {
		throw new CompletenessError( `${ opts.wikiApi }: there is no ${ NOTICES_PAGE }; deploy the gadget first` );
	}
	let result;
	try {
		result = await updateNoticesText( current.content, opts.statement, { notice: opts.notice, stats: opts.stats } );
	} catch ( e ) {
		throw failure( e, opts.statementApi, `${ NOTICES_PAGE } on ${ opts.wikiApi }` );
	}
	if ( result.text === current.content ) {
		return { ...result, saved: null };
	}
	try {
		const res = await savePage( opts.wiki, NOTICES_PAGE, result.text, current, `Statement translations from Translate's statistics: ${ result.changes.join( '; ' ) }`, 'json' );
		return { ...result, saved: res.newrevid };
	} catch ( e ) {
		throw failure( e, opts.wikiApi );
	}
}
