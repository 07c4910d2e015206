import { pickLocalized } from '../i18n/pick';
import { renderStatementLinks } from '../translations/render';
import { formatDate } from '../util/dates';
import { el, RenderDeps, setLanguage } from '../util/dom';
import { AccountStatus } from './match';

/** The status box on an affected account's pages: action and date, the note, the statement. */
export function renderAccountStatus( statuses: AccountStatus[], deps: RenderDeps ): HTMLElement {
	// Only reversed actions: a neutral box, not a warning.
	const neutral = statuses.every( ( s ) => s.account.action === 'restored' );
	const box = el( 'div', neutral ? 'oan-account oan-account-neutral' : 'oan-account' );
	box.setAttribute( 'role', 'note' );
	box.setAttribute( 'aria-label', deps.msg( 'oan-account-region' ) );
	for ( const { notice, account } of statuses ) {
		const item = el( 'div', `oan-account-item oan-account-${ account.action }` );
		item.setAttribute( 'data-oan-action', account.action );
		item.appendChild( el( 'p', 'oan-account-status', deps.msg( `oan-account-${ account.action }`, formatDate( account.date, deps.userLanguage ) ) ) );
		if ( account.note ) {
			const note = pickLocalized( account.note, deps.chain );
			const p = el( 'p', 'oan-account-note', note.text );
			setLanguage( p, note.lang, deps.userLanguage );
			item.appendChild( p );
		}
		item.appendChild( renderStatementLinks( notice.statement, deps ) );
		box.appendChild( item );
	}
	return box;
}
