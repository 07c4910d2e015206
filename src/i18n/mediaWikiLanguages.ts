// What MediaWiki says about the reader's languages, for the pure decision in readerLanguages.ts.
import { chooseReaderLanguages, ReaderLanguages, readLanguageNames, readVariantTable } from './readerLanguages';

/** The languages page deploy wrote (see scripts/lib/languages.mjs); unreadable, nothing. */
function languagesPage( warn: ( message: string ) => void ): unknown {
	try {
		return OAN_PACKAGE_REQUIRE( './office-action-notice-languages.json' );
	} catch ( e ) {
		warn( `languages page unreadable (${ ( e as Error ).message })` );
		return null;
	}
}

/** The reader's languages, and MediaWiki's autonyms for naming the statement's languages. */
export interface ReaderLanguagesAndNames extends ReaderLanguages {
	/** MediaWiki's name of each language in its own script, by code, from the languages page. */
	autonyms: Record<string, string>;
}

/**
 * What the reader reads: the interface language's chain, led by their variant where it applies.
 *
 * @param userLanguage wgUserLanguage
 * @param warn console warning
 */
export function readMediaWikiLanguages( userLanguage: string, warn: ( message: string ) => void ): ReaderLanguagesAndNames {
	let chain: string[] = [ userLanguage, 'en' ];
	try {
		const mwChain = mw.language.getFallbackLanguageChain();
		if ( Array.isArray( mwChain ) && mwChain.length ) {
			chain = mwChain;
		}
	} catch ( e ) {
		warn( 'no language fallback chain; using the interface language, then English' );
	}
	const page = languagesPage( warn );
	const variant = mw.config.get( 'wgUserVariant' );
	const reader = chooseReaderLanguages( chain, typeof variant === 'string' ? variant : null, readVariantTable( page ), ( code ) => {
		try {
			return mw.language.bcp47( code );
		} catch ( e ) {
			return code;
		}
	} );
	return { chain: reader.chain, locale: reader.locale, autonyms: readLanguageNames( page ) };
}
