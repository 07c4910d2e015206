import { Notice } from '../config/types';

/** What the reader gets of the notices that apply to this page view. */
export interface NoticePlan {
	/** Shown as notices, in data order. */
	visible: Notice[];
	/** Dismissed by this reader at their revision (or a later one), in data order. */
	hidden: Notice[];
	/** Data problems found on the way, for the console. */
	warnings: string[];
}

/**
 * Splits the applicable notices into those to show and those the reader dismissed. A dismissal
 * holds for its revision and earlier ones; a revision below the one dismissed means it went
 * backwards on the wiki: the reader's choice still holds, and the admin is told.
 *
 * @param notices applicable notices, in data order
 * @param dismissedRevision the revision this reader dismissed of a notice, or 0
 */
export function planNotices( notices: Notice[], dismissedRevision: ( noticeId: string ) => number ): NoticePlan {
	const plan: NoticePlan = { visible: [], hidden: [], warnings: [] };
	for ( const notice of notices ) {
		const seen = dismissedRevision( notice.id );
		if ( seen > notice.revision ) {
			plan.warnings.push( `notice "${ notice.id }": revision ${ notice.revision } is below the ${ seen } dismissed (revisions must only rise); stays dismissed` );
		}
		( seen >= notice.revision ? plan.hidden : plan.visible ).push( notice );
	}
	return plan;
}
