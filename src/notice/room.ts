// The room the styles peer reserves, for a reader who dismissed every notice here. A room that
// closed up as soon as the script found the dismissal would move the page under the reader's
// eyes. So it is held, with the hidden notices' bars in it, until it has left the viewport above;
// then it closes and the page scrolls by as much, so the content in view stays where it was.

/** Class of the notices container while it holds the reserved room. */
export const HOLDING_CLASS = 'oan-holding';

/** Whether a room with this bounding box is out of view: wholly above the viewport. */
export function isAboveViewport( rect: { bottom: number } ): boolean {
	return rect.bottom <= 0;
}

/** Closes the held room without moving what the reader sees. */
export function releaseRoom( container: HTMLElement ): void {
	if ( !container.classList.contains( HOLDING_CLASS ) ) {
		return;
	}
	const root = document.documentElement;
	const anchor = root.style.getPropertyValue( 'overflow-anchor' );
	// The browser's own scroll anchoring may or may not step in; it is switched off for this
	// change so the page is scrolled exactly once, by the distance measured here.
	root.style.setProperty( 'overflow-anchor', 'none' );
	const before = container.getBoundingClientRect().bottom;
	container.classList.remove( HOLDING_CLASS );
	const moved = container.getBoundingClientRect().bottom - before;
	if ( moved ) {
		// 'instant': a site stylesheet's smooth scrolling would show the very movement this avoids.
		window.scrollBy( { top: moved, behavior: 'instant' } );
	}
	requestAnimationFrame( () => {
		root.style.setProperty( 'overflow-anchor', anchor );
	} );
}

/**
 * Holds the room in the container until it is out of view. Without IntersectionObserver the room
 * stays for this page view.
 */
export function holdRoom( container: HTMLElement ): void {
	container.classList.add( HOLDING_CLASS );
	if ( typeof IntersectionObserver !== 'function' ) {
		return;
	}
	const observer = new IntersectionObserver( ( entries ) => {
		const entry = entries[ entries.length - 1 ];
		if ( !entry.isIntersecting && isAboveViewport( entry.boundingClientRect ) ) {
			observer.disconnect();
			releaseRoom( container );
		}
	} );
	observer.observe( container );
}
