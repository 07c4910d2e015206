// How complete each translation of a statement is, from the statistics Translate keeps on the
// statement's wiki (meta=messagegroupstats, group "page-<statement page>"), and the rewrite of
// the notices data that records it: only the `complete` numbers (and entries added or removed)
// change, every other byte of the data stays as it was.
//
// No Node APIs here: the command (scripts/translations.mjs) runs it with an mwn client, and a
// gadget can bundle it and pass any client whose request( params ) resolves with the API's JSON
// answer and rejects with an error carrying the API's error `code` (mwn does; wrap mw.ForeignApi's
// get( params ) so for the statement's wiki).

/** A failure the person running it can act on: the message says what happened, in one line. */
export class TranslationsError extends Error {}

/** A failure of the notices data itself (not of the statement's wiki). */
export class NoticesDataError extends TranslationsError {}

/**
 * The data's rule for language codes (`languageCode` in schema/notices.schema.json): data it
 * refuses is never written.
 */
function isGadgetLanguageCode( code ) {
	const [ first, ...rest ] = code.split( '-' );
	return /^[a-z]{2,3}$/.test( first ) && rest.every( ( part ) => /^[a-z0-9]{2,8}$/.test( part ) );
}

/**
 * The percentage Translate's language bar shows for a translation (the link title "… (48%
 * translated)" and the header of the translation page): the share rounded to two decimals as
 * PHP's sprintf( '%.2f' ) rounds it, times 100. That is to the nearest percent, an exact half
 * to the even one (1/8 is 12 %, 3/8 is 38 %). Fuzzy units are not in `translated`.
 *
 * @param {number} translated
 * @param {number} total
 * @return {number} whole percent, 0 to 100
 */
