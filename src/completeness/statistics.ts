// How complete each translation of a statement is, from the statistics Translate keeps on the
// statement's wiki (meta=messagegroupstats, group "page-<statement page>").
//
// No Node or browser API here: `npm run translations` (scripts/translations.mjs) runs it with an
// mwn client, the authoring gadget with mw.ForeignApi; either is a client whose request( params )
// resolves with the API's JSON answer and rejects with an error carrying the API's error `code`.
// Written with promises, not async functions, so that ES2016 needs no helper for it.
import { DATA_LANGUAGE_CODE } from '../config/patterns';

/** A failure the person running it can act on: the message says what happened, in one line. */
export class CompletenessError extends Error {}

/** A failure of the notices data itself (not of the statement's wiki). */
export class NoticesDataError extends CompletenessError {}

/** An Action API client: mwn, or mw.Api wrapped (src/authoring/completeness.ts). */
export interface StatementClient {
	request: ( params: Record<string, unknown> ) => Promise<unknown>;
}

/** One language's row of Translate's statistics. */
export interface StatsRow {
	language: string;
	total: number;
	translated: number;
	fuzzy: number;
}

/** A translation as Translate counts it. */
export interface CountedTranslation {
	language: string;
	complete: number;
}

export interface StatsOptions {
	/** Answers without progress before giving up (default 6). */
	tries?: number;
	/** Milliseconds between them (default 1000). */
	pause?: number;
	/** ( ms ) => Promise, for tests. */
	wait?: ( ms: number ) => Promise<unknown>;
}

/** One statement page's translations, as the language bar shows them. */
export interface StatementTranslations {
	title: string;
	source: string;
	translations: CountedTranslation[];
	/** One line per language with outdated units. */
	notes: string[];
}

/**
 * The percentage Translate's language bar shows for a translation (the link title "… (48%
 * translated)" and the header of the translation page): the share rounded to two decimals as
 * PHP's sprintf( '%.2f' ) rounds it, times 100. That is to the nearest percent, an exact half
 * to the even one (1/8 is 12 %, 3/8 is 38 %). Fuzzy units are not in `translated`.
 *
 * @param translated
 * @param total
 * @return whole percent, 0 to 100
 */
export function barPercent( translated: number, total: number ): number {
	if ( !total ) {
		return 0;
	}
	const share = translated / total;
	// Only a multiple of 1/8 that is not one of 1/4 makes an exact half of a percent in binary.
	if ( Number.isInteger( share * 8 ) && !Number.isInteger( share * 4 ) ) {
		const below = Math.floor( share * 100 );
		return below % 2 === 0 ? below : below + 1;
	}
	return Math.round( Number( share.toFixed( 2 ) ) * 100 );
}

/**
 * The translations Translate's statistics show: every language with a translated or outdated
 * unit, except the page's source language (the original). An outdated (fuzzy) unit counts as
 * untranslated, as on the language bar.
 *
 * @param rows
 * @param page
 * @param page.source the source language of the statement page
 * @param page.known the language codes MediaWiki knows (meta=siteinfo)
 * @return translations in language code order; notes: one line per language with outdated units
 * @throws {CompletenessError} for a language code MediaWiki or the gadget does not take
 */
export function completenessFromStats(
	rows: StatsRow[], page: { source: string; known: string[] }
): { translations: CountedTranslation[]; notes: string[] } {
	const knownCodes = new Set( page.known );
	const translations: CountedTranslation[] = [];
	const notes: string[] = [];
	for ( const row of rows.slice().sort( ( a, b ) => a.language < b.language ? -1 : a.language > b.language ? 1 : 0 ) ) {
		if ( row.language === page.source || !( row.translated > 0 || row.fuzzy > 0 ) ) {
			continue;
		}
		// The data's rule for language codes: data it refuses is never written.
		if ( !knownCodes.has( row.language ) || !DATA_LANGUAGE_CODE.test( row.language ) ) {
			throw new CompletenessError( `Translate counts a translation into "${ row.language }", a language code ${ knownCodes.has( row.language ) ? 'the gadget' : 'MediaWiki' } does not know` );
		}
		const complete = barPercent( row.translated, row.total );
		translations.push( { language: row.language, complete } );
		if ( row.fuzzy > 0 ) {
			notes.push( `${ row.language }: ${ row.fuzzy } of ${ row.total } units outdated (fuzzy), counted as untranslated: ${ complete }%` );
		}
	}
	return { translations, notes };
}

function delay( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}

interface StatsAnswer {
	query?: { messagegroupstats?: ( Partial<StatsRow> & { code?: string } )[] };
	continue?: Record<string, unknown>;
}

