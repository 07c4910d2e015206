// The authoring panel above the notices page: the report, the previews, and on the edit form the
// live check, the save guard and the update of the translations' numbers; first, on a farm's copy
// of the data, where to edit it and how it stands against its source. DOM and flow only; what to
// say comes from report.ts, preview.ts, copyNotice.ts, describe.ts and copyState.ts, what to read
// from wikiRead.ts.
import { checkNotices, Problem } from '../config/check';
import { guardNoticesData } from '../config/guard';
import { NOTICES_PAGE } from '../config/loadNoticesData';
import { CopiedFrom } from '../config/types';
import { MessageBundle, pickMessages } from '../i18n/fallbackChain';
import { el, RenderDeps } from '../util/dom';
import { logWarning } from '../util/log';
import { StatementClient, updateCompleteness } from './completeness';
import { renderCopyNotice } from './copyNotice';
import { copyOrigin, copyState, sourceWiki } from './copyState';
import { previewChain, previewLanguages } from './describe';
import { renderNoticePreview } from './preview';
import { Msg, renderReport } from './report';
import { guardSave } from './saveGuard';
import { Get, LanguageInfo, readLanguageInfo, readSourceRevisions, SiteFacts } from './wikiRead';

/** What is checked: the text now (null: the page has none) and the saved text it replaces. */
export interface Texts {
	text: () => string | null;
	saved: string | null;
	/** The edit form's text box, when editing. */
	textbox: HTMLTextAreaElement | null;
}

export interface PanelOptions {
	bundles: Record<string, MessageBundle>;
	get: Get;
	texts: Promise<Texts>;
	site: Promise<SiteFacts>;
	form: HTMLFormElement | null;
	/** A client for the statement's (or a copy's source) wiki: its API URL, or null for this wiki. */
	clientFor: ( api: string | null ) => StatementClient;
	/** Where the page view's "update" link goes (the edit form, updating at once); null: no link. */
	updateUrl: string | null;
	/** Whether the edit form was opened to update at once. */
	updateNow: boolean;
	/** The admin's BCP 47 tag, for dates. */
	locale: string;
}

const msg: Msg = ( key, ...params ) => mw.message( key, ...params ).text();

function parse( text: string ): { data: unknown; error: string | null } {
	try {
		return { data: JSON.parse( text ), error: null };
	} catch ( e ) {
		return { data: null, error: ( e as Error ).message };
	}
}

/** What a reader of a preview language gets: its messages, MediaWiki's fallbacks, its dates. */
function readerDeps(
	bundles: Record<string, MessageBundle>, info: LanguageInfo, languageNames: Record<string, string>
): ( language: string ) => RenderDeps {
	return ( language ) => {
		const chain = previewChain( language, info[ language ] ? info[ language ].fallbacks : [] );
		const messages = new mw.Map<Record<string, string>>();
		messages.set( pickMessages( bundles, chain ) );
		return {
			msg: ( key, ...params ) => new mw.Message( messages, key, params ).text(),
			getUrl: ( page ) => mw.util.getUrl( page ),
			userLanguage: language,
			chain,
			locale: info[ language ] ? info[ language ].bcp47 : language,
			languageNames
		};
	};
}

/**
 * Puts the panel at the top of the content and fills it.
 *
 * @return settles once the first report and previews are drawn
 */
