// Brings the notices data's text up to date with Translate's statistics: the one update behind
// `npm run translations` and the authoring view's one click (src/authoring/completeness.ts).
import { parseNodes, rewriteTranslations, TranslationEntry } from './rewriteInPlace';
import { CountedTranslation, NoticesDataError, readStatementTranslations, StatementClient, StatementTranslations, StatsOptions } from './statistics';

/**
 * A statement's translations list with Translate's numbers: each entry Translate counts gets
 * its number, in its place; languages Translate counts that the list lacks come at the end;
 * entries Translate has no translation for are removed, unless their `page` is not the
 * translation page (`<statement page>/<language>`), which the data then names on purpose:
 * those are kept as they are.
 *
 * @param current the data's entries
 * @param computed
 * @param statementPage the data's statement page
 * @return changes: "zh 100 → 48", "+de 20", "−fr"
 */
export function mergeTranslations(
	current: TranslationEntry[], computed: CountedTranslation[], statementPage: string
): { translations: TranslationEntry[]; changes: string[] } {
	const counted = new Map( computed.map( ( t ): [ string, number ] => [ t.language, t.complete ] ) );
	const own = ( t: TranslationEntry ): boolean => t.page !== undefined && t.page !== `${ statementPage }/${ t.language }`;
	const translations: TranslationEntry[] = [];
	const changes: string[] = [];
	for ( const entry of current ) {
		if ( own( entry ) ) {
			translations.push( entry );
			counted.delete( entry.language );
		} else if ( counted.has( entry.language ) ) {
			const complete = counted.get( entry.language );
			if ( entry.complete !== complete ) {
				changes.push( `${ entry.language } ${ entry.complete } → ${ complete }` );
			}
			translations.push( Object.assign( {}, entry, { complete } ) );
			counted.delete( entry.language );
		} else {
			changes.push( `−${ entry.language }` );
		}
	}
	counted.forEach( ( complete, language ) => {
		translations.push( { language, complete } );
		changes.push( `+${ language } ${ complete }` );
	} );
	return { translations, changes };
}

export interface UpdateOptions {
	/** Only the notice with this id. */
	notice?: string;
	/** Options for fetchPageStats. */
	stats?: StatsOptions;
}

export interface NoticesTextUpdate {
	/** The new text (the same text when nothing changed). */
	text: string;
	/** What changed, one line per notice. */
	changes: string[];
	/** What Translate counted, in lines to show. */
	report: string[];
	/** As readStatementTranslations gives it, once per statement page. */
	counted: StatementTranslations[];
}

interface NoticeLike {
	id?: unknown;
	statement?: { page?: unknown; language?: unknown; translations?: unknown };
}

/** The new text: `text` with these lists, checked to mean exactly that and nothing else. */
function rewritten( text: string, replacements: Map<number, TranslationEntry[]> ): string {
	const out = rewriteTranslations( text, replacements );
	const expected = JSON.parse( text );
	replacements.forEach( ( entries, index ) => {
		expected.notices[ index ].statement.translations = entries;
	} );
	if ( JSON.stringify( JSON.parse( out ) ) !== JSON.stringify( expected ) ) {
		throw new NoticesDataError( 'the notices data could not be rewritten in place (its layout is unusual); nothing was changed' );
	}
	return out;
}

/**
 * Brings the notices data up to date with Translate's statistics: for each notice (or only
 * the one named), the statement's translations and their completeness. Notices are read one
 * after another; a statement page read once serves every notice that names it.
 *
 * @param text the notices data
 * @param client the statement wiki's API
 * @param opts
 * @return rejected with a CompletenessError (NoticesDataError for the data's own faults) or the
 *  client's error; nothing is returned then
 */
export function updateNoticesText( text: string, client: StatementClient, opts: UpdateOptions = {} ): Promise<NoticesTextUpdate> {
	let notices: NoticeLike[];
	try {
		// Positions first: it names where the text stops being JSON.
		parseNodes( text );
		const data = JSON.parse( text );
		if ( !data || !Array.isArray( data.notices ) ) {
			throw new NoticesDataError( 'the notices data has no "notices" list' );
		}
		notices = data.notices;
	} catch ( e ) {
		return Promise.reject( e );
	}
	const chosen = notices.map( ( n, index ) => ( { n, index } ) ).filter( ( c ) => !opts.notice || ( c.n && c.n.id === opts.notice ) );
	if ( opts.notice && !chosen.length ) {
		return Promise.reject( new NoticesDataError( `the notices data has no notice "${ opts.notice }"` ) );
	}
	const byPage = new Map<string, StatementTranslations>();
	const replacements = new Map<number, TranslationEntry[]>();
	const changes: string[] = [];
	const report: string[] = [];
	const updateOne = ( n: NoticeLike, index: number ): Promise<void> => {
		const statement = n && n.statement;
		if ( !statement || typeof statement.page !== 'string' ) {
			return Promise.reject( new NoticesDataError( `notices[${ index }] names no statement page` ) );
		}
		const page = statement.page;
		const known = byPage.get( page );
		const read = known ? Promise.resolve( known ) : readStatementTranslations( client, page, opts.stats ).then( ( found ) => {
			byPage.set( page, found );
			const counted = found.translations.map( ( t ) => `${ t.language } ${ t.complete }%` ).join( ', ' );
			report.push( `${ found.title } (source ${ found.source }): ${ counted || 'no translations' }`, ...found.notes );
			return found;
		} );
		return read.then( ( found ) => {
			const language = statement.language || 'en';
			if ( language !== found.source ) {
				throw new NoticesDataError( `${ n.id }: the data says the statement is in "${ language }", but "${ found.title }" is in "${ found.source }"` );
			}
			const listed = Array.isArray( statement.translations );
			const merged = mergeTranslations( listed ? statement.translations as TranslationEntry[] : [], found.translations, page );
			if ( merged.changes.length || !listed ) {
				replacements.set( index, merged.translations );
				changes.push( `${ n.id }: ${ merged.changes.join( ', ' ) || 'translations listed' }` );
			}
		} );
	};
	return chosen.reduce( ( done: Promise<void>, c ) => done.then( () => updateOne( c.n, c.index ) ), Promise.resolve() ).then( () => ( {
		text: replacements.size ? rewritten( text, replacements ) : text,
		changes,
		report,
		counted: Array.from( byPage.values() )
	} ) );
}
