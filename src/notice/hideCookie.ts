// The hide cookie's format, as pure functions: its name, its value, and the domain it is set for.
// Its content, size and lifetime are described in docs/design.md.

/** The cookie's name: no wiki's cookie prefix, so every wiki of a family reads the same one. */
export const HIDE_COOKIE = 'officeActionNoticeHide';

/** "v1", then "~<notice id>.<revision>" for each dismissed notice: this version's values. */
const HIDE_VALUE = /^v1(~[\w.-]+\.\d+)*$/;

/** The dismissed revisions by notice id; null for a value this version does not read. */
export function parseHideCookie( value: string ): Record<string, number> | null {
	const hidden: Record<string, number> = {};
	value.replace( /~([\w.-]+)\.(\d+)/g, ( entry, id: string, revision: string ) => {
		hidden[ id ] = Number( revision );
		return entry;
	} );
	return HIDE_VALUE.test( value ) ? hidden : null;
}

/** The cookie's value; null when a notice id does not fit in it (the schema's ids all do). */
export function formatHideCookie( hidden: Record<string, number> ): string | null {
	const value = Object.keys( hidden ).reduce( ( text, id ) => `${ text }~${ id }.${ hidden[ id ] }`, 'v1' );
	return HIDE_VALUE.test( value ) ? value : null;
}

/**
 * The domain a family of wikis shares, the host's last two labels (zh.m.wikipedia.org →
 * wikipedia.org); none for an IP address, whose cookie stays the host's.
 */
export function familyDomain( host: string ): string | null {
	return /^[\d.]+$|:/.test( host ) ? null : host.split( '.' ).slice( -2 ).join( '.' );
}
