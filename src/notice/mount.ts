import { Notice } from '../config/types';
import { RenderDeps } from '../util/dom';
import { renderBanner } from './banner';
import { Dismissals } from './dismissal';

/** Class on <html> once the gadget has placed its notices: the styles peer then drops its reserved room. */
export const READY_CLASS = 'oan-ready';

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
	const container = document.createElement( 'div' );
	container.className = 'oan-notices';
	if ( host.id === 'siteNotice' ) {
		host.appendChild( container );
	} else {
		host.insertBefore( container, host.firstChild );
	}
	return container;
}

/**
 * Shows every applicable notice the reader has not dismissed; returns the ids shown.
 *
 * @param notices applicable notices, in order
 * @param deps messages, URLs and languages
 * @param dismissals this reader's dismissals
 * @param warn console warning for data problems found on the way
 */
export function showBanners( notices: Notice[], deps: RenderDeps, dismissals: Dismissals, warn: ( message: string ) => void ): string[] {
	for ( const n of notices ) {
		const seen = dismissals.dismissedRevision( n.id );
		if ( seen > n.revision ) {
			warn( `notice "${ n.id }" has revision ${ n.revision }, lower than the ${ seen } this reader dismissed: a revision must only go up; the notice stays dismissed` );
		}
	}
	const visible = notices.filter( ( n ) => !dismissals.isDismissed( n.id, n.revision ) );
	const container = visible.length ? noticeContainer() : null;
	const shown: string[] = [];
	if ( container ) {
		for ( const notice of visible ) {
			const banner = renderBanner( notice, deps, () => {
				dismissals.dismiss( notice.id, notice.revision );
				moveFocusAway( banner );
				banner.remove();
			} );
			container.appendChild( banner );
			shown.push( notice.id );
		}
	}
	document.documentElement.classList.add( READY_CLASS );
	return shown;
}

/** Keeps keyboard focus on the page when a banner goes: the next banner's button, else the content. */
function moveFocusAway( banner: HTMLElement ): void {
	const next = ( banner.nextElementSibling || banner.previousElementSibling ) as HTMLElement | null;
	const target = ( next && next.querySelector<HTMLElement>( '.oan-notice-dismiss' ) ) ||
		document.getElementById( 'firstHeading' ) || document.getElementById( 'content' );
	if ( target ) {
		if ( !target.matches( 'a, button, input, select, textarea, [tabindex]' ) ) {
			target.setAttribute( 'tabindex', '-1' );
		}
		target.focus();
	}
}
