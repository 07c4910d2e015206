// The first thing the authoring panel shows on a copy of the notices data: whose copy it is, a
// link to the source's notices page (where to edit), and how the copy stands against the source
// (copyState.ts), filled in once the source has been read. Codex's message in its CSS-only markup
// (codex-styles), a status region: screen readers hear the comparison when it arrives.
import { CopiedFrom } from '../config/types';
import { el } from '../util/dom';
import { CopyState } from './copyState';
import { Msg } from './report';

export interface CopyNotice {
	box: HTMLElement;
	/** Says how the copy stands. */
	show: ( state: CopyState ) => void;
	/** Says the source could not be read, and why (one line). */
	unreachable: ( why: string ) => void;
}

/** The line for a state; every one names the source wiki ($1). */
export function copyStateText( state: CopyState, wiki: string, msg: Msg ): string {
	switch ( state.state ) {
		case 'in-step':
			return msg( 'oan-author-copy-in-step', wiki, String( state.revision ) );
		case 'behind':
			return msg( 'oan-author-copy-behind', wiki, String( state.from ), String( state.to ) );
		case 'edited':
			return msg( 'oan-author-copy-edited', wiki, String( state.revision ) );
		case 'lost':
			return msg( 'oan-author-copy-lost', wiki, String( state.revision ) );
		default:
			return msg( 'oan-author-copy-missing', wiki );
	}
}

/**
 * @param origin the copy's `copiedFrom`
 * @param link the source's notices page, or null where this wiki does not know the source wiki
 * @param editing on the edit form: the admin is about to edit the copy, so it warns
 * @param msg messages in the admin's language
 */
export function renderCopyNotice( origin: CopiedFrom, link: string | null, editing: boolean, msg: Msg ): CopyNotice {
	const box = el( 'div', 'oan-author-copy cdx-message cdx-message--block' );
	box.setAttribute( 'role', 'status' );
	box.appendChild( el( 'span', 'cdx-message__icon' ) );
	const content = box.appendChild( el( 'div', 'cdx-message__content' ) );
	const where = content.appendChild( el( 'p', 'oan-author-copy-where' ) );
	where.appendChild( el( 'strong', undefined, msg( 'oan-author-copy', origin.wiki ) ) );
	if ( link ) {
		where.appendChild( document.createTextNode( ' ' ) );
		const a = where.appendChild( el( 'a', 'oan-author-copy-link', msg( 'oan-author-copy-link', origin.wiki ) ) );
		a.href = link;
	} else {
		where.appendChild( document.createTextNode( ` ${ msg( 'oan-author-copy-unknown', origin.wiki ) }` ) );
	}
	if ( editing ) {
		content.appendChild( el( 'p', 'oan-author-copy-editing', msg( 'oan-author-copy-editing', origin.wiki ) ) );
	}
	const line = content.appendChild( el( 'p', 'oan-author-copy-state' ) );
	// A warning where the admin is about to edit a copy, or the copy is no longer the source's;
	// else a notice. data-oan-copy: the state said, for tests and user styles.
	const say = ( text: string, state: string, warn: boolean ): void => {
		line.textContent = text;
		box.classList.toggle( 'cdx-message--warning', warn || editing );
		box.classList.toggle( 'cdx-message--notice', !warn && !editing );
		box.setAttribute( 'data-oan-copy', state );
	};
	say( msg( 'oan-author-copy-checking', origin.wiki ), 'checking', false );
	return {
		box,
		show: ( state ) => say( copyStateText( state, origin.wiki, msg ), state.state, state.state !== 'in-step' && state.state !== 'behind' ),
		unreachable: ( why ) => say( msg( 'oan-author-copy-unreachable', origin.wiki, why ), 'unreachable', true )
	};
}
