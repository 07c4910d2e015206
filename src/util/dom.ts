/** What DOM builders need from MediaWiki, passed in so they run under jsdom without `mw`. */
export interface RenderDeps {
	/** A message's plain text with parameters filled in (mw.message( key, ...params ).text()). */
	msg: ( key: string, ...params: string[] ) => string;
	/** The local URL of a wiki page, interwiki prefixes included (mw.util.getUrl). */
	getUrl: ( page: string ) => string;
	/** The reader's interface language (wgUserLanguage). */
	userLanguage: string;
	/** Language fallback chain, user language first. */
	chain: string[];
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

export function link( deps: RenderDeps, page: string, text: string, className?: string ): HTMLAnchorElement {
	const a = el( 'a', className, text );
	a.href = deps.getUrl( page );
	return a;
}
