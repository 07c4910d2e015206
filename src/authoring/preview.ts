// The preview of one notice as readers will get it: collapsed and opened, in each language and
// variant it has text for (a picker), with what decides when and to whom it shows, and the
// accounts it lists, each with the pages an admin checks.
import { AffectedAccount, Notice } from '../config/types';
import { renderBanner } from '../notice/banner';
import { autonym, formatDate } from '../util/dates';
import { el, RenderDeps } from '../util/dom';
import { describeTarget, Schedule, scheduleOf } from './describe';
import { Msg } from './report';

export interface PreviewContext {
	/** Messages in the admin's language. */
	msg: Msg;
	/** Local URL of a wiki page (mw.util.getUrl). */
	getUrl: ( page: string ) => string;
	/** The languages to preview in, in picker order. */
	languages: string[];
	/** What a reader of that language gets: messages, chain, locale. */
	readerDeps: ( language: string ) => RenderDeps;
	/** The moment to judge start and end by. */
	now: Date;
	/** BCP 47 tag of the admin's language, for dates. */
	locale: string;
}

let previews = 0;

/**
 * A notice's DOM ids made unique in a preview, so the page's own notice (and the other previews)
 * keep theirs; the references to them follow.
 */
export function suffixIds( root: HTMLElement, suffix: string ): void {
	const nodes = [ root, ...root.querySelectorAll<HTMLElement>( '*' ) ];
	for ( const node of nodes ) {
		if ( node.id ) {
			node.id += suffix;
		}
		for ( const attr of [ 'aria-labelledby', 'aria-controls', 'aria-describedby' ] ) {
			const value = node.getAttribute( attr );
			if ( value ) {
				node.setAttribute( attr, value.split( /\s+/ ).map( ( id ) => id + suffix ).join( ' ' ) );
			}
		}
	}
}

function scheduleText( schedule: Schedule, msg: Msg ): string {
	switch ( schedule.state ) {
		case 'always':
			return msg( 'oan-author-runs-always' );
		case 'until':
			return msg( 'oan-author-runs-until', schedule.end );
		case 'since':
			return msg( 'oan-author-runs-since', schedule.start );
		case 'between':
			return msg( 'oan-author-runs-between', schedule.start, schedule.end );
		case 'starts':
			return msg( 'oan-author-starts', schedule.start );
		default:
			return msg( 'oan-author-ended', schedule.end );
	}
}

/** The banner as a reader of `language` gets it, collapsed or opened, in a notices container. */
function banner( notice: Notice, deps: RenderDeps, opened: boolean ): HTMLElement {
	const container = el( 'div', 'oan-notices oan-author-banner' );
	// Dismissing a preview would change nothing a reader sees.
	const box = container.appendChild( renderBanner( notice, deps, () => undefined ) );
	suffixIds( box, `-preview${ ++previews }` );
	if ( opened ) {
		const toggle = box.querySelector<HTMLElement>( '.oan-notice-toggle' );
		if ( toggle ) {
			toggle.click();
		}
	}
	return container;
}

/** The two looks of the notice in one language, with the language marked for screen readers. */
function looks( notice: Notice, language: string, ctx: PreviewContext ): HTMLElement {
	const deps = ctx.readerDeps( language );
	const box = el( 'div', 'oan-author-looks' );
	box.setAttribute( 'data-oan-language', language );
	box.appendChild( el( 'p', 'oan-author-look', ctx.msg( 'oan-author-collapsed' ) ) );
	box.appendChild( banner( notice, deps, false ) );
	box.appendChild( el( 'p', 'oan-author-look', ctx.msg( 'oan-author-opened' ) ) );
	box.appendChild( banner( notice, deps, true ) );
	return box;
}

