import { Notice } from '../config/types';

/**
 * Who reads: nobody logged in, a temporary account (made for an anonymous editor's first edit,
 * ~2026-12345), or a named account. Temporary accounts are anonymous editors for targeting, and
 * never have preferences written.
 */
export type ReaderKind = 'anonymous' | 'temporary' | 'named';

/**
 * The reader's kind from what MediaWiki says: mw.user.isNamed() and isTemp(), never wgUserName
 * (a temporary account has a user name too).
 *
 * @param isNamed mw.user.isNamed()
 * @param isTemp mw.user.isTemp()
 */
export function readerKind( isNamed: boolean, isTemp: boolean ): ReaderKind {
	return isTemp ? 'temporary' : isNamed ? 'named' : 'anonymous';
}

/** What the page view is, as far as targeting is concerned (read from mw.config by the entry). */
export interface PageContext {
	now: Date;
	dbName: string;
	contentLanguage: string;
	namespace: number;
	userGroups: string[];
	reader: ReaderKind;
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
	// "anonymous": nobody logged in, or a temporary account; "loggedin": named accounts only.
	if ( t.users !== 'all' && ( t.users === 'loggedin' ) !== ( ctx.reader === 'named' ) ) {
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
