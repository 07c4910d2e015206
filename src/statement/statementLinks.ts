import { Statement } from '../config/types';
import { autonym } from '../util/dates';
import { el, link, RenderDeps } from '../util/dom';
import { pickStatementLanguage } from './pickStatementLanguage';

/**
 * The statement's links for a reader: the version in their language with its completeness,
 * the original where that version is partial, and the other languages, each named in its
 * own script.
 */
export function renderStatementLinks( statement: Statement, deps: RenderDeps ): HTMLElement {
	const links = pickStatementLanguage( statement, deps.chain );
	const box = el( 'div', 'oan-statement' );
	const main = el( 'p', 'oan-statement-main' );
	const read = link( deps, links.chosen.page, deps.msg( 'oan-statement-read' ), 'oan-statement-link' );
	read.hreflang = links.chosen.language;
	main.appendChild( read );
	const name = autonym( links.chosen.language, deps.languageNames );
	const meta = links.chosen.isOriginal ?
		deps.msg( 'oan-statement-meta-original', name ) :
		deps.msg( 'oan-statement-meta-translation', name, deps.msg( 'oan-statement-complete', String( links.chosen.complete ) ) );
	main.appendChild( el( 'span', 'oan-statement-meta oan-shrink', ` ${ meta }` ) );
	if ( links.original ) {
		main.appendChild( el( 'span', undefined, ` ${ deps.msg( 'oan-statement-separator' ) } ` ) );
		const orig = link( deps, links.original.page, deps.msg( 'oan-statement-original', autonym( links.original.language, deps.languageNames ) ), 'oan-statement-original oan-shrink' );
		orig.hreflang = links.original.language;
		main.appendChild( orig );
	}
	box.appendChild( main );
	if ( links.all.length > 1 ) {
		const others = el( 'p', 'oan-statement-languages', deps.msg( 'oan-statement-languages' ) + ' ' );
		const list = el( 'ul', 'oan-statement-language-list' );
		for ( const choice of links.all ) {
			const item = el( 'li' );
			const a = link( deps, choice.page, autonym( choice.language, deps.languageNames ) );
			a.lang = choice.language;
			a.hreflang = choice.language;
			if ( choice === links.chosen ) {
				a.setAttribute( 'aria-current', 'true' );
				a.className = 'oan-current';
			}
			item.appendChild( a );
			if ( !choice.isOriginal ) {
				item.appendChild( el( 'span', 'oan-statement-complete', ` ${ choice.complete }%` ) );
			}
			list.appendChild( item );
		}
		others.appendChild( list );
		box.appendChild( others );
	}
	return box;
}
