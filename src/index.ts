// Entry: reads mw.config, decides what runs on this page, and wires the modules. Nothing here
// may throw into the page: every step is guarded and failures become console warnings.
import bundles from 'oan:messages';
import type { AccountsContext, AccountsModule } from './accounts/entry';
import { findAccountStatuses, isAccountPage } from './accounts/match';
import { NoticesData } from './config/types';
import { guardNoticesData } from './config/guard';
import { pickMessages } from './i18n/pick';
import { readerLanguages, ReaderLanguages, readVariantTable } from './i18n/reading';
import { findApplicableNotices, PageContext, readerKind, ReaderKind } from './notice/applicability';
import { showBanners } from './notice/mount';
import { Dismissals } from './notice/dismissal';
import { mwRenderDeps } from './util/mwDeps';

// ResourceLoader runs a package gadget's files with a `require` for its other files. The build
// turns this placeholder into that `require` after bundling, so esbuild never tries to bundle
// the notices page (it is the wiki's, edited on-wiki) nor renames the call.
declare const OAN_PACKAGE_REQUIRE: ( name: string ) => unknown;

const PREFIX = '[office-action-notice]';
/** The hidden gadget with the account status box and the UserRights warning. */
const ACCOUNTS_MODULE = 'ext.gadget.office-action-notice-accounts';
/**
 * The styles peer: the reserved room and the notice's look, in the page head, so this module has
 * no styles of its own (mw.loader runs a module with styles only after the next animation frame).
 */
const STYLES_MODULE = 'ext.gadget.office-action-notice-reserve';
/** The gadget's one public name, mw.libs.officeActionNotice: set once, so a second copy of the code does nothing. */
const PUBLIC_NAME = 'officeActionNotice';

function warn( message: string ): void {
	mw.log.warn( `${ PREFIX } ${ message }` );
}

function loadData(): NoticesData {
	let raw: unknown;
	try {
		raw = OAN_PACKAGE_REQUIRE( './office-action-notice-notices.json' );
	} catch ( e ) {
		warn( `notices page unreadable (${ ( e as Error ).message }); nothing shown` );
		return { notices: [], restrictedGroups: [] };
	}
	const result = guardNoticesData( raw );
	result.warnings.forEach( warn );
	return result.data;
}

/** What the reader reads: the interface language's chain, led by their variant where it applies. */
function readingLanguages( userLanguage: string ): ReaderLanguages {
	let chain: string[] = [ userLanguage, 'en' ];
	try {
		const mwChain = mw.language.getFallbackLanguageChain();
		if ( Array.isArray( mwChain ) && mwChain.length ) {
			chain = mwChain;
		}
	} catch ( e ) {
		warn( 'no language fallback chain; using the interface language, then English' );
	}
	let variants = {};
	try {
		variants = readVariantTable( OAN_PACKAGE_REQUIRE( './office-action-notice-languages.json' ) );
	} catch ( e ) {
		warn( `languages page unreadable (${ ( e as Error ).message })` );
	}
	const variant = mw.config.get( 'wgUserVariant' );
	return readerLanguages( chain, typeof variant === 'string' ? variant : null, variants, ( code ) => {
		try {
			return mw.language.bcp47( code );
		} catch ( e ) {
			return code;
		}
	} );
}

/** Who reads: mw.user.isNamed() and isTemp(), where this MediaWiki has them. */
function currentReader(): ReaderKind {
	const user = mw.user as Partial<typeof mw.user>;
	const hasBoth = typeof user.isNamed === 'function' && typeof user.isTemp === 'function';
	return readerKind(
		mw.config.get( 'wgUserName' ),
		hasBoth ? Boolean( mw.user.isNamed() ) : null,
		hasBoth ? Boolean( mw.user.isTemp() ) : Boolean( mw.config.get( 'wgUserIsTemp' ) )
	);
}

