// A reader's dismissals, kept in one cookie on the family's domain (hideCookie.ts), as
// CentralNotice's hide cookie is: zh.wikipedia.org, zh.m.wikipedia.org and en.wikipedia.org share
// "wikipedia.org", so a notice dismissed on one of them is dismissed on all. A first-party cookie:
// no request, no third-party cookie, nothing for another site to read.
import { familyDomain, formatHideCookie, HIDE_COOKIE, parseHideCookie } from './hideCookie';

/** Dismissals last a year; a new revision of the notice shows it again at once. */
export const DISMISS_SECONDS = 365 * 24 * 3600;

/** The page's cookies and address: `document`, or a stand-in in tests. */
export interface CookieJar {
	cookie: string;
	location: { hostname: string; protocol: string };
}

/**
 * Remembers dismissals per notice id and revision, in the cookie and in memory: where cookies are
 * off, a dismissal lasts for the page view. The cookie is read once; a value this version does not
 * read (another version's, or one written by hand) is ignored with one warning, and replaced only
 * when the reader dismisses or shows a notice again.
 */
export class Dismissals {
	private readonly hidden: Record<string, number>;

	private readonly jar: CookieJar;

	constructor( jar: CookieJar, warn: ( message: string ) => void ) {
		this.jar = jar;
		const found = jar.cookie.match( /(?:^|; )officeActionNoticeHide=([^;]*)/ );
		const read = found ? parseHideCookie( found[ 1 ] ) : {};
		if ( !read ) {
			warn( `cookie ${ HIDE_COOKIE } is not of this version; ignored` );
		}
		this.hidden = read || {};
	}

	/** The revision this reader dismissed, or 0. */
	dismissedRevision( noticeId: string ): number {
		return this.hidden[ noticeId ] || 0;
	}

	/**
	 * A dismissal holds for its revision and earlier ones. A later dismissal than the data's
	 * revision means the revision went backwards on the wiki: the reader's choice still holds.
	 */
	isDismissed( noticeId: string, revision: number ): boolean {
		return this.dismissedRevision( noticeId ) >= revision;
	}

	/** Forgets the dismissal: the reader asked to see the notice again. */
	restore( noticeId: string ): void {
		delete this.hidden[ noticeId ];
		this.save();
	}

	/** @return whether the dismissal was kept beyond this page view */
	dismiss( noticeId: string, revision: number ): boolean {
		this.hidden[ noticeId ] = revision;
		return this.save();
	}

	/** Writes the cookie; with nothing dismissed it goes, so nothing is kept the reader did not ask for. */
	private save(): boolean {
		const value = formatHideCookie( this.hidden );
		const domain = familyDomain( this.jar.location.hostname );
		if ( value ) {
			this.jar.cookie = `${ HIDE_COOKIE }=${ value }; path=/; max-age=${ value === 'v1' ? 0 : DISMISS_SECONDS }; samesite=lax` +
				( domain ? `; domain=${ domain }` : '' ) + ( this.jar.location.protocol === 'https:' ? '; secure' : '' );
		}
		return this.jar.cookie.includes( `${ HIDE_COOKIE }=${ value }` );
	}
}
