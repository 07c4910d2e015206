// Special:UserRights: wires the decisions to the form. The form itself is never changed: no
// field is added, removed or rewritten, so a submission reaches MediaWiki as without the gadget.
import { AccountStatus, findAccountStatuses, normalizeUserName } from '../accounts/match';
import { NoticesData } from '../config/types';
import { RenderDeps } from '../util/dom';
import { decideRightsWarning, GroupNote, parseTarget } from './decide';
import { LiveStatus, lookupParams, parseLookup } from './lookup';
import { liveText, renderGroupNote, renderRightsWarning, WarningBox } from './rightsWarning';

/** Runs the one API request; resolves with the raw answer, rejects on any failure. */
export type Lookup = ( params: Record<string, string> ) => Promise<unknown>;

const GROUP_ID = /^wpGroup-(.+)$/;

function groupOf( box: HTMLInputElement ): string | null {
	const m = box.id.match( GROUP_ID );
	return m ? m[ 1 ] : null;
}

/** The warning, above the form; ticking its acknowledgement clears its error. */
function insertWarning( form: HTMLFormElement, userName: string, statuses: AccountStatus[], locked: boolean, deps: RenderDeps ): WarningBox {
	const w = renderRightsWarning( userName, statuses, locked, deps );
	form.parentNode!.insertBefore( w.root, form );
	w.ack.addEventListener( 'change', () => {
		if ( w.ack.checked ) {
			w.ackError.textContent = '';
		}
	} );
	return w;
}

/** A note after each ticked restricted group's checkbox (and its expiry fields), described by it; none at the others. */
function placeGroupNotes( form: HTMLFormElement, boxes: HTMLInputElement[], notes: GroupNote[], deps: RenderDeps ): void {
	for ( const b of boxes ) {
		const group = groupOf( b );
		const existing = document.getElementById( `oan-ur-note-${ group }` );
		const note = notes.find( ( n ) => n.group === group );
		if ( note && !existing ) {
			const node = renderGroupNote( note, deps );
			const nested = document.getElementById( `mw-userrights-nested-${ b.id }` );
			const after = nested || ( form.querySelector( `label[for="${ b.id }"]` ) as HTMLElement | null ) || b;
			after.parentNode!.insertBefore( node, after.nextSibling );
			b.setAttribute( 'aria-describedby', node.id );
		} else if ( !note && existing ) {
			existing.remove();
			b.removeAttribute( 'aria-describedby' );
		}
	}
}

/**
 * @param data guarded notices data
 * @param deps messages, URLs and languages
 * @param relevantUser wgRelevantUserName
 * @param lookup the API request (null: skip the live check)
 * @return a promise that settles when the live check has been shown (for the ready hook)
 */
export function initUserRights( data: NoticesData, deps: RenderDeps, relevantUser: string | null, lookup: Lookup | null ): Promise<LiveStatus | null> {
	const form = document.getElementById( 'mw-userrights-form2' ) as HTMLFormElement | null;
	if ( !form ) {
		return Promise.resolve( null );
	}
	// MediaWiki's canonical name where it knows one; the form's own field for Name@otherwiki.
	const hidden = form.querySelector<HTMLInputElement>( 'input[name="user"]' );
	const target = parseTarget( relevantUser || ( hidden && hidden.value ) );
	if ( !target ) {
		return Promise.resolve( null );
	}
	const statuses = findAccountStatuses( data.notices, target.name );
	const boxes = Array.prototype.slice.call( form.querySelectorAll( 'input.mw-userrights-groupcheckbox' ) ) as HTMLInputElement[];
	const held = boxes.filter( ( b ) => b.defaultChecked ).map( groupOf ).filter( ( g ): g is string => !!g );
	const displayName = normalizeUserName( target.name );

	let warning: WarningBox | null = null;
	let locked = false;
	let needsAck = false;
	const showWarning = (): WarningBox => insertWarning( form, displayName + ( target.wiki ? `@${ target.wiki }` : '' ), statuses, locked, deps );
	if ( statuses.length ) {
		warning = showWarning();
	}

	const update = (): void => {
		const ticked = boxes.filter( ( b ) => b.checked ).map( groupOf ).filter( ( g ): g is string => !!g );
		const decision = decideRightsWarning( statuses, locked, data.restrictedGroups, ticked, held );
		placeGroupNotes( form, boxes, decision.groupNotes, deps );
		needsAck = decision.needsAcknowledgement;
		if ( warning ) {
			warning.ackWrap.hidden = !needsAck;
			if ( !needsAck ) {
				warning.ackError.textContent = '';
			}
		}
	};
	form.addEventListener( 'change', ( e ) => {
		if ( ( e.target as HTMLElement ).classList.contains( 'mw-userrights-groupcheckbox' ) ) {
			update();
		}
	} );
	form.addEventListener( 'submit', ( e ) => {
		if ( warning && needsAck && !warning.ack.checked ) {
			e.preventDefault();
			warning.ackError.textContent = deps.msg( 'oan-ur-ack-required' );
			warning.ack.focus();
		}
	} );
	update();

	if ( !lookup ) {
		return Promise.resolve( null );
	}
	const local = target.wiki === null;
	return lookup( lookupParams( target.name, local ) ).then(
		( answer ) => parseLookup( answer, local ),
		() => null
	).then( ( live ) => {
		// A locked global account warns even when no notice lists it; the warning comes when the
		// live check says so, and the groups already ticked are weighed again.
		if ( live && live.global && live.global.locked ) {
			locked = true;
			if ( !warning ) {
				warning = showWarning();
			}
			update();
		}
		if ( warning ) {
			warning.live.textContent = liveText( live, deps );
			warning.live.classList.toggle( 'oan-ur-live-failed', !live );
		}
		return live;
	} );
}