function pageContext(): PageContext {
	return {
		now: new Date(),
		dbName: String( mw.config.get( 'wgDBname' ) || '' ),
		contentLanguage: String( mw.config.get( 'wgContentLanguage' ) || '' ),
		namespace: Number( mw.config.get( 'wgNamespaceNumber' ) ),
		userGroups: ( mw.config.get( 'wgUserGroups' ) as string[] | null ) || [],
		reader: currentReader()
	};
}

/** Marks for the benchmark (module start → shown), where the browser has the User Timing API. */
function mark( name: string ): void {
	if ( window.performance && typeof performance.mark === 'function' ) {
		performance.mark( `officeActionNotice:${ name }` );
	}
}

/** Freezes a value and everything in it, so other scripts can read the data but not change it. */
function deepFreeze<T>( value: T ): T {
	if ( value && typeof value === 'object' && !Object.isFrozen( value ) ) {
		Object.freeze( value );
		Object.keys( value ).forEach( ( key ) => deepFreeze( ( value as Record<string, unknown> )[ key ] ) );
	}
	return value;
}

/** What other scripts read: the guarded data, the notices shown, the live check's result. */
export interface PublicApi {
	readonly data: NoticesData;
	readonly shown: readonly string[];
	readonly live: unknown;
}

function main(): void {
	const libs = mw.libs as Record<string, unknown>;
	if ( libs[ PUBLIC_NAME ] ) {
		return;
	}
	mark( 'start' );
	const data = deepFreeze( loadData() );
	const userLanguage = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
	const reader = readingLanguages( userLanguage );
	mw.messages.set( pickMessages( bundles, reader.chain ) );
	const deps = mwRenderDeps( userLanguage, reader );
	const state = { shown: [] as string[], live: null as unknown };
	const api: PublicApi = Object.freeze( {
		data,
		get shown() {
			return state.shown.slice();
		},
		get live() {
			return state.live;
		}
	} );
	Object.defineProperty( libs, PUBLIC_NAME, { value: api, enumerable: true } );

	// Loaded some other way than as an enabled gadget (from a user script, say), the module comes
	// without its peer: fetch the styles then (the room is no longer wanted by that time).
	if ( mw.loader.getState( STYLES_MODULE ) === 'registered' ) {
		mw.loader.load( STYLES_MODULE );
	}
	const ctx = pageContext();
	const storage = mw.storage && typeof mw.storage.get === 'function' ? mw.storage : null;
	state.shown = showBanners( findApplicableNotices( data.notices, ctx ), deps, new Dismissals( storage ), warn, ctx.reader === 'named' );

	const special = mw.config.get( 'wgCanonicalSpecialPageName' ) as string | null;
	const relevantUser = mw.config.get( 'wgRelevantUserName' ) as string | null;
	const statuses = isAccountPage( ctx.namespace, special ) ? findAccountStatuses( data.notices, relevantUser ) : [];
	let settled: Promise<unknown> = Promise.resolve();
	if ( statuses.length || special === 'Userrights' ) {
		const context: AccountsContext = { data, reader, userLanguage, relevantUser, special, statuses };
		settled = Promise.resolve( mw.loader.using( ACCOUNTS_MODULE ) ).then( ( req ) => {
			const shown = ( req( ACCOUNTS_MODULE ) as AccountsModule ).run( context );
			// The box is on the page now; its live check may still run.
			mark( 'shown' );
			return shown;
		} ).then( ( live ) => {
			state.live = live;
		} );
	} else {
		mark( 'shown' );
	}
	const ready = (): void => {
		mark( 'ready' );
		try {
			mw.hook( 'officeActionNotice.ready' ).fire( api );
		} catch ( e ) {
			// Another script's handler failed: its error, not this page's.
			mw.log.warn( `${ PREFIX } an officeActionNotice.ready handler threw:`, e );
		}
	};
	settled.then( ready, ( e ) => {
		mw.log.error( PREFIX, e );
		ready();
	} );
}

try {
	main();
} catch ( e ) {
	mw.log.error( PREFIX, e );
}
