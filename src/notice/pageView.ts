// The page view as targeting sees it, read from mw.config and mw.user.
import { PageContext, readerKind, ReaderKind } from './applicability';

/** Who reads: mw.user.isNamed() and isTemp(), where this MediaWiki has them. */
export function currentReader(): ReaderKind {
	const user = mw.user as Partial<typeof mw.user>;
	const hasBoth = typeof user.isNamed === 'function' && typeof user.isTemp === 'function';
	return readerKind(
		mw.config.get( 'wgUserName' ),
		hasBoth ? Boolean( mw.user.isNamed() ) : null,
		hasBoth ? Boolean( mw.user.isTemp() ) : Boolean( mw.config.get( 'wgUserIsTemp' ) )
	);
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
