// The accounts gadget: loaded by the main gadget only on Special:UserRights and an account's
// user, talk and contributions pages, so ordinary page views never pay for it. There it decides
// what to say: the account's listings, and, where CentralAuth runs, a lock.
import bundles from 'oan:messages';
import { NoticesData } from '../config/types';
import { pickMessages } from '../i18n/fallbackChain';
import { ReaderLanguages } from '../i18n/readerLanguages';
import { initUserRights, Lookup } from '../userrights/page';
import { LiveStatus, lookupParams, parseLookup } from '../userrights/lookup';
import { liveText } from '../userrights/rightsWarning';
import { mwRenderDeps } from '../util/mwDeps';
import { findAccountStatuses, hasGlobalAccount } from './match';
import { renderAccountStatus, renderGlobalLock } from './statusBox';

export interface AccountsContext {
	data: NoticesData;
	/** The reader's languages (see i18n/readerLanguages.ts). */
	reader: ReaderLanguages;
	userLanguage: string;
	relevantUser: string | null;
	special: string | null;
}

/** What the main gadget gets from require( 'ext.gadget.office-action-notice-accounts' ). */
export interface AccountsModule {
	run: ( ctx: AccountsContext ) => Promise<LiveStatus | null>;
}

/** A module every wiki with CentralAuth registers (Special:CentralAuth's): global accounts, and locks, exist here. */
const CENTRALAUTH_MODULE = 'ext.centralauth';

/** The one live API request: a GET through mw.Api with a time limit. */
const apiLookup: Lookup = ( params ) => new Promise( ( resolve, reject ) => {
	new mw.Api( { ajax: { timeout: 10000 } } ).get( params ).then( resolve, reject );
} );

/**
 * Shows the account status box or the UserRights warning.
 *
 * @return the live check's result, once shown
 */
function run( ctx: AccountsContext ): Promise<LiveStatus | null> {
	mw.messages.set( pickMessages( bundles, ctx.reader.chain ) );
	const deps = mwRenderDeps( ctx.userLanguage, ctx.reader );
	if ( ctx.special === 'Userrights' ) {
		return initUserRights( ctx.data, deps, ctx.relevantUser, apiLookup );
	}
	const content = document.getElementById( 'mw-content-text' );
	const parent = content && content.parentNode;
	if ( !parent || !ctx.relevantUser ) {
		return Promise.resolve( null );
	}
	const statuses = findAccountStatuses( ctx.data.notices, ctx.relevantUser );
	// No notice lists the account: something to say only where CentralAuth can say it is locked.
	if ( !statuses.length && !( mw.loader.getState( CENTRALAUTH_MODULE ) && hasGlobalAccount( ctx.relevantUser ) ) ) {
		return Promise.resolve( null );
	}
	const checked = apiLookup( lookupParams( ctx.relevantUser, true ) ).then( ( answer ) => parseLookup( answer, true ), () => null );
	if ( !statuses.length ) {
		// A box only when the global account is locked.
		return checked.then( ( status ) => {
			if ( status && status.global && status.global.locked ) {
				parent.insertBefore( renderGlobalLock( deps ), content );
			}
			return status;
		} );
	}
	const box = renderAccountStatus( statuses, deps );
	const live = document.createElement( 'p' );
	live.className = 'oan-account-live';
	live.setAttribute( 'aria-live', 'polite' );
	box.appendChild( live );
	parent.insertBefore( box, content );
	return checked.then( ( status ) => {
		live.textContent = liveText( status, deps );
		return status;
	} );
}

const exported: AccountsModule = { run };
OAN_PACKAGE_MODULE.exports = exported;
