// Entry: reads mw.config, decides what runs on this page, and wires the modules. Nothing here
// may throw into the page: failures become console lines.
import bundles from 'oan:messages';
import { runAccountsGadget } from './accounts/loadAccountsGadget';
import { needsAccountsGadget } from './accounts/match';
import { loadNoticesData } from './config/loadNoticesData';
import { pickMessages } from './i18n/fallbackChain';
import { readMediaWikiLanguages } from './i18n/mediaWikiLanguages';
import { findApplicableNotices } from './notice/applicability';
import { Dismissals } from './notice/dismissal';
import { showBanners } from './notice/mount';
import { pageContext } from './notice/pageView';
import { fireReadyWhen, isPublished, publishApi, PublicState } from './publicApi';
import { logWarning, mark, PREFIX } from './util/log';
import { mwRenderDeps } from './util/mwDeps';

/** The styles peer: the room and the notice's look, in the page head (this module has no styles). */
const STYLES_MODULE = 'ext.gadget.office-action-notice-reserve';

function runOfficeActionNotice(): void {
	if ( isPublished() ) {
		return;
	}
	mark( 'start' );
	const data = loadNoticesData( logWarning );
	const userLanguage = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
	const reader = readMediaWikiLanguages( userLanguage, logWarning );
	mw.messages.set( pickMessages( bundles, reader.chain ) );
	const state: PublicState = { shown: [], live: null };
	const api = publishApi( data, state );
	// Loaded without its peer (from a user script, say): fetch the styles (the room is past wanting).
	if ( mw.loader.getState( STYLES_MODULE ) === 'registered' ) {
		mw.loader.load( STYLES_MODULE );
	}
	const ctx = pageContext();
	const deps = mwRenderDeps( userLanguage, reader, reader.autonyms );
	state.shown = showBanners( findApplicableNotices( data.notices, ctx ), deps, new Dismissals( document, logWarning ), logWarning, ctx.reader === 'named' );

	const special = mw.config.get( 'wgCanonicalSpecialPageName' ) as string | null;
	let settled: Promise<unknown> = Promise.resolve();
	if ( needsAccountsGadget( ctx.namespace, special ) ) {
		const context = { data, reader, userLanguage, relevantUser: mw.config.get( 'wgRelevantUserName' ) as string | null, special };
		settled = runAccountsGadget( context, () => mark( 'shown' ) ).then( ( live ) => {
			state.live = live;
		} );
	} else {
		mark( 'shown' );
	}
	fireReadyWhen( settled, api );
}

try {
	runOfficeActionNotice();
} catch ( e ) {
	mw.log.error( PREFIX, e );
}
