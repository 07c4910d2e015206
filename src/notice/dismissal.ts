/** The bits of mw.storage the dismissal needs (get returns null/false when absent or unavailable). */
export interface DismissalStore {
	get( key: string ): string | null | false;
	set( key: string, value: string, expiry?: number ): boolean;
	remove( key: string ): boolean;
}

/** Dismissals last a year; a new revision of the notice shows it again at once. */
export const DISMISS_SECONDS = 365 * 24 * 3600;

export function dismissalKey( noticeId: string ): string {
	return `oan-dismissed-${ noticeId }`;
}

/**
 * Remembers dismissals per notice id and revision in mw.storage, falling back to memory
 * (this page view only) where storage is unavailable or full.
 */
export class Dismissals {
	private readonly memory: Record<string, number>;

	private readonly store: DismissalStore | null;

	constructor( store: DismissalStore | null ) {
		this.store = store;
		this.memory = {};
	}

	/** The revision this reader dismissed, or 0. */
	dismissedRevision( noticeId: string ): number {
		let stored: string | null | false = null;
		try {
			stored = this.store ? this.store.get( dismissalKey( noticeId ) ) : null;
		} catch ( e ) {
			stored = null;
		}
		const n = typeof stored === 'string' ? Number( stored ) : 0;
		return Math.max( this.memory[ noticeId ] || 0, isFinite( n ) ? n : 0 );
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
		delete this.memory[ noticeId ];
		try {
			if ( this.store ) {
				this.store.remove( dismissalKey( noticeId ) );
			}
		} catch ( e ) {
			// Storage unavailable: nothing was kept there either.
		}
	}

	/** @return whether the dismissal was stored beyond this page view */
	dismiss( noticeId: string, revision: number ): boolean {
		this.memory[ noticeId ] = revision;
		try {
			return Boolean( this.store && this.store.set( dismissalKey( noticeId ), String( revision ), DISMISS_SECONDS ) );
		} catch ( e ) {
			return false;
		}
	}
}
