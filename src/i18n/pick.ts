export type MessageBundle = Record<string, string>;

/**
 * Resolves every message key through the fallback chain: the first language in the chain
 * that has the key wins, English last. Keys starting with "@" (banana metadata) are dropped.
 *
 * @param bundles messages by language code
 * @param chain language codes, most wanted first
 */
export function pickMessages( bundles: Record<string, MessageBundle>, chain: string[] ): MessageBundle {
	const order = chain.map( ( c ) => c.toLowerCase() ).filter( ( c ) => bundles[ c ] ).concat( 'en' );
	const out: MessageBundle = {};
	for ( const key of Object.keys( bundles.en || {} ) ) {
		if ( key.charAt( 0 ) === '@' ) {
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
