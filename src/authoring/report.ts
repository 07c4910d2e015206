// The validation report: every problem with its path and a sentence in the admin's language.
import type { Problem } from '../config/check';
import { el } from '../util/dom';

/** A message in the admin's language (mw.message( key, ...params ).text()). */
export type Msg = ( key: string, ...params: string[] ) => string;

/** One problem as a sentence: its message, with the path as $1. */
export function problemText( problem: Problem, msg: Msg ): string {
	return msg( problem.key, problem.path || '/', ...problem.params );
}

/**
 * The report: a status line (announced to screen readers) and the problems, each with its path.
 *
 * @param problems the checker's problems; empty when the data is valid
 * @param syntaxError the JSON parser's message where the text is not JSON, else null
 * @param msg messages in the admin's language
 */
export function renderReport( problems: Problem[], syntaxError: string | null, msg: Msg ): HTMLElement {
	const box = el( 'div', 'oan-author-report' );
	const status = box.appendChild( el( 'p', 'oan-author-status' ) );
	status.setAttribute( 'role', 'status' );
	if ( syntaxError !== null ) {
		box.classList.add( 'oan-author-report-invalid' );
		status.textContent = msg( 'oan-author-syntax', syntaxError );
		return box;
	}
	if ( !problems.length ) {
		box.classList.add( 'oan-author-report-valid' );
		status.textContent = msg( 'oan-author-valid' );
		return box;
	}
	box.classList.add( 'oan-author-report-invalid' );
	status.textContent = msg( 'oan-author-invalid', String( problems.length ) );
	const list = box.appendChild( el( 'ul', 'oan-author-problems' ) );
	for ( const problem of problems ) {
		const item = list.appendChild( el( 'li' ) );
		item.setAttribute( 'data-oan-path', problem.path );
		// The sentence names the path ($1) where it reads well; the path is set as code once.
		const path = problem.path || '/';
		const sentence = problemText( problem, msg );
		const rest = sentence.indexOf( path ) === 0 ? sentence.slice( path.length ) : ` ${ sentence }`;
		item.appendChild( el( 'code', undefined, path ) );
		item.appendChild( el( 'span', undefined, rest ) );
	}
	return box;
}