export function showPanel( content: HTMLElement, options: PanelOptions ): Promise<void> {
	const panel = el( 'div', 'oan-author' );
	panel.setAttribute( 'role', 'region' );
	panel.setAttribute( 'aria-labelledby', 'oan-author-heading' );
	panel.appendChild( el( 'h2', undefined, msg( 'oan-author-heading' ) ) ).id = 'oan-author-heading';
	let body = panel.appendChild( el( 'div', 'oan-author-body', msg( 'oan-author-loading' ) ) );
	content.insertBefore( panel, content.firstChild );

	return Promise.all( [ options.texts, options.site ] ).then( ( [ texts, site ] ) => {
		const known = new Set( site.languages );
		const saved = texts.saved === null ? null : parse( texts.saved ).data;
		const problemsOf = ( data: unknown ): Problem[] => checkNotices( data, {
			saved,
			isKnownLanguage: known.size ? ( code ) => known.has( code ) : undefined
		} );
		// MediaWiki's fallbacks per language, asked once per code (not on every redraw while typing).
		const fallbacks: LanguageInfo = {};
		const asked = new Set<string>();
		let drawn = 0;
		const draw = (): Promise<void> => {
			const turn = ++drawn;
			const text = texts.text();
			const parsed = text === null ? { data: null, error: msg( 'oan-author-missing' ) } : parse( text );
			const problems = parsed.error === null ? problemsOf( parsed.data ) : [];
			// Previewed as readers get them: what the every-page script keeps of the data.
			const notices = parsed.error === null ? guardNoticesData( parsed.data ).data.notices : [];
			const languages = notices.map( ( n ) => previewLanguages( n, site.variants ) );
			const wanted = languages.reduce( ( all, codes ) => all.concat( codes.filter( ( c ) => !all.includes( c ) ) ), [] as string[] );
			const unasked = wanted.filter( ( code ) => !asked.has( code ) );
			return readLanguageInfo( options.get, unasked ).then( ( got ) => {
				unasked.forEach( ( code ) => asked.add( code ) );
				Object.assign( fallbacks, got );
			}, ( e: Error ) => {
				logWarning( `no language fallbacks for the preview (${ e.message }); each language alone, then English` );
			} ).then( () => {
				const info = fallbacks;
				if ( turn !== drawn ) {
					// The admin typed on: a newer drawing is on its way.
					return;
				}
				const next = el( 'div', 'oan-author-body' );
				next.appendChild( renderReport( problems, parsed.error, msg ) );
				const deps = readerDeps( options.bundles, info, site.languageNames );
				notices.forEach( ( notice, i ) => next.appendChild( renderNoticePreview( notice, i, {
					msg,
					getUrl: ( page ) => mw.util.getUrl( page ),
					languages: languages[ i ],
					readerDeps: deps,
					now: new Date(),
					locale: options.locale
				} ) ) );
				panel.replaceChild( next, body );
				body = next;
			} );
		};

		const textbox = texts.textbox;
		// First, on a copy: where to edit, and whether it still holds the source's data. The page
		// as saved on the edit form (what the farm deploy will find), else the revision shown.
		const copyText = textbox ? texts.saved : texts.text();
		const copy = copyText === null ? null : parse( copyText ).data;
		const origin = copyOrigin( copy );
		if ( origin ) {
			panel.insertBefore( copyBox( copy, origin, site, Boolean( textbox ), options ), body );
		}
		if ( textbox && options.form ) {
			let timer = 0;
			textbox.addEventListener( 'input', () => {
				clearTimeout( timer );
				timer = window.setTimeout( draw, 300 );
			} );
			guardSave( options.form, () => {
				const text = texts.text();
				const parsed = text === null ? null : parse( text );
				// Text that is not JSON the wiki itself refuses to save.
				return parsed && parsed.error === null ? problemsOf( parsed.data ).length : 0;
			}, msg );
			panel.insertBefore( updateBox( textbox, site, options, draw ), body );
		} else if ( options.updateUrl ) {
			// A link that looks like Codex's button: it opens the edit form, which runs the update.
			const updateLink = el( 'a', 'oan-author-update cdx-button cdx-button--fake-button cdx-button--fake-button--enabled', msg( 'oan-author-update' ) );
			updateLink.href = options.updateUrl;
			panel.insertBefore( el( 'p' ), body ).appendChild( updateLink );
		}
		return draw();
	}, ( e: Error ) => {
		body.textContent = msg( 'oan-author-load-failed', e.message );
	} );
}

/** The notice on a copy; it reads the source's notices page (anonymously, across origins) to compare. */
function copyBox( copy: unknown, origin: CopiedFrom, site: SiteFacts, editing: boolean, options: PanelOptions ): HTMLElement {
	const source = sourceWiki( origin.wiki, site.interwikis, NOTICES_PAGE );
	const notice = renderCopyNotice( origin, source && source.page, editing, msg );
	if ( !source || !source.api ) {
		notice.unreachable( msg( 'oan-author-copy-no-api' ) );
		return notice.box;
	}
	const client = options.clientFor( source.api );
	readSourceRevisions( ( params ) => client.request( params ), origin.revision ).then(
		( revisions ) => notice.show( copyState( copy, origin, revisions ) ),
		( e: Error ) => notice.unreachable( e.message )
	);
	return notice.box;
}

/** The button that writes Translate's numbers into the form's text; pressed at once where the page view's link asked for it. */
function updateBox( textbox: HTMLTextAreaElement, site: SiteFacts, options: PanelOptions, redraw: () => Promise<void> ): HTMLElement {
	const box = el( 'div', 'oan-author-update-box' );
	const button = box.appendChild( el( 'button', 'oan-author-update cdx-button', msg( 'oan-author-update' ) ) );
	button.type = 'button';
	const result = box.appendChild( el( 'p', 'oan-author-update-result' ) );
	result.setAttribute( 'role', 'status' );
	const update = (): void => {
		button.disabled = true;
		result.textContent = msg( 'oan-author-update-running' );
		const text = String( $( textbox ).textSelection( 'getContents' ) );
		updateCompleteness( text, site.interwikiApis, options.clientFor ).then( ( done ) => {
			if ( !done.changes.length ) {
				result.textContent = msg( 'oan-author-update-none' );
				return undefined;
			}
			$( textbox ).textSelection( 'setContents', done.text );
			const summary = document.getElementById( 'wpSummary' ) as HTMLInputElement | null;
			if ( summary && !summary.value ) {
				summary.value = msg( 'oan-author-update-summary', done.changes.join( '; ' ) );
			}
			result.textContent = msg( 'oan-author-update-done', done.changes.join( '; ' ) );
			return redraw();
		} ).catch( ( e: Error ) => {
			result.textContent = msg( 'oan-author-update-failed', e.message );
		} ).then( () => {
			button.disabled = false;
		} );
	};
	button.addEventListener( 'click', update );
	if ( options.updateNow ) {
		update();
	}
	return box;
}