export function barPercent( translated, total ) {
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
 * @param {Array<{language: string, total: number, translated: number, fuzzy: number}>} rows
 * @param {Object} page
 * @param {string} page.source the source language of the statement page
 * @param {string[]} page.known the language codes MediaWiki knows (meta=siteinfo)
 * @return {{translations: Array<{language: string, complete: number}>, notes: string[]}}
 *  translations in language code order; notes: one line per language with outdated units
 * @throws {TranslationsError} for a language code MediaWiki or the gadget does not take
 */
export function completenessFromStats( rows, { source, known } ) {
	const knownCodes = new Set( known );
	const translations = [];
	const notes = [];
	for ( const row of rows.slice().sort( ( a, b ) => a.language < b.language ? -1 : a.language > b.language ? 1 : 0 ) ) {
		if ( row.language === source || !( row.translated > 0 || row.fuzzy > 0 ) ) {
			continue;
		}
		if ( !knownCodes.has( row.language ) || !isGadgetLanguageCode( row.language ) ) {
			throw new TranslationsError( `Translate counts a translation into "${ row.language }", a language code ${ knownCodes.has( row.language ) ? 'the gadget' : 'MediaWiki' } does not know` );
		}
		const complete = barPercent( row.translated, row.total );
		translations.push( { language: row.language, complete } );
		if ( row.fuzzy > 0 ) {
			notes.push( `${ row.language }: ${ row.fuzzy } of ${ row.total } units outdated (fuzzy), counted as untranslated: ${ complete }%` );
		}
	}
	return { translations, notes };
}

function delay( ms ) {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}

/**
 * Reads a page's statistics, following the answer's continuation. A cold statistics cache
 * answers with fewer rows (none, at first) and a `continue` while Translate computes them in a
 * job: asked again, a bounded number of times.
 *
 * @param {{request: Function}} client
 * @param {string} page the statement page on the statement's wiki, without interwiki prefix
 * @param {Object} [opts]
 * @param {number} [opts.tries] answers without progress before giving up (default 6)
 * @param {number} [opts.pause] milliseconds between them (default 1000)
 * @param {Function} [opts.wait] ( ms ) => Promise, for tests
 * @return {Promise<Array<{language: string, total: number, translated: number, fuzzy: number}>>}
 */
export async function fetchPageStats( client, page, { tries = 6, pause = 1000, wait = delay } = {} ) {
	const rows = new Map();
	let cont = {};
	let stalled = 0;
	for ( ;; ) {
		let res;
		try {
			res = await client.request( { action: 'query', meta: 'messagegroupstats', mgsgroup: `page-${ page }`, formatversion: 2, ...cont } );
		} catch ( e ) {
			if ( e && e.code === 'badparameter' ) {
				throw new TranslationsError( `"${ page }" is not a translatable page (Translate knows no message group page-${ page })` );
			}
			throw e;
		}
		const got = res && res.query && res.query.messagegroupstats;
		if ( !Array.isArray( got ) ) {
			throw new TranslationsError( 'the answer has no message group statistics: the wiki does not run Translate' );
		}
		const before = rows.size;
		for ( const row of got ) {
			rows.set( row.language || row.code, { language: row.language || row.code, total: row.total, translated: row.translated, fuzzy: row.fuzzy } );
		}
		if ( !res.continue ) {
			return [ ...rows.values() ];
		}
		stalled = rows.size > before ? 0 : stalled + 1;
		if ( stalled >= tries ) {
			throw new TranslationsError( `Translate's statistics for "${ page }" are still being computed (asked ${ tries } times over ${ pause * ( tries - 1 ) / 1000 } s); run the job queue, or try again later` );
		}
		cont = res.continue;
		if ( stalled ) {
			await wait( pause );
		}
	}
}

/**
 * The statement page as the statement's wiki names it: interwiki prefixes that wiki knows (m:,
 * meta:) are taken off, as a link would follow them. With the page's source language, and the
 * language codes MediaWiki knows there.
 *
 * @param {{request: Function}} client
 * @param {string} page as the notices data names it (e.g. "m:Office actions/…")
 * @return {Promise<{title: string, source: string, known: string[]}>}
 */
export async function resolveStatementPage( client, page ) {
	let title = page;
	for ( let hops = 0; hops < 4; hops++ ) {
		const res = await client.request( { action: 'query', titles: title, prop: 'info', meta: 'siteinfo', siprop: 'languages|extensions', formatversion: 2 } );
		const query = res && res.query;
		if ( !query || !Array.isArray( query.extensions ) ) {
			throw new TranslationsError( 'the answer is not a MediaWiki API answer' );
		}
		if ( !query.extensions.some( ( e ) => e.name === 'Translate' ) ) {
			throw new TranslationsError( 'the wiki does not run Translate' );
		}
		if ( query.interwiki ) {
			const iw = query.interwiki[ 0 ];
			title = iw.title.slice( iw.iw.length + 1 );
			continue;
		}
		const info = query.pages[ 0 ];
		if ( info.invalid ) {
			throw new TranslationsError( `"${ page }" is not a valid page name there` );
		}
		if ( info.missing ) {
			throw new TranslationsError( `there is no page "${ info.title }"` );
		}
		return { title: info.title, source: info.pagelanguage, known: query.languages.map( ( l ) => l.code ) };
	}
	throw new TranslationsError( `"${ page }" leads through too many interwiki prefixes` );
}

/**
 * The translations of one statement page, as the language bar shows them.
 *
 * @param {{request: Function}} client the statement wiki's API
 * @param {string} page as the notices data names it
 * @param {Object} [opts] as fetchPageStats takes them
 * @return {Promise<{title: string, source: string, translations: Array<{language: string, complete: number}>, notes: string[]}>}
 */
export async function readStatementTranslations( client, page, opts ) {
	const { title, source, known } = await resolveStatementPage( client, page );
	const rows = await fetchPageStats( client, title, opts );
	return { title, source, ...completenessFromStats( rows, { source, known } ) };
}

/**
 * A statement's translations list with Translate's numbers: each entry Translate counts gets
 * its number, in its place; languages Translate counts that the list lacks come at the end;
 * entries Translate has no translation for are removed, unless their `page` is not the
 * translation page (`<statement page>/<language>`), which the data then names on purpose:
 * those are kept as they are.
 *
 * @param {Array<Object>} current the data's entries
 * @param {Array<{language: string, complete: number}>} computed
 * @param {string} statementPage the data's statement page
 * @return {{translations: Array<Object>, changes: string[]}} changes: "zh 100 → 48", "+de 20", "−fr"
 */
export function mergeTranslations( current, computed, statementPage ) {
	const counted = new Map( computed.map( ( t ) => [ t.language, t.complete ] ) );
	const own = ( t ) => t.page !== undefined && t.page !== `${ statementPage }/${ t.language }`;
	const translations = [];
	const changes = [];
	for ( const entry of current ) {
		if ( own( entry ) ) {
			translations.push( entry );
			counted.delete( entry.language );
		} else if ( counted.has( entry.language ) ) {
			const complete = counted.get( entry.language );
			if ( entry.complete !== complete ) {
				changes.push( `${ entry.language } ${ entry.complete } → ${ complete }` );
			}
			translations.push( { ...entry, complete } );
			counted.delete( entry.language );
		} else {
			changes.push( `−${ entry.language }` );
		}
	}
	for ( const [ language, complete ] of counted ) {
		translations.push( { language, complete } );
		changes.push( `+${ language } ${ complete }` );
	}
	return { translations, changes };
}

// ---- Editing JSON text in place -------------------------------------------------------------

/**
 * Parses JSON and records where each value stands in the text.
 *
 * @param {string} text
 * @return {Object} node: {start, end, kind, value?, members?: Array<{key, node}>, items?: Array<node>}
 */
function parseNodes( text ) {
	let at = 0;
	const space = () => {
		while ( /\s/.test( text[ at ] || '' ) ) {
			at++;
		}
	};
	const fail = () => {
		throw new NoticesDataError( `the notices data is not valid JSON (at character ${ at })` );
	};
	const value = () => {
		space();
		const start = at;
		const c = text[ at ];
		if ( c === '{' || c === '[' ) {
			at++;
			const close = c === '{' ? '}' : ']';
			const node = c === '{' ? { kind: 'object', members: [] } : { kind: 'array', items: [] };
			space();
			if ( text[ at ] === close ) {
				at++;
				return { ...node, start, end: at };
			}
			for ( ;; ) {
				if ( c === '{' ) {
					space();
					const key = value();
					space();
					if ( key.kind !== 'string' || text[ at++ ] !== ':' ) {
						fail();
					}
					node.members.push( { key: key.value, node: value() } );
				} else {
					node.items.push( value() );
				}
				space();
				const next = text[ at++ ];
				if ( next === close ) {
					return { ...node, start, end: at };
				}
				if ( next !== ',' ) {
					fail();
				}
			}
		}
		if ( c === '"' ) {
			at++;
			while ( at < text.length && text[ at ] !== '"' ) {
				at += text[ at ] === '\\' ? 2 : 1;
			}
			at++;
		} else {
			while ( at < text.length && !/[\s,\]}]/.test( text[ at ] ) ) {
				at++;
			}
		}
		let parsed;
		try {
			parsed = JSON.parse( text.slice( start, at ) );
		} catch {
			fail();
		}
		if ( parsed !== null && typeof parsed === 'object' ) {
			fail();
		}
		return { kind: c === '"' ? 'string' : 'scalar', value: parsed, start, end: at };
	};
	const root = value();
	space();
	if ( at !== text.length ) {
		fail();
	}
	return root;
}

