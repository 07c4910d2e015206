export type MessageBundle = Record<string, string>;

/**
 * Resolves every message key through the fallback chain: the first language in the chain
 * that has the key wins, English last. Keys starting with "@" (banana metadata) are dropped.
 *
 * @param bundles messages by language code
 * @param chain language codes, most wanted first
 */
export function pickMessages( bundles: Record<string, MessageBundle>, chain: string[] ): MessageBundle {
	// qqq documents the messages; it is never shown.
	const order = chain.map( ( c ) => c.toLowerCase() ).filter( ( c ) => c !== 'qqq' && bundles[ c ] ).concat( 'en' );
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
		for ( const lang of order ) {
			const text = bundles[ lang ] && bundles[ lang ][ key ];
			if ( typeof text === 'string' ) {
				out[ key ] = text;
				break;
			}
		}
	}
	return out;
}

/** The first language in the chain that has text (English last), for data-driven texts. */
export function pickLocalized( text: Record<string, string>, chain: string[] ): { lang: string; text: string } {
	for ( const code of chain.map( ( c ) => c.toLowerCase() ).concat( 'en' ) ) {
		if ( typeof text[ code ] === 'string' ) {
			return { lang: code, text: text[ code ] };
		}
	}
	return { lang: 'en', text: text.en || '' };
}
