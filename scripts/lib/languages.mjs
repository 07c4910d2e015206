// The languages page of the main gadget (MediaWiki:Gadget-office-action-notice-languages.json):
// the variants of the wiki's content language with MediaWiki's own fallback chain and BCP 47
// code for each, read by deploy from the wiki it publishes to (meta=siteinfo, meta=languageinfo).
// The gadget needs them to follow a reader's variant (wgUserVariant) as MediaWiki does, and the
// browser has no other source for them: mw.language knows only the interface language's chain.
// Empty on wikis whose content language has no variants. Not to be edited on the wiki.

/**
 * @param {Object<string, {fallbacks: string[], bcp47: string}>} variants by variant code
 * @return {string} the page's text
 */
export function languagesPageText( variants ) {
	return JSON.stringify( { variants }, null, '\t' ) + '\n';
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