function accountsTable( accounts: AffectedAccount[], ctx: PreviewContext, headingId: string ): HTMLElement {
	const table = el( 'table', 'wikitable oan-author-accounts' );
	table.setAttribute( 'aria-labelledby', headingId );
	const head = table.appendChild( el( 'thead' ) ).appendChild( el( 'tr' ) );
	for ( const key of [ 'oan-author-account', 'oan-author-account-action', 'oan-author-account-pages' ] ) {
		head.appendChild( el( 'th', undefined, ctx.msg( key ) ) ).setAttribute( 'scope', 'col' );
	}
	const body = table.appendChild( el( 'tbody' ) );
	for ( const account of accounts ) {
		const row = body.appendChild( el( 'tr' ) );
		row.setAttribute( 'data-oan-account', account.name );
		const name = row.appendChild( el( 'td' ) ).appendChild( el( 'a', undefined, account.name ) );
		name.href = ctx.getUrl( `User:${ account.name }` );
		row.appendChild( el( 'td', undefined, ctx.msg( `oan-account-${ account.action }`, formatDate( account.date, ctx.locale ) ) ) );
		const pages = row.appendChild( el( 'td' ) );
		const links: [ string, string ][] = [
			[ `Special:Contributions/${ account.name }`, 'oan-author-account-contributions' ],
			[ `Special:UserRights/${ account.name }`, 'oan-author-account-rights' ]
		];
		links.forEach( ( [ page, key ], i ) => {
			if ( i ) {
				pages.appendChild( document.createTextNode( ` ${ ctx.msg( 'oan-statement-separator' ) } ` ) );
			}
			pages.appendChild( el( 'a', undefined, ctx.msg( key ) ) ).href = ctx.getUrl( page );
		} );
	}
	return table;
}

/**
 * The preview of one notice. Whatever in it cannot be drawn (the data has problems the report
 * names) becomes one line saying so, never an exception.
 */
export function renderNoticePreview( notice: Notice, index: number, ctx: PreviewContext ): HTMLElement {
	const section = el( 'section', 'oan-author-notice' );
	const headingId = `oan-author-notice-${ index }`;
	section.setAttribute( 'aria-labelledby', headingId );
	const heading = section.appendChild( el( 'h3', undefined, ctx.msg( 'oan-author-notice', String( notice.id ), String( notice.revision ) ) ) );
	heading.id = headingId;
	try {
		const facts = section.appendChild( el( 'ul', 'oan-author-facts' ) );
		facts.appendChild( el( 'li', 'oan-author-schedule', scheduleText( scheduleOf( notice, ctx.now ), ctx.msg ) ) );
		for ( const line of describeTarget( notice.target ) ) {
			facts.appendChild( el( 'li', 'oan-author-target', line.list === undefined ? ctx.msg( line.key ) : ctx.msg( line.key, line.list ) ) );
		}
		facts.appendChild( el( 'li', 'oan-author-revision', ctx.msg( 'oan-author-revision', String( notice.revision ) ) ) );

		const picker = el( 'select', 'oan-author-language cdx-select' );
		picker.id = `${ headingId }-language`;
		for ( const code of ctx.languages ) {
			const option = picker.appendChild( el( 'option', undefined, `${ autonym( code ) } (${ code })` ) );
			option.value = code;
		}
		const label = el( 'label', undefined, ctx.msg( 'oan-author-language' ) );
		label.htmlFor = picker.id;
		const choose = section.appendChild( el( 'p', 'oan-author-picker' ) );
		choose.appendChild( label );
		choose.appendChild( document.createTextNode( ' ' ) );
		choose.appendChild( picker );
		let shown = section.appendChild( looks( notice, ctx.languages[ 0 ] || 'en', ctx ) );
		picker.addEventListener( 'change', () => {
			const next = looks( notice, picker.value, ctx );
			section.replaceChild( next, shown );
			shown = next;
		} );

		const accountsHeading = section.appendChild( el( 'h4', undefined, ctx.msg( 'oan-author-accounts', String( notice.accounts.length ) ) ) );
		accountsHeading.id = `${ headingId }-accounts`;
		if ( notice.accounts.length ) {
			section.appendChild( accountsTable( notice.accounts, ctx, accountsHeading.id ) );
		}
	} catch ( e ) {
		section.appendChild( el( 'p', 'oan-author-preview-failed', ctx.msg( 'oan-author-preview-failed', ( e as Error ).message ) ) );
	}
	return section;
}
