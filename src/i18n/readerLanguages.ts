// Which languages a reader reads, most wanted first: the one decision behind the notice's texts,
// the gadget's messages, the dates and the statement link. Pure: the entry passes in what
// MediaWiki says (mw.config, mw.language, the languages page deploy wrote).

/** One variant of the wiki's content language, as MediaWiki describes it (meta=languageinfo). */
export interface VariantInfo {
	/** MediaWiki's fallback chain for the variant, after the variant itself. */
	fallbacks: string[];
	/** Its BCP 47 tag ("zh-Hant-HK" for zh-hk), for Intl. */
	bcp47: string;
}

/** The content language's variants by code; empty where it has none. */
export type VariantTable = Record<string, VariantInfo>;

export interface ReaderLanguages {
	/** Language codes, most wanted first, English last. */
	chain: string[];
	/** The BCP 47 tag for dates, of the first language in the chain. */
	locale: string;
}

/** A MediaWiki language code as this gadget accepts one: it goes into attributes and page names. */
export const LANGUAGE_CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function baseOf( code: string ): string {
	return code.split( '-' )[ 0 ];
}

/**
 * Whether the interface language belongs to the variant's family: it is the content language or
 * one of its variants (so MediaWiki converts what the reader reads into the variant). Decided by
 * the variant table where there is one (Inuktitut's "iu" has the variants "ike-cans" and
 * "ike-latn"), by the first subtag where there is none.
 */
function sameFamily( userLanguage: string, variant: string, variants: VariantTable ): boolean {
	if ( Object.keys( variants ).length ) {
		return Object.prototype.hasOwnProperty.call( variants, userLanguage ) &&
			Object.prototype.hasOwnProperty.call( variants, variant );
	}
	return baseOf( userLanguage ) === baseOf( variant );
}

/**
 * The reader's languages. Where the wiki's content language has variants and the interface is in
 * that language (or one of its variants), the page is shown in the reader's variant
 * (wgUserVariant: from the URL, the reader's preference or Accept-Language): that variant comes
 * first, then MediaWiki's fallbacks for it, then the interface language's own chain. So a reader
 * with the interface in plain "zh" who reads zh-hk gets zh-hk, zh-hant, zh-tw, zh, zh-hans. An
 * interface language outside the family (English on a Chinese wiki) is the reader's choice: its
 * chain alone. The same rule serves every language with variants; nothing here knows Chinese.
 *
 * @param userChain the interface language and its fallbacks (mw.language.getFallbackLanguageChain())
 * @param variant wgUserVariant, or null where the page's language has no variants
 * @param variants the content language's variants (the languages page), possibly empty
 * @param bcp47 MediaWiki's BCP 47 form of a language code (mw.language.bcp47)
 */
export function chooseReaderLanguages(
	userChain: string[], variant: string | null, variants: VariantTable, bcp47: ( code: string ) => string
): ReaderLanguages {
	const interfaceChain = userChain.map( ( c ) => String( c ).toLowerCase() ).filter( ( c ) => LANGUAGE_CODE.test( c ) );
	const userLanguage = interfaceChain[ 0 ] || 'en';
	const wanted = typeof variant === 'string' ? variant.toLowerCase() : '';
	let chain = interfaceChain;
	if ( LANGUAGE_CODE.test( wanted ) && wanted !== userLanguage && sameFamily( userLanguage, wanted, variants ) ) {
		const own = Object.prototype.hasOwnProperty.call( variants, wanted ) ? variants[ wanted ].fallbacks : [];
		chain = [ wanted ].concat( own, interfaceChain );
	}
	chain = chain.concat( 'en' ).filter( ( c, i, all ) => all.indexOf( c ) === i );
	const first = chain[ 0 ];
	const known = Object.prototype.hasOwnProperty.call( variants, first ) ? variants[ first ].bcp47 : '';
	return { chain, locale: known || bcp47( first ) };
}

/**
 * The languages page as deploy wrote it. Entries that are not of its shape are left out, and a
 * missing or malformed page is an empty table: the reader's variant then still comes first,
 * without its own fallbacks.
 *
 * @param raw the parsed page
 */
export function readVariantTable( raw: unknown ): VariantTable {
	const table: VariantTable = {};
	const variants = raw && typeof raw === 'object' ? ( raw as { variants?: unknown } ).variants as Record<string, Partial<VariantInfo> | null> : null;
	for ( const code of variants && typeof variants === 'object' ? Object.keys( variants ) : [] ) {
		const info = variants && variants[ code ];
		if ( LANGUAGE_CODE.test( code ) && info && Array.isArray( info.fallbacks ) && typeof info.bcp47 === 'string' ) {
			table[ code ] = { fallbacks: info.fallbacks.filter( ( c ) => typeof c === 'string' && LANGUAGE_CODE.test( c ) ), bcp47: info.bcp47 };
		}
	}
	return table;
}

/**
 * The languages page's autonyms (MediaWiki's name of each language in its own script, by code):
 * entries that are not a code and a non-empty string are left out.
 *
 * @param raw the parsed page
 */
export function readLanguageNames( raw: unknown ): Record<string, string> {
	const names: Record<string, string> = {};
	const given = raw && typeof raw === 'object' ? ( raw as { autonyms?: unknown } ).autonyms as Record<string, unknown> : null;
	for ( const code of given && typeof given === 'object' ? Object.keys( given ) : [] ) {
		const name = given && given[ code ];
		if ( LANGUAGE_CODE.test( code ) && typeof name === 'string' && name ) {
			names[ code ] = name;
		}
	}
	return names;
}