function member( node, key ) {
	const found = node && node.kind === 'object' && node.members.find( ( m ) => m.key === key );
	return found ? found.node : null;
}

/** The white space that starts the line `offset` is on. */
function indentAt( text, offset ) {
	const lineStart = text.lastIndexOf( '\n', offset - 1 ) + 1;
	return /^[ \t]*/.exec( text.slice( lineStart ) )[ 0 ];
}

function renderEntry( entry ) {
	return `{ ${ Object.keys( entry ).map( ( k ) => `${ JSON.stringify( k ) }: ${ JSON.stringify( entry[ k ] ) }` ).join( ', ' ) } }`;
}

/**
 * The text of a translations array holding `entries`, laid out as `node` (the array in the
 * text) was: an entry kept keeps its text, with only its number replaced; new entries are
 * written like the data's own, one to a line.
 */
function renderArray( text, node, entries, byLanguage ) {
	if ( !entries.length ) {
		return '[]';
	}
	const indent = indentAt( text, node.start );
	let open = `\n${ indent }\t`;
	let separator = `,\n${ indent }\t`;
	let close = `\n${ indent }`;
	const items = node.items;
	if ( items.length ) {
		open = text.slice( node.start + 1, items[ 0 ].start );
		close = text.slice( items[ items.length - 1 ].end, node.end - 1 );
		separator = items.length > 1 ? text.slice( items[ 0 ].end, items[ 1 ].start ) : `,${ open }`;
	}
	return `[${ open }${ entries.map( ( entry ) => {
		const item = byLanguage.get( entry.language );
		if ( !item ) {
			return renderEntry( entry );
		}
		const complete = member( item, 'complete' );
		if ( !complete ) {
			return renderEntry( entry );
		}
		return text.slice( item.start, complete.start ) + JSON.stringify( entry.complete ) + text.slice( complete.end, item.end );
	} ).join( separator ) }${ close }]`;
}

/**
 * Replaces the translations of the given notices in the notices data's text, leaving every other
 * byte as it was.
 *
 * @param {string} text the notices data (data/notices.json, or the wiki's notices page)
 * @param {Map<number, Array<Object>>} replacements notice index → its new translations list
 * @return {string}
 */
