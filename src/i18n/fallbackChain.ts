export type MessageBundle = Record<string, string>;

/**
 * The one walk along a fallback chain: the first language in it (English last) for which `has`
 * is true, or null. Messages, the data's texts and the statement's versions all choose by it.
 *
 * @param chain language codes, most wanted first
 * @param has whether there is something in that language
 */
export function firstInChain( chain: string[], has: ( code: string ) => boolean ): string | null {
	for ( const code of chain.map( ( c ) => c.toLowerCase() ).concat( 'en' ) ) {
		if ( code !== 'qqq' && has( code ) ) {
			return code;
		}
	}
	return null;
}

/**
 * Resolves every message key through the fallback chain: the first language in the chain
 * that has the key wins, English last. Keys starting with "@" (banana metadata) are dropped.
 *
 * @param bundles messages by language code
 * @param chain language codes, most wanted first
 */
export function pickMessages( bundles: Record<string, MessageBundle>, chain: string[] ): MessageBundle {
	// qqq documents the messages; it is never shown (firstInChain skips it).
	const out: MessageBundle = {};
	for ( const key of Object.keys( bundles.en || {} ) ) {
		if ( key.charAt( 0 ) === '@' ) {
			continue;
		}
		// uselang=qqx shows message keys, as MediaWiki does for its own messages.
		if ( chain[ 0 ] === 'qqx' ) {
			out[ key ] = `(${ key }${ /\$1/.test( bundles.en[ key ] ) ? ': $1' : '' }${ /\$2/.test( bundles.en[ key ] ) ? ', $2' : '' })`;
			continue;
		}
		const lang = firstInChain( chain, ( code ) => Boolean( bundles[ code ] ) && typeof bundles[ code ][ key ] === 'string' );
		if ( lang ) {
			out[ key ] = bundles[ lang ][ key ];
		}
	}
	return out;
}

/** The first language in the chain that has text (English last), for data-driven texts. */
export function pickLocalized( text: Record<string, string>, chain: string[] ): { lang: string; text: string } {
	const lang = firstInChain( chain, ( code ) => typeof text[ code ] === 'string' );
	return lang ? { lang, text: text[ lang ] } : { lang: 'en', text: '' };
}
