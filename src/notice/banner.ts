import { Notice } from '../config/types';
import { renderStatementLinks } from '../statement/statementLinks';
import { formatDate } from '../util/dates';
import { el, localizedText, RenderDeps } from '../util/dom';

/** Updates newest first; the order of equal dates is the data's. */
export function sortUpdates<T extends { date: string }>( updates: T[] ): T[] {
	return updates.map( ( u, i ) => ( { u, i } ) )
		.sort( ( a, b ) => ( Date.parse( b.u.date ) - Date.parse( a.u.date ) ) || ( a.i - b.i ) )
		.map( ( x ) => x.u );
}

/** A DOM id fragment safe for any notice id. */
export function domId( noticeId: string ): string {
	return 'oan-notice-' + noticeId.replace( /[^A-Za-z0-9_-]/g, '_' );
}

/** Class of an opened banner: it shows everything, at its own height. */
export const EXPANDED_CLASS = 'oan-expanded';

/**
 * The banner for one notice. Collapsed, it has a fixed height of two rows (three on phones), the
 * room the styles peer reserves, so nothing jumps: the title and its date; the way to the
 * statement in the reader's language, and "Details". Details (or focusing a link the row cuts
 * off) opens it: the summary, the latest update, the whole history and the other languages.
 *
 * @param notice guarded notice
 * @param deps messages, URLs and languages
 * @param onDismiss called when the reader dismisses it
 */
export function renderBanner( notice: Notice, deps: RenderDeps, onDismiss: () => void ): HTMLElement {
	const id = domId( notice.id );
	const box = el( 'div', 'oan-notice' );
	box.id = id;
	box.setAttribute( 'role', 'region' );
	box.setAttribute( 'data-oan-id', notice.id );
	box.setAttribute( 'aria-labelledby', `${ id }-title` );

	const body = el( 'div', 'oan-notice-body' );
	body.id = `${ id }-body`;
	const heading = el( 'p', 'oan-notice-title oan-line' );
	const strong = localizedText( 'strong', 'oan-shrink', notice.title, deps );
	strong.id = `${ id }-title`;
	strong.setAttribute( 'elementtiming', 'oan-notice' );
	heading.appendChild( strong );
	heading.appendChild( el( 'span', 'oan-notice-date', deps.msg( 'oan-notice-published', formatDate( notice.published, deps.locale ) ) ) );
	body.appendChild( heading );

	const statement = renderStatementLinks( notice.statement, deps );
	const main = statement.querySelector( '.oan-statement-main' ) as HTMLElement;
	main.classList.add( 'oan-line' );
	body.appendChild( main );

	// What only the opened notice shows.
	const more = el( 'div', 'oan-notice-more' );
	more.appendChild( localizedText( 'p', 'oan-notice-summary', notice.summary, deps ) );
	const updates = sortUpdates( notice.updates );
	if ( updates.length ) {
		more.appendChild( renderUpdate( updates[ 0 ], deps, 'p', 'oan-notice-update' ) );
	}
	if ( updates.length > 1 ) {
		const history = el( 'div', 'oan-notice-history' );
		const label = el( 'p', 'oan-notice-history-label', deps.msg( 'oan-notice-history' ) );
		label.id = `${ id }-history`;
		const list = el( 'ol', 'oan-notice-history-list' );
		list.setAttribute( 'aria-labelledby', label.id );
		for ( const u of updates ) {
			list.appendChild( renderUpdate( u, deps, 'li' ) );
		}
		history.appendChild( label );
		history.appendChild( list );
		more.appendChild( history );
	}
	const languages = statement.querySelector( '.oan-statement-languages' );
	if ( languages ) {
		more.appendChild( languages );
	}
	body.appendChild( more );

	const toggle = el( 'button', 'oan-notice-toggle', deps.msg( 'oan-notice-more' ) );
	toggle.type = 'button';
	toggle.setAttribute( 'aria-expanded', 'false' );
	toggle.setAttribute( 'aria-controls', body.id );
	const setExpanded = ( expanded: boolean ): void => {
		box.classList.toggle( EXPANDED_CLASS, expanded );
		toggle.setAttribute( 'aria-expanded', String( expanded ) );
		toggle.textContent = deps.msg( expanded ? 'oan-notice-less' : 'oan-notice-more' );
	};
	toggle.addEventListener( 'click', () => setExpanded( !box.classList.contains( EXPANDED_CLASS ) ) );
	main.appendChild( el( 'span', undefined, deps.msg( 'oan-statement-separator' ) ) );
	main.appendChild( toggle );
	box.appendChild( body );
	// A keyboard user must never land on a link a row cuts off: then open the notice first.
	body.addEventListener( 'focusin', ( e ) => {
		const target = e.target as HTMLElement;
		const r = target.getBoundingClientRect();
		const row = ( target.parentElement as HTMLElement ).getBoundingClientRect();
		if ( target !== toggle && ( r.width === 0 || r.right > row.right + 1 || r.left < row.left - 1 ) ) {
			setExpanded( true );
		}
	} );

	const dismiss = el( 'button', 'oan-notice-dismiss' );
	dismiss.type = 'button';
	dismiss.setAttribute( 'aria-label', deps.msg( 'oan-notice-dismiss-label', strong.textContent || '' ) );
	dismiss.title = deps.msg( 'oan-notice-dismiss' );
	dismiss.appendChild( el( 'span', 'oan-notice-dismiss-icon' ) ).setAttribute( 'aria-hidden', 'true' );
	dismiss.addEventListener( 'click', onDismiss );
	box.appendChild( dismiss );
	return box;
}

function renderUpdate( update: Notice[ 'updates' ][ number ], deps: RenderDeps, tag: 'p' | 'li', className?: string ): HTMLElement {
	const node = el( tag, className );
	node.appendChild( el( 'strong', undefined, deps.msg( 'oan-notice-updated', formatDate( update.date, deps.locale ) ) ) );
	node.appendChild( document.createTextNode( ' ' ) );
	node.appendChild( localizedText( 'span', undefined, update.text, deps ) );
	return node;
}
