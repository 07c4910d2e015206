import { ReaderLanguages } from '../i18n/readerLanguages';
import { RenderDeps } from './dom';

/**
 * Render dependencies backed by MediaWiki: messages, URLs and the reader's languages.
 *
 * @param userLanguage wgUserLanguage
 * @param reader the reader's languages
 * @param autonyms MediaWiki's autonyms from the languages page (none: the browser's)
 */
export function mwRenderDeps( userLanguage: string, reader: ReaderLanguages, autonyms: Record<string, string> = {} ): RenderDeps {
	return {
		msg: ( key, ...params ) => mw.message( key, ...params ).text(),
		getUrl: ( page ) => mw.util.getUrl( page ),
		userLanguage,
		chain: reader.chain,
		locale: reader.locale,
		languageNames: autonyms
	};
}
