import { LocalizedText } from '../config/types';
import { pickLocalized } from '../i18n/fallbackChain';

/** What DOM builders need from MediaWiki, passed in so they run under jsdom without `mw`. */
export interface RenderDeps {
	/** A message's plain text with parameters filled in (mw.message( key, ...params ).text()). */
	msg: ( key: string, ...params: string[] ) => string;
	/** The local URL of a wiki page, interwiki prefixes included (mw.util.getUrl). */
	getUrl: ( page: string ) => string;
	/** The reader's interface language (wgUserLanguage): the page's own language. */
	userLanguage: string;
	/** The languages the reader reads, most wanted first (see i18n/readerLanguages.ts). */
	chain: string[];
	/** BCP 47 tag for dates in the reader's first language ("zh-Hant-HK"). */
	locale: string;
	/** MediaWiki's names of languages in their own script, by code, as far as the languages page has them. */
	languageNames: Record<string, string>;
}

/** Creates an element with classes and text; text always goes in as text, never as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>( tag: K, className?: string, text?: string ): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	if ( className ) {
		node.className = className;
	}
	if ( text !== undefined ) {
		node.textContent = text;
	}
	return node;
}

/** Marks an element whose text comes in another language than the interface. */
export function setLanguage( node: HTMLElement, lang: string, userLanguage: string ): void {
	if ( lang !== userLanguage ) {
		node.lang = lang;
		node.dir = 'auto';
	}
}

/**
 * An element with the reader's text of a field the data gives in several languages: the first
 * language of the reader's chain that has it, marked where that is not the interface language.
 */
export function localizedText<K extends keyof HTMLElementTagNameMap>(
	tag: K, className: string | undefined, text: LocalizedText, deps: RenderDeps
): HTMLElementTagNameMap[ K ] {
	const picked = pickLocalized( text, deps.chain );
	const node = el( tag, className, picked.text );
	setLanguage( node, picked.lang, deps.userLanguage );
	return node;
}

export function link( deps: RenderDeps, page: string, text: string, className?: string ): HTMLAnchorElement {
	const a = el( 'a', className, text );
	a.href = deps.getUrl( page );
	return a;
}
