// On the edit form: saving data with problems needs an explicit confirmation. "Save changes" is
// held back once, a box with a checkbox appears by the buttons, and the next save goes through
// only with it ticked. Preview and "Show changes" are never held; nothing typed is ever lost.
import { el } from '../util/dom';
import { Msg } from './report';

/** Whether the form's submission was its save button (not preview or diff). */
function isSave( event: Event, lastClicked: HTMLElement | null ): boolean {
	const submitter = ( event as SubmitEvent ).submitter || lastClicked;
	return !!submitter && submitter.id === 'wpSave';
}

/**
 * @param form the edit form (#editform)
 * @param problemCount the problems of the text as it is now (checked afresh on every save)
 * @param msg messages in the admin's language
 */
export function guardSave( form: HTMLFormElement, problemCount: () => number, msg: Msg ): void {
	let confirm: HTMLInputElement | null = null;
	let lastClicked: HTMLElement | null = null;
	form.addEventListener( 'click', ( e ) => {
		lastClicked = ( e.target as HTMLElement ).closest( 'button, input[type="submit"]' );
	}, true );
	form.addEventListener( 'submit', ( e ) => {
		const count = problemCount();
		if ( !isSave( e, lastClicked ) || !count || ( confirm && confirm.checked ) ) {
			return;
		}
		e.preventDefault();
		if ( !confirm ) {
			// Codex's error message with its checkbox, in their CSS-only markup (codex-styles).
			const box = el( 'div', 'oan-author-confirm cdx-message cdx-message--error' );
			box.setAttribute( 'role', 'alert' );
			box.appendChild( el( 'span', 'cdx-message__icon' ) );
			const content = box.appendChild( el( 'div', 'cdx-message__content' ) );
			content.appendChild( el( 'p', undefined, msg( 'oan-author-confirm-needed', String( count ) ) ) );
			const wrapper = content.appendChild( el( 'div', 'cdx-checkbox' ) ).appendChild( el( 'div', 'cdx-checkbox__wrapper' ) );
			confirm = wrapper.appendChild( el( 'input', 'cdx-checkbox__input' ) );
			confirm.type = 'checkbox';
			confirm.id = 'oan-author-confirm';
			wrapper.appendChild( el( 'span', 'cdx-checkbox__icon' ) );
			const label = wrapper.appendChild( el( 'div', 'cdx-checkbox__label cdx-label' ) ).appendChild( el( 'label', 'cdx-label__label' ) );
			label.htmlFor = confirm.id;
			label.appendChild( el( 'span', 'cdx-label__label__text', msg( 'oan-author-confirm', String( count ) ) ) );
			const buttons = form.querySelector( '.editButtons' ) || ( form.querySelector( '#wpSave' ) || form ).parentElement || form;
			( buttons.parentElement || form ).insertBefore( box, buttons );
		}
		confirm.focus();
	} );
}