/**
 * Reads a page's statistics, following the answer's continuation. A cold statistics cache
 * answers with fewer rows (none, at first) and a `continue` while Translate computes them in a
 * job: asked again, a bounded number of times.
 *
 * @param client
 * @param page the statement page on the statement's wiki, without interwiki prefix
 * @param opts
 */
export function fetchPageStats( client: StatementClient, page: string, opts: StatsOptions = {} ): Promise<StatsRow[]> {
	const tries = opts.tries === undefined ? 6 : opts.tries;
	const pause = opts.pause === undefined ? 1000 : opts.pause;
	const wait = opts.wait || delay;
	const rows = new Map<string, StatsRow>();
	let stalled = 0;
	const params = { action: 'query', meta: 'messagegroupstats', mgsgroup: `page-${ page }`, formatversion: 2 };
	const ask = ( cont: Record<string, unknown> ): Promise<StatsRow[]> => client.request( Object.assign( {}, params, cont ) ).then( ( answer ) => {
		const res = answer as StatsAnswer;
		const got = res && res.query && res.query.messagegroupstats;
		if ( !Array.isArray( got ) ) {
			throw new CompletenessError( 'the answer has no message group statistics: the wiki does not run Translate' );
		}
		const before = rows.size;
		for ( const row of got ) {
			const language = ( row.language || row.code ) as string;
			rows.set( language, { language, total: row.total as number, translated: row.translated as number, fuzzy: row.fuzzy as number } );
		}
		if ( !res.continue ) {
			return Array.from( rows.values() );
		}
		stalled = rows.size > before ? 0 : stalled + 1;
		if ( stalled >= tries ) {
			throw new CompletenessError( `Translate's statistics for "${ page }" are still being computed (asked ${ tries } times over ${ pause * ( tries - 1 ) / 1000 } s); run the job queue, or try again later` );
		}
		const next = res.continue;
		return stalled ? wait( pause ).then( () => ask( next ) ) : ask( next );
	}, ( e ) => {
		if ( e && e.code === 'badparameter' ) {
			throw new CompletenessError( `"${ page }" is not a translatable page (Translate knows no message group page-${ page })` );
		}
		throw e;
	} );
	return ask( {} );
}

interface PageAnswer {
	query?: {
		extensions?: { name: string }[];
		interwiki?: { iw: string; title: string }[];
		pages: { title: string; pagelanguage: string; invalid?: boolean; missing?: boolean }[];
		languages: { code: string }[];
	};
}

/**
 * The statement page as the statement's wiki names it: interwiki prefixes that wiki knows (m:,
 * meta:) are taken off, as a link would follow them. With the page's source language, and the
 * language codes MediaWiki knows there.
 *
 * @param client
 * @param page as the notices data names it (e.g. "m:Office actions/…")
 */
export function resolveStatementPage( client: StatementClient, page: string ): Promise<{ title: string; source: string; known: string[] }> {
	const follow = ( title: string, hops: number ): Promise<{ title: string; source: string; known: string[] }> => {
		if ( hops >= 4 ) {
			return Promise.reject( new CompletenessError( `"${ page }" leads through too many interwiki prefixes` ) );
		}
		const params = { action: 'query', titles: title, prop: 'info', meta: 'siteinfo', siprop: 'languages|extensions', formatversion: 2 };
		return client.request( params ).then( ( answer ) => {
			const query = answer ? ( answer as PageAnswer ).query : undefined;
			if ( !query || !Array.isArray( query.extensions ) ) {
				throw new CompletenessError( 'the answer is not a MediaWiki API answer' );
			}
			if ( !query.extensions.some( ( e ) => e.name === 'Translate' ) ) {
				throw new CompletenessError( 'the wiki does not run Translate' );
			}
			if ( query.interwiki ) {
				const iw = query.interwiki[ 0 ];
				return follow( iw.title.slice( iw.iw.length + 1 ), hops + 1 );
			}
			const info = query.pages[ 0 ];
			if ( info.invalid ) {
				throw new CompletenessError( `"${ page }" is not a valid page name there` );
			}
			if ( info.missing ) {
				throw new CompletenessError( `there is no page "${ info.title }"` );
			}
			return { title: info.title, source: info.pagelanguage, known: query.languages.map( ( l ) => l.code ) };
		} );
	};
	return follow( page, 0 );
}

/**
 * The translations of one statement page, as the language bar shows them.
 *
 * @param client the statement wiki's API
 * @param page as the notices data names it
 * @param opts as fetchPageStats takes them
 */
export function readStatementTranslations( client: StatementClient, page: string, opts?: StatsOptions ): Promise<StatementTranslations> {
	return resolveStatementPage( client, page ).then( ( resolved ) => fetchPageStats( client, resolved.title, opts ).then( ( rows ) => {
		const counted = completenessFromStats( rows, resolved );
		return { title: resolved.title, source: resolved.source, translations: counted.translations, notes: counted.notes };
	} ) );
}
