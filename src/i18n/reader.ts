// What MediaWiki says about the reader's languages, for the pure decision in reading.ts.
import { readerLanguages, ReaderLanguages, readLanguageNames, readVariantTable } from './reading';

/** The languages page deploy wrote (see scripts/lib/languages.mjs); unreadable, nothing. */
function languagesPage( warn: ( message: string ) => void ): unknown {
	try {
		return OAN_PACKAGE_REQUIRE( './office-action-notice-languages.json' );
	} catch ( e ) {
		warn( `languages page unreadable (${ ( e as Error ).message })` );
		return null;
	}
}

/** MediaWiki's autonyms from the languages page, for the statement's languages. */
export function languageNames(): Record<string, string> {
	return readLanguageNames( languagesPage( () => undefined ) );
}

/**
 * What the reader reads: the interface language's chain, led by their variant where it applies.
 *
 * @param userLanguage wgUserLanguage
 * @param warn console warning
 */
export function readingLanguages( userLanguage: string, warn: ( message: string ) => void ): ReaderLanguages {
	let chain: string[] = [ userLanguage, 'en' ];
	try {
		const mwChain = mw.language.getFallbackLanguageChain();
		if ( Array.isArray( mwChain ) && mwChain.length ) {
			chain = mwChain;
		}
	} catch ( e ) {
		warn( 'no language fallback chain; using the interface language, then English' );
	}
	const variants = readVariantTable( languagesPage( warn ) );
	const variant = mw.config.get( 'wgUserVariant' );
	return readerLanguages( chain, typeof variant === 'string' ? variant : null, variants, ( code ) => {
		try {
			return mw.language.bcp47( code );
		} catch ( e ) {
			return code;
		}
	} );
}
