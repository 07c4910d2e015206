import { ReaderLanguages } from '../i18n/reading';
import { RenderDeps } from './dom';

/** Render dependencies backed by MediaWiki: messages, URLs and the reader's languages. */
export function mwRenderDeps( userLanguage: string, reader: ReaderLanguages ): RenderDeps {
	return {
		msg: ( key, ...params ) => mw.message( key, ...params ).text(),
		getUrl: ( page ) => mw.util.getUrl( page ),
		userLanguage,
		chain: reader.chain,
		locale: reader.locale
	};
}
