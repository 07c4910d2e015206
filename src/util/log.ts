// The gadget's console lines, and the marks the benchmark reads.

export const PREFIX = '[office-action-notice]';

/** A console warning for a problem of the wiki's data or set-up: the page goes on. */
export function logWarning( message: string ): void {
	mw.log.warn( `${ PREFIX } ${ message }` );
}

/** Marks for the benchmark (module start → shown → ready), where the browser has the User Timing API. */
export function mark( name: string ): void {
	if ( window.performance && typeof performance.mark === 'function' ) {
		performance.mark( `officeActionNotice:${ name }` );
	}
}
