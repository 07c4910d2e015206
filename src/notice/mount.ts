import { Notice } from '../config/types';
import { el, localizedText, RenderDeps } from '../util/dom';
import { formatDate } from '../util/dates';
import { domId, renderBanner } from './banner';
import { Dismissals } from './dismissal';
import { planNotices } from './plan';

/** Class on <html> once the gadget has placed its notices: the styles peer then drops its reserved room. */
export const READY_CLASS = 'oan-ready';

/** Where a named reader turns the gadget off (a link in a dismissed notice's bar). */
const GADGET_PREFERENCES = 'Special:Preferences#mw-prefsection-gadgets';

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
 * reader dismissed them all, each leaves its bar (renderHiddenBar) in the room the styles peer
 * kept, as tall as a collapsed notice, with a button that shows it again. Nothing is written but
 * the reader's own dismissals, in storage.
 *
 * @param notices applicable notices, in order
 * @param deps messages, URLs and languages
 * @param dismissals this reader's dismissals
 * @param warn console warning for data problems found on the way
 * @param named whether the reader has a named account (their bar says where to turn the gadget off)
 */
export function showBanners( notices: Notice[], deps: RenderDeps, dismissals: Dismissals, warn: ( message: string ) => void, named: boolean ): string[] {
	const plan = planNotices( notices, ( id ) => dismissals.dismissedRevision( id ) );
	plan.warnings.forEach( warn );
	const isHidden = ( n: Notice ): boolean => dismissals.isDismissed( n.id, n.revision );
	const shown: string[] = [];
	const container = notices.length ? noticeContainer() : null;
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
				// The last one: the bars of the hidden notices take its place, in the same room.
				const bars = notices.filter( isHidden ).map( bar );
				bars.forEach( ( b ) => container.appendChild( b ) );
				focusOn( bars[ 0 ] || document.getElementById( 'firstHeading' ) || document.getElementById( 'content' ) );
			} );
			return box;
		};
		const bar = ( notice: Notice ): HTMLElement => renderHiddenBar( notice, deps, named, ( hidden ) => {
			dismissals.restore( notice.id );
			const box = banner( notice );
			container.replaceChild( box, hidden );
			focusOn( box );
		} );
		for ( const notice of plan.visible ) {
			container.appendChild( banner( notice ) );
			shown.push( notice.id );
		}
		if ( !plan.visible.length ) {
			plan.hidden.forEach( ( notice ) => container.appendChild( bar( notice ) ) );
		}
	}
	document.documentElement.classList.add( READY_CLASS );
	return shown;
}

/**
 * What a dismissed notice leaves: a bar as tall as the collapsed notice, every row of it text.
 * "Notice hidden: <title>", its date, and a button that shows it again; for a named reader also
 * the way to turn the gadget off in their preferences.
 *
 * @param notice the dismissed notice
 * @param deps messages, URLs and languages
 * @param named whether the reader has a named account
 * @param onShow called with the bar when the reader asks for the notice again
 */
export function renderHiddenBar( notice: Notice, deps: RenderDeps, named: boolean, onShow: ( hidden: HTMLElement ) => void ): HTMLElement {
	const bar = el( 'div', 'oan-minimised' );
	bar.setAttribute( 'data-oan-hidden', notice.id );
	const body = bar.appendChild( el( 'div', 'oan-minimised-body' ) );
	const first = body.appendChild( el( 'p', 'oan-notice-title oan-line' ) );
	const label = first.appendChild( el( 'span', 'oan-minimised-label oan-shrink', `${ deps.msg( 'oan-notice-hidden' ) } ` ) );
	label.id = `${ domId( notice.id ) }-hidden`;
	label.appendChild( localizedText( 'span', undefined, notice.title, deps ) );
	first.appendChild( el( 'span', 'oan-notice-date', deps.msg( 'oan-notice-published', formatDate( notice.published, deps.locale ) ) ) );
	const second = body.appendChild( el( 'p', 'oan-line' ) );
	const show = second.appendChild( el( 'button', 'oan-notice-toggle', deps.msg( 'oan-notice-show' ) ) );
	show.type = 'button';
	show.setAttribute( 'aria-describedby', label.id );
	show.addEventListener( 'click', () => onShow( bar ) );
	if ( named ) {
		second.appendChild( el( 'span', undefined, deps.msg( 'oan-statement-separator' ) ) );
		const off = second.appendChild( el( 'a', 'oan-shrink', deps.msg( 'oan-notice-turn-off' ) ) );
		off.href = deps.getUrl( GADGET_PREFERENCES );
	}
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
