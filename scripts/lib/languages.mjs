// The languages page of the main gadget (MediaWiki:Gadget-office-action-notice-languages.json):
// the variants of the wiki's content language with MediaWiki's own fallback chain and BCP 47
// code for each, read by deploy from the wiki it publishes to (meta=siteinfo, meta=languageinfo).
// The gadget needs them to follow a reader's variant (wgUserVariant) as MediaWiki does, and the
// browser has no other source for them: mw.language knows only the interface language's chain.
// Empty on wikis whose content language has no variants. Also MediaWiki's autonyms of the
// statements' languages in the notices (what the notice calls them: "中文", "বাংলা"), so that a
// reader's page view names them without Intl, whose first call costs 15 to 35 ms. Not to be
// edited on the wiki.
import { importSource } from './sourceModule.mjs';

/** A language code as the gadget accepts one from MediaWiki: the reader's own rule, from src/. */
const { LANGUAGE_CODE } = await importSource( [ 'src/i18n/readerLanguages.ts' ] );

/**
 * @param {Object<string, {fallbacks: string[], bcp47: string}>} variants by variant code
 * @param {Object<string, string>} [autonyms] by language code
 * @return {string} the page's text
 */
export function languagesPageText( variants, autonyms = {} ) {
	return JSON.stringify( { variants, autonyms }, null, '\t' ) + '\n';
}

/**
 * The languages the notices name: each statement's original and its translations.
 *
 * @param {...string} texts notices pages' texts (unparsable ones name none)
 * @return {string[]} codes, sorted, each once
 */
export function statementLanguages( ...texts ) {
	const codes = new Set();
	for ( const text of texts ) {
		let data;
		try {
			data = JSON.parse( text );
		} catch {
			continue;
		}
		for ( const notice of Array.isArray( data && data.notices ) ? data.notices : [] ) {
			const statement = notice && notice.statement;
			if ( !statement || typeof statement !== 'object' ) {
				continue;
			}
			codes.add( typeof statement.language === 'string' ? statement.language : 'en' );
			for ( const t of Array.isArray( statement.translations ) ? statement.translations : [] ) {
				if ( t && typeof t.language === 'string' ) {
					codes.add( t.language );
				}
			}
		}
	}
	return [ ...codes ].filter( ( c ) => LANGUAGE_CODE.test( c ) ).sort();
}

/**
 * MediaWiki's autonyms of these languages, from the wiki (meta=languageinfo, 50 codes a request).
 *
 * @param {{request: Function}} client an mwn client (or anything with its request())
 * @param {string[]} codes
 * @return {Promise<Object<string, string>>} by code; a code the wiki has no name for is left out
 */
export async function readAutonyms( client, codes ) {
	const autonyms = {};
	for ( let i = 0; i < codes.length; i += 50 ) {
		const part = codes.slice( i, i + 50 );
		const info = await client.request( { action: 'query', meta: 'languageinfo', licode: part.join( '|' ), liprop: 'autonym', formatversion: 2 } );
		for ( const code of part ) {
			const entry = info.query.languageinfo[ code ];
			if ( entry && typeof entry.autonym === 'string' && entry.autonym ) {
				autonyms[ code ] = entry.autonym;
			}
		}
	}
	return autonyms;
}

/**
 * Reads the content language's variants and their fallbacks from a wiki.
 *
 * @param {{request: Function}} client an mwn client (or anything with its request())
 * @return {Promise<Object<string, {fallbacks: string[], bcp47: string}>>}
 */
export async function readVariants( client ) {
	const site = await client.request( { action: 'query', meta: 'siteinfo', siprop: 'general', formatversion: 2 } );
	const codes = ( site.query.general.variants || [] ).map( ( v ) => v.code ).filter( ( c ) => typeof c === 'string' );
	const variants = {};
	if ( codes.length < 2 ) {
		return variants;
	}
	const info = await client.request( { action: 'query', meta: 'languageinfo', licode: codes.join( '|' ), liprop: 'fallbacks|bcp47', formatversion: 2 } );
	for ( const code of codes ) {
		const entry = info.query.languageinfo[ code ];
		if ( entry ) {
			variants[ code ] = { bcp47: entry.bcp47, fallbacks: entry.fallbacks };
		}
	}
	return variants;
}
