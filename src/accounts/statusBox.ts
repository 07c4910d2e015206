import { renderStatementLinks } from '../statement/statementLinks';
import { formatDate } from '../util/dates';
import { el, localizedText, RenderDeps } from '../util/dom';
import { AccountStatus } from './match';

/**
 * One listing of an account: what happened (a sentence the caller words), the note in the
 * reader's language, and the statement links. Shared by the status box and the UserRights warning.
 *
 * @param status the account's listing in a notice
 * @param sentence the action and date, already a message
 * @param prefix class prefix of the box ("oan-account", "oan-ur")
 * @param deps messages, URLs and languages
 */
export function renderListing( status: AccountStatus, sentence: string, prefix: string, deps: RenderDeps ): HTMLElement {
	const { notice, account } = status;
	const item = el( 'div', `${ prefix }-item ${ prefix }-${ account.action }` );
	item.setAttribute( 'data-oan-action', account.action );
	item.appendChild( el( 'p', `${ prefix }-status`, sentence ) );
	if ( account.note ) {
		item.appendChild( localizedText( 'p', `${ prefix }-note`, account.note, deps ) );
	}
	item.appendChild( renderStatementLinks( notice.statement, deps ) );
	return item;
}

/** The status box on an affected account's pages: action and date, the note, the statement. */
export function renderAccountStatus( statuses: AccountStatus[], deps: RenderDeps ): HTMLElement {
	// Only reversed actions: a neutral box, not a warning.
	const neutral = statuses.every( ( s ) => s.account.action === 'restored' );
	const box = el( 'div', neutral ? 'oan-box oan-account oan-account-neutral' : 'oan-box oan-account' );
	box.setAttribute( 'role', 'note' );
	box.setAttribute( 'aria-label', deps.msg( 'oan-account-region' ) );
	for ( const status of statuses ) {
		box.appendChild( renderListing( status, deps.msg( `oan-account-${ status.account.action }`, formatDate( status.account.date, deps.locale ) ), 'oan-account', deps ) );
	}
	return box;
}

/** The box on the pages of an account no notice lists whose global account is locked. */
export function renderGlobalLock( deps: RenderDeps ): HTMLElement {
	const box = el( 'div', 'oan-box oan-account oan-account-global-locked' );
	box.setAttribute( 'role', 'note' );
	box.setAttribute( 'aria-label', deps.msg( 'oan-account-region' ) );
	box.appendChild( el( 'p', 'oan-account-status', deps.msg( 'oan-account-global-locked' ) ) );
	return box;
}