export function rewriteTranslations( text, replacements ) {
	const root = parseNodes( text );
	const notices = member( root, 'notices' );
	const edits = [];
	for ( const [ index, entries ] of replacements ) {
		const statement = member( notices.items[ index ], 'statement' );
		const array = member( statement, 'translations' );
		if ( array && array.kind === 'array' ) {
			const byLanguage = new Map( array.items.map( ( item ) => [ member( item, 'language' ) && member( item, 'language' ).value, item ] ) );
			edits.push( { start: array.start, end: array.end, text: renderArray( text, array, entries, byLanguage ) } );
		} else if ( array ) {
			edits.push( { start: array.start, end: array.end, text: renderArray( text, { start: array.start, items: [] }, entries, new Map() ) } );
		} else {
			// No list yet: one more member after the statement's last one, on a line of its own.
			const last = statement.members[ statement.members.length - 1 ].node;
			// The last member's key stands on the line of the colon before its value.
			const lastKeyLine = text.lastIndexOf( ':', last.start );
			const indent = indentAt( text, lastKeyLine );
			const inline = !text.slice( statement.start, last.end ).includes( '\n' );
			const list = renderArray( text, { start: inline ? statement.start : lastKeyLine, items: [] }, entries, new Map() );
			edits.push( { start: last.end, end: last.end, text: `,${ inline ? ' ' : `\n${ indent }` }"translations": ${ list }` } );
		}
	}
	let out = text;
	for ( const edit of edits.sort( ( a, b ) => b.start - a.start ) ) {
		out = out.slice( 0, edit.start ) + edit.text + out.slice( edit.end );
	}
	return out;
}

/**
 * Brings the notices data up to date with Translate's statistics: for each notice (or only
 * the one named), the statement's translations and their completeness.
 *
 * @param {string} text the notices data
 * @param {{request: Function}} client the statement wiki's API
 * @param {Object} [opts]
 * @param {string} [opts.notice] only the notice with this id
 * @param {Object} [opts.stats] options for fetchPageStats
 * @return {Promise<{text: string, changes: string[], report: string[], counted: Array<Object>}>}
 *  the new text (the same text when nothing changed), what changed per notice, what Translate
 *  counted in lines to show, and as readStatementTranslations gives it, once per statement page
 * @throws {TranslationsError} (NoticesDataError for the data's own faults) and the client's
 *  errors; nothing is returned then
 */
export async function updateNoticesText( text, client, opts = {} ) {
	// Positions first: it names where the text stops being JSON.
	parseNodes( text );
	const data = JSON.parse( text );
	if ( !data || !Array.isArray( data.notices ) ) {
		throw new NoticesDataError( 'the notices data has no "notices" list' );
	}
	const chosen = data.notices.map( ( n, index ) => ( { n, index } ) ).filter( ( { n } ) => !opts.notice || ( n && n.id === opts.notice ) );
	if ( opts.notice && !chosen.length ) {
		throw new NoticesDataError( `the notices data has no notice "${ opts.notice }"` );
	}
	const byPage = new Map();
	const replacements = new Map();
	const changes = [];
	const report = [];
	for ( const { n, index } of chosen ) {
		const statement = n && n.statement;
		if ( !statement || typeof statement.page !== 'string' ) {
			throw new NoticesDataError( `notices[${ index }] names no statement page` );
		}
		if ( !byPage.has( statement.page ) ) {
			const read = await readStatementTranslations( client, statement.page, opts.stats );
			byPage.set( statement.page, read );
			report.push( `${ read.title } (source ${ read.source }): ${ read.translations.map( ( t ) => `${ t.language } ${ t.complete }%` ).join( ', ' ) || 'no translations' }`, ...read.notes );
		}
		const found = byPage.get( statement.page );
		const language = statement.language || 'en';
		if ( language !== found.source ) {
			throw new NoticesDataError( `${ n.id }: the data says the statement is in "${ language }", but "${ found.title }" is in "${ found.source }"` );
		}
		const merged = mergeTranslations( Array.isArray( statement.translations ) ? statement.translations : [], found.translations, statement.page );
		if ( merged.changes.length || !Array.isArray( statement.translations ) ) {
			replacements.set( index, merged.translations );
			changes.push( `${ n.id }: ${ merged.changes.join( ', ' ) || 'translations listed' }` );
		}
	}
	const counted = [ ...byPage.values() ];
	if ( !replacements.size ) {
		return { text, changes, report, counted };
	}
	const out = rewriteTranslations( text, replacements );
	// The rewrite must mean exactly what was meant: the data with these lists, nothing else.
	const expected = JSON.parse( text );
	for ( const [ index, entries ] of replacements ) {
		expected.notices[ index ].statement.translations = entries;
	}
	if ( JSON.stringify( JSON.parse( out ) ) !== JSON.stringify( expected ) ) {
		throw new NoticesDataError( 'the notices data could not be rewritten in place (its layout is unusual); nothing was changed' );
	}
	return { text: out, changes, report, counted };
}
