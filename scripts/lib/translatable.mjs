// The statement's wiki plays Meta: the statement is a translatable page (Translate), marked for
// translation through the Action API, and its translations are saved unit by unit as
// Translations: pages, as translators save them. Translate then renders the translation pages
// (with their page language) and counts how complete each is, in jobs run here at once.
import { editPage, readPage } from './wikiApi.mjs';

const SUMMARY = 'Demo page for office-action-notice';

/** The source page: the language bar, and one unit per paragraph. */
export function sourceText( units ) {
	return `<languages/>\n<translate>\n${ units.join( '\n\n' ) }\n</translate>`;
}

/** The source text without the unit markers Translate writes into it when marking. */
export function withoutUnitMarkers( text ) {
	return text.replace( /<!--T:[^>]*-->\n?/g, '' ).trimEnd();
}

/**
 * The page's units with their translation into one language, or null when the page is not
 * marked for translation.
 *
 * @return {Promise<Array<{key: string, title: string, definition: string, translation: (string|null)}>|null>}
 */
async function unitsOf( client, page, language ) {
	try {
		const res = await client.request( {
			action: 'query', list: 'messagecollection', mcgroup: `page-${ page }`, mclanguage: language,
			mcprop: 'definition|translation', mclimit: 'max', formatversion: 2
		} );
		return res.query.messagecollection;
	} catch ( e ) {
		if ( e && e.code === 'badparameter' ) {
			return null;
		}
		throw e;
	}
}

/**
 * Makes the page a translatable page with these units and translations; what is there already is
 * left alone, so a second run saves nothing.
 *
 * @param {Object} wiki the Wiki (scripts/lib/wiki.mjs): runs the job queue
 * @param {Object} client a logged-in mwn client with the pagetranslation right
 * @param {string} page
 * @param {{units: string[], translations: Array<{language: string, title: (string|null), units: Array<Array<(number|string)>>}>}} statement
 * @return {Promise<{marked: boolean, saved: number}>} whether it was (re)marked, and how many pages were saved
 */
export async function ensureTranslatablePage( wiki, client, page, statement ) {
	const text = sourceText( statement.units );
	const current = await readPage( client, page );
	let saved = 0;
	if ( !current.exists || withoutUnitMarkers( current.content ) !== text ) {
		await editPage( client, page, text, { summary: SUMMARY } );
		saved++;
	}
	const firstLanguage = statement.translations.length ? statement.translations[ 0 ].language : 'qqq';
	const marked = await unitsOf( client, page, firstLanguage );
	const definitions = new Set( ( marked || [] ).map( ( u ) => u.definition ) );
	const mark = saved > 0 || !statement.units.every( ( u ) => definitions.has( u ) );
	if ( mark ) {
		await client.request( { action: 'markfortranslation', title: page, translatetitle: 'yes', token: client.csrfToken, formatversion: 2 } );
		wiki.maintenance( 'runJobs' );
	}
	const edits = [];
	for ( const translation of statement.translations ) {
		const all = await unitsOf( client, page, translation.language );
		const byDefinition = new Map( all.map( ( u ) => [ u.definition, u ] ) );
		const wanted = translation.units.map( ( [ i, unitText ] ) => [ byDefinition.get( statement.units[ i ] ), unitText ] );
		if ( translation.title ) {
			wanted.push( [ all.find( ( u ) => u.key.endsWith( '/Page_display_title' ) ), translation.title ] );
		}
		for ( const [ unit, unitText ] of wanted ) {
			if ( unit.translation === null || unit.translation.trimEnd() !== unitText ) {
				edits.push( { action: 'edit', title: unit.title, text: unitText, summary: SUMMARY, token: client.csrfToken, formatversion: 2 } );
			}
		}
	}
	for ( const edit of edits ) {
		await client.request( edit );
	}
	if ( edits.length ) {
		wiki.maintenance( 'runJobs' );
	}
	return { marked: mark, saved: saved + edits.length };
}
