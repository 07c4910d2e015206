import { AccountStatus } from '../accounts/match';
import { RestrictedGroup } from '../config/types';

export interface RightsTarget {
	/** The user name, without an interwiki suffix. */
	name: string;
	/** The other wiki's database name for `Name@otherwiki`, else null. */
	wiki: string | null;
}

/**
 * Splits the UserRights target as MediaWiki shows it ("Name" or "Name@otherwiki", the wiki
 * being a database name). New accounts cannot have "@" in their names, old ones can: only a
 * last "@suffix" that looks like a database name counts as a wiki.
 */
export function parseTarget( raw: string | null | undefined ): RightsTarget | null {
	const text = ( raw || '' ).trim();
	if ( !text ) {
		return null;
	}
	const m = text.match( /^(.+)@([a-z][a-z0-9_]*)$/ );
	return m ? { name: m[ 1 ], wiki: m[ 2 ] } : { name: text, wiki: null };
}

/** Actions that call for a warning; a restored account gets a neutral notice instead. */
export function isRestrictive( status: AccountStatus ): boolean {
	return status.account.action !== 'restored';
}

export interface GroupNote {
	group: string;
	restriction: RestrictedGroup;
}

/**
 * The restricted groups the bureaucrat is adding now: ticked, and not held before.
 *
 * @param restricted restricted groups from the notices data
 * @param ticked groups ticked in the form now
 * @param held groups the account had when the page loaded
 */
export function addedRestrictedGroups( restricted: RestrictedGroup[], ticked: string[], held: string[] ): GroupNote[] {
	return ticked
		.filter( ( g ) => !held.includes( g ) )
		.map( ( g ) => ( { group: g, restriction: restricted.find( ( r ) => r.group === g ) } ) )
		.filter( ( n ): n is GroupNote => !!n.restriction );
}

export interface RightsDecision {
	/** Show the warning box above the form (the target is listed in a notice). */
	showWarning: boolean;
	/** The box warns (banned, desysopped, …) rather than informs (restored). */
	severe: boolean;
	/** Saving needs the acknowledgement checkbox ticked. */
	needsAcknowledgement: boolean;
	/** Notes to show at the ticked restricted groups. */
	groupNotes: GroupNote[];
}

/**
 * What the UserRights page shows, from the target's listings, whether its global account is
 * locked (known once the live check answers; a lock warns like a ban) and the current ticks.
 */
export function decideRightsWarning( statuses: AccountStatus[], locked: boolean, restricted: RestrictedGroup[], ticked: string[], held: string[] ): RightsDecision {
	const severe = locked || statuses.some( isRestrictive );
	const groupNotes = addedRestrictedGroups( restricted, ticked, held );
	return {
		showWarning: locked || statuses.length > 0,
		severe,
		needsAcknowledgement: severe && groupNotes.length > 0,
		groupNotes
	};
}
