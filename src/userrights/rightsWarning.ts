import { AccountStatus } from '../accounts/match';
import { renderListing } from '../accounts/statusBox';
import { formatDate } from '../util/dates';
import { el, link, RenderDeps } from '../util/dom';
import { GroupNote, isRestrictive } from './decide';
import { LiveStatus } from './lookup';

export interface WarningBox {
	root: HTMLElement;
	ack: HTMLInputElement;
	ackWrap: HTMLElement;
	ackError: HTMLElement;
	live: HTMLElement;
}

/**
 * The warning above the rights form, for a target listed in the notices, or whose global account
 * is locked (then said first when no notice lists it).
 */
export function renderRightsWarning( userName: string, statuses: AccountStatus[], locked: boolean, deps: RenderDeps ): WarningBox {
	const severe = locked || statuses.some( isRestrictive );
	const root = el( 'div', `oan-box oan-ur-warning ${ severe ? 'oan-ur-severe' : 'oan-ur-neutral' }` );
	root.id = 'oan-ur-warning';
	root.setAttribute( 'role', 'region' );
	root.setAttribute( 'aria-label', deps.msg( 'oan-ur-region' ) );
	if ( !statuses.length ) {
		root.appendChild( el( 'p', 'oan-ur-status oan-ur-global-locked', deps.msg( 'oan-ur-global-locked', userName ) ) );
	}
	for ( const status of statuses ) {
		root.appendChild( renderListing( status, deps.msg( `oan-ur-${ status.account.action }`, userName, formatDate( status.account.date, deps.locale ) ), 'oan-ur', deps ) );
	}
	const live = el( 'p', 'oan-ur-live' );
	live.setAttribute( 'aria-live', 'polite' );
	root.appendChild( live );

	const ackWrap = el( 'div', 'oan-ur-ack' );
	ackWrap.hidden = true;
	const ack = el( 'input' );
	ack.type = 'checkbox';
	ack.id = 'oan-ur-ack';
	// Outside the form and without a name: it never reaches MediaWiki with the submission.
	const label = el( 'label', undefined, deps.msg( 'oan-ur-ack' ) );
	label.htmlFor = ack.id;
	const ackError = el( 'p', 'oan-ur-ack-error' );
	ackError.id = 'oan-ur-ack-error';
	ackError.setAttribute( 'role', 'alert' );
	ack.setAttribute( 'aria-describedby', ackError.id );
	ackWrap.appendChild( ack );
	ackWrap.appendChild( document.createTextNode( ' ' ) );
	ackWrap.appendChild( label );
	ackWrap.appendChild( ackError );
	root.appendChild( ackWrap );
	return { root, ack, ackWrap, ackError, live };
}

/** The note at a ticked restricted group: why it is restricted, what to check, and the policy. */
export function renderGroupNote( note: GroupNote, deps: RenderDeps ): HTMLElement {
	const p = el( 'p', `oan-ur-group-note oan-ur-group-${ note.restriction.kind }` );
	p.id = `oan-ur-note-${ note.group }`;
	p.setAttribute( 'data-oan-group', note.group );
	p.appendChild( document.createTextNode( deps.msg( `oan-ur-group-${ note.restriction.kind }` ) + ' ' ) );
	p.appendChild( link( deps, note.restriction.policy, deps.msg( 'oan-ur-policy' ) ) );
	return p;
}

/** The live check's line: what the API says about the account now. */
export function liveText( live: LiveStatus | null, deps: RenderDeps ): string {
	if ( !live ) {
		return deps.msg( 'oan-ur-live-failed' );
	}
	if ( !live.exists ) {
		return deps.msg( 'oan-ur-live-missing' );
	}
	if ( live.remote ) {
		return deps.msg( live.global && live.global.locked ? 'oan-ur-live-locked' : 'oan-ur-live-unlocked' );
	}
	const parts = [ live.groups.length ? deps.msg( 'oan-ur-live-groups', live.groups.join( ', ' ) ) : deps.msg( 'oan-ur-live-nogroups' ) ];
	if ( live.blocked ) {
		parts.push( deps.msg( 'oan-ur-live-blocked', live.blocked.expiry ) );
	}
	if ( live.global && live.global.locked ) {
		parts.push( deps.msg( 'oan-ur-live-locked' ) );
	}
	if ( live.editCount !== null ) {
		parts.push( deps.msg( 'oan-ur-live-edits', String( live.editCount ), live.registration ? formatDate( live.registration, deps.locale ) : '—' ) );
	}
	return parts.join( ' ' );
}
