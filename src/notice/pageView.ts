// The page view as targeting sees it, read from mw.config and mw.user.
import { PageContext, readerKind, ReaderKind } from './applicability';

/** Who reads: mw.user.isNamed() and isTemp(), which every MediaWiki this gadget runs on (1.43) has. */
export function currentReader(): ReaderKind {
	return readerKind( mw.user.isNamed(), mw.user.isTemp() );
}

export function pageContext(): PageContext {
	return {
		now: new Date(),
		dbName: String( mw.config.get( 'wgDBname' ) || '' ),
		contentLanguage: String( mw.config.get( 'wgContentLanguage' ) || '' ),
		namespace: Number( mw.config.get( 'wgNamespaceNumber' ) ),
		userGroups: ( mw.config.get( 'wgUserGroups' ) as string[] | null ) || [],
		reader: currentReader()
	};
}
