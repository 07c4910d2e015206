import { Notice } from '../config/types';

/** What the page view is, as far as targeting is concerned (read from mw.config by the entry). */
export interface PageContext {
	now: Date;
	dbName: string;
	contentLanguage: string;
	namespace: number;
	userGroups: string[];
	isAnonymous: boolean;
}

/** Whether one notice's dates and targeting allow it on this page view. */
export function noticeApplies( notice: Notice, ctx: PageContext ): boolean {
	const now = ctx.now.getTime();
	if ( notice.start && now < Date.parse( notice.start ) ) {
		return false;
	}
	if ( notice.end && now > Date.parse( notice.end ) ) {
		return false;
	}
	const t = notice.target;
	if ( t.users === 'anonymous' && !ctx.isAnonymous ) {
		return false;
	}
	if ( t.users === 'loggedin' && ctx.isAnonymous ) {
		return false;
	}
	if ( t.wikis && !t.wikis.includes( ctx.dbName ) ) {
		return false;
	}
	if ( t.contentLanguages && !t.contentLanguages.includes( ctx.contentLanguage ) ) {
		return false;
	}
	if ( t.namespaces && !t.namespaces.includes( ctx.namespace ) ) {
		return false;
	}
	if ( t.groups && !t.groups.some( ( g ) => ctx.userGroups.includes( g ) ) ) {
		return false;
	}
	return true;
}

/** The notices that apply to this page view, in the order the data lists them. */
export function findApplicableNotices( notices: Notice[], ctx: PageContext ): Notice[] {
	return notices.filter( ( n ) => noticeApplies( n, ctx ) );
}
