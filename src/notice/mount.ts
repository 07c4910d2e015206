import { Notice } from '../config/types';
import { el, localizedText, RenderDeps } from '../util/dom';
import { domId, renderBanner } from './banner';
import { Dismissals } from './dismissal';
import { QuietEvent } from './quiet';
import { holdRoom, HOLDING_CLASS } from './room';

/** Class on <html> once the gadget has placed its notices: the styles peer then drops its reserved room. */
export const READY_CLASS = 'oan-ready';

export interface MountOptions {
	/** Whether the styles peer kept a room on this page view (not for readers with the quiet gadget). */
	roomReserved: boolean;
	/** Told when a banner shows (or would, where no room was kept), and when the reader dismisses the last one on the page. */
	onQuiet: ( event: QuietEvent ) => void;
}

/**
 * Where MediaWiki shows its site notice: #siteNotice on Vector, MonoBook and Minerva; Timeless
 * renders that element only when a site notice exists, so there the notices go first in #content.
 */
function noticeContainer(): HTMLElement | null {
	const existing = document.querySelector<HTMLElement>( '.oan-notices' );
	if ( existing ) {
		return existing;
	}
	const host = document.getElementById( 'siteNotice' ) || document.getElementById( 'content' );
	if ( !host ) {
		return null;
	}
	const container = el( 'div', 'oan-notices' );
	if ( host.id === 'siteNotice' ) {
		host.appendChild( container );
	} else {
		host.insertBefore( container, host.firstChild );
	}
	return container;
}

/**
 * Shows every applicable notice the reader has not dismissed; returns the ids shown. Where the
 * reader dismissed them all and the room was reserved, one-line bars of the hidden notices hold
 * the room (see room.ts), each with a button that shows its notice again. Where no room was
 * kept (the quiet gadget), nothing is shown on this page view: the quiet option is told, and the
 * notice shows from the next page view on, in its room.
 *
 * @param notices applicable notices, in order
 * @param deps messages, URLs and languages
 * @param dismissals this reader's dismissals
 * @param warn console warning for data problems found on the way
 * @param options the reserved room and the quiet option
 */
export function showBanners(
	notices: Notice[], deps: RenderDeps, dismissals: Dismissals, warn: ( message: string ) => void, options: MountOptions
): string[] {
	for ( const n of notices ) {
		const seen = dismissals.dismissedRevision( n.id );
		if ( seen > n.revision ) {
			warn( `notice "${ n.id }": revision ${ n.revision } is below the ${ seen } dismissed (revisions must only rise); stays dismissed` );
		}
	}
	const isHidden = ( n: Notice ): boolean => dismissals.isDismissed( n.id, n.revision );
	const visible = notices.filter( ( n ) => !isHidden( n ) );
	const shown: string[] = [];
	if ( visible.length && !options.roomReserved ) {
		// A reader with the quiet gadget and a notice they have not seen: this page kept no room,
		// so showing it now would move the page. The room comes back from the next page on.
		options.onQuiet( 'shown' );
		document.documentElement.classList.add( READY_CLASS );
		return shown;
	}
	const container = notices.length && options.roomReserved ? noticeContainer() : null;
	if ( container ) {
		const banner = ( notice: Notice ): HTMLElement => {
			const box = renderBanner( notice, deps, () => {
				dismissals.dismiss( notice.id, notice.revision );
				const next = box.nextElementSibling || box.previousElementSibling;
				box.remove();
				if ( container.querySelector( '.oan-notice' ) ) {
					focusOn( next && next.querySelector<HTMLElement>( '.oan-notice-dismiss' ) );
					return;
				}
				// The last one: its room stays, with the hidden notices' bars in it.
				const bars = showHidden( notices.filter( isHidden ) );
				focusOn( bars[ 0 ] || document.getElementById( 'firstHeading' ) || document.getElementById( 'content' ) );
				options.onQuiet( 'all-dismissed' );
			} );
			return box;
		};
		const showHidden = ( hidden: Notice[] ): HTMLElement[] => {
			holdRoom( container );
			return hidden.map( ( notice ) => container.appendChild( renderHiddenBar( notice, deps, ( bar ) => {
				dismissals.restore( notice.id );
				const box = banner( notice );
				container.replaceChild( box, bar );
				container.classList.remove( HOLDING_CLASS );
				focusOn( box );
				options.onQuiet( 'shown' );
			} ) ) );
		};
		if ( visible.length ) {
			for ( const notice of visible ) {
				container.appendChild( banner( notice ) );
				shown.push( notice.id );
			}
			options.onQuiet( 'shown' );
		} else {
			showHidden( notices );
		}
	}
	document.documentElement.classList.add( READY_CLASS );
	return shown;
}

/**
 * The one-line bar of a notice the reader dismissed: "Notice hidden: <title>", and a button that
 * shows it again.
 */
export function renderHiddenBar( notice: Notice, deps: RenderDeps, onShow: ( hidden: HTMLElement ) => void ): HTMLElement {
	const bar = el( 'div', 'oan-minimised' );
	bar.setAttribute( 'data-oan-hidden', notice.id );
	const label = el( 'span', 'oan-minimised-label', `${ deps.msg( 'oan-notice-hidden' ) } ` );
	label.id = `${ domId( notice.id ) }-hidden`;
	label.appendChild( localizedText( 'span', undefined, notice.title, deps ) );
	const show = el( 'button', 'oan-notice-toggle', deps.msg( 'oan-notice-show' ) );
	show.type = 'button';
	show.setAttribute( 'aria-describedby', label.id );
	show.addEventListener( 'click', () => onShow( bar ) );
	bar.appendChild( label );
	bar.appendChild( show );
	return bar;
}

/** Keeps keyboard focus on the page when what had it goes away. */
function focusOn( target: HTMLElement | null ): void {
	if ( target ) {
		if ( !target.matches( 'a, button, input, select, textarea, [tabindex]' ) ) {
			target.setAttribute( 'tabindex', '-1' );
		}
		target.focus();
	}
}
