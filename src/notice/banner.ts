import { Notice } from '../config/types';
import { renderStatementLinks } from '../translations/render';
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

/** Class of an expanded banner: its rows are no longer clamped to the reserved height. */
export const EXPANDED_CLASS = 'oan-expanded';

/**
 * The banner for one notice. Collapsed, it has a fixed height (the styles peer reserves exactly
 * that room, so nothing jumps): title and date, summary, latest update, statement links, other
 * languages, each row clamped. "Details" (or focusing a clamped link) expands it to show
 * everything and the whole update history.
 *
 * @param notice validated notice
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
	const heading = el( 'p', 'oan-notice-title oan-row' );
	const strong = localizedText( 'strong', undefined, notice.title, deps );
	strong.id = `${ id }-title`;
	strong.setAttribute( 'elementtiming', 'oan-notice' );
	heading.appendChild( strong );
	heading.appendChild( document.createTextNode( ' ' ) );
	heading.appendChild( el( 'span', 'oan-notice-date', deps.msg( 'oan-notice-published', formatDate( notice.published, deps.locale ) ) ) );
	body.appendChild( heading );

	body.appendChild( localizedText( 'p', 'oan-notice-summary oan-row', notice.summary, deps ) );

	const updates = sortUpdates( notice.updates );
	if ( updates.length ) {
		body.appendChild( renderUpdate( updates[ 0 ], deps, 'p', 'oan-notice-update oan-row' ) );
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
		body.appendChild( history );
	}
	const statement = renderStatementLinks( notice.statement, deps );
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
	const main = statement.querySelector( '.oan-statement-main' ) as HTMLElement;
	main.appendChild( document.createTextNode( ` ${ deps.msg( 'oan-statement-separator' ) } ` ) );
	main.appendChild( toggle );
	body.appendChild( statement );
	box.appendChild( body );
	// A keyboard user must never land on a link the clamped rows hide: then expand first.
	body.addEventListener( 'focusin', ( e ) => {
		const target = e.target as HTMLElement;
		const r = target.getBoundingClientRect();
		const b = box.getBoundingClientRect();
		if ( target !== toggle && ( r.height === 0 || r.bottom > b.bottom || r.top < b.top || r.right > b.right || r.left < b.left ) ) {
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
