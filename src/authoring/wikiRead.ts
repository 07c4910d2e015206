// What the authoring view reads from the wiki, all through one GET function (mw.Api's get in
// the gadget, a stub in tests): the texts to check, what the wiki knows about languages, and
// where interwiki prefixes lead. Only interface admins on the notices page ever run this.
import { readLanguageNames } from '../i18n/readerLanguages';

/** An Action API answer: JSON, read defensively. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;

/** A GET request to a MediaWiki Action API; resolves with the answer's JSON. */
export type Get = ( params: Record<string, string | number> ) => Promise<Answer>;

/** The texts of revisions by id (formatversion 2); a revision the answer lacks is missing. */
export function readRevisions( get: Get, revids: number[] ): Promise<Record<number, string>> {
	return get( { action: 'query', prop: 'revisions', revids: revids.join( '|' ), rvprop: 'ids|content', rvslots: 'main', formatversion: 2 } ).then( revisionTexts );
}

function revisionTexts( answer: Answer ): Record<number, string> {
	const out: Record<number, string> = {};
	const pages = answer && answer.query && Array.isArray( answer.query.pages ) ? answer.query.pages : [];
	for ( const page of pages ) {
		for ( const rev of Array.isArray( page.revisions ) ? page.revisions : [] ) {
			const content = rev && rev.slots && rev.slots.main && rev.slots.main.content;
			if ( typeof content === 'string' ) {
				out[ rev.revid ] = content;
			}
		}
	}
	return out;
}

/** The main gadget's languages page: its language names are what readers see (deploy writes them). */
const LANGUAGES_PAGE = 'MediaWiki:Gadget-office-action-notice-languages.json';

/** What the wiki says about languages and interwiki links. */
export interface SiteFacts {
	/** Every language code MediaWiki knows here (siteinfo languages). */
	languages: string[];
	/** The content language's variants; empty where it has none. */
	variants: string[];
	/** The API of each interwiki prefix that names one. */
	interwikiApis: Record<string, string>;
	/** The autonyms of the languages page, as readers' notices name the statement's languages. */
	languageNames: Record<string, string>;
}

export function readSiteFacts( get: Get ): Promise<SiteFacts> {
	return get( {
		action: 'query', meta: 'siteinfo', siprop: 'general|languages|interwikimap',
		prop: 'revisions', titles: LANGUAGES_PAGE, rvprop: 'ids|content', rvslots: 'main', formatversion: 2
	} ).then( siteFacts );
}

/** The languages page's names; none where the page is missing or not JSON. */
function languagesPageNames( answer: Answer ): Record<string, string> {
	const texts = revisionTexts( answer );
	const [ revid ] = Object.keys( texts );
	try {
		return readLanguageNames( revid === undefined ? null : JSON.parse( texts[ Number( revid ) ] ) );
	} catch ( e ) {
		return {};
	}
}

function siteFacts( answer: Answer ): SiteFacts {
	const query = answer && answer.query || {};
	const general = query.general || {};
	const interwikiApis: Record<string, string> = {};
	for ( const iw of Array.isArray( query.interwikimap ) ? query.interwikimap : [] ) {
		if ( iw && typeof iw.prefix === 'string' && typeof iw.api === 'string' && iw.api ) {
			interwikiApis[ iw.prefix.toLowerCase() ] = iw.api;
		}
	}
	const codes = ( list: unknown ): string[] => ( Array.isArray( list ) ? list : [] )
		.map( ( l ) => l && l.code ).filter( ( c ): c is string => typeof c === 'string' );
	const variants = codes( general.variants );
	return {
		languages: codes( query.languages ),
		variants: variants.length > 1 ? variants : [],
		interwikiApis,
		languageNames: languagesPageNames( answer )
	};
}

/** MediaWiki's fallbacks and BCP 47 tag of each language (meta=languageinfo). */
export type LanguageInfo = Record<string, { fallbacks: string[]; bcp47: string }>;

export function readLanguageInfo( get: Get, codes: string[] ): Promise<LanguageInfo> {
	if ( !codes.length ) {
		return Promise.resolve( {} );
	}
	return get( { action: 'query', meta: 'languageinfo', licode: codes.join( '|' ), liprop: 'fallbacks|bcp47', formatversion: 2 } )
		.then( ( answer ) => languageInfo( answer, codes ) );
}

function languageInfo( answer: Answer, codes: string[] ): LanguageInfo {
	const out: LanguageInfo = {};
	const info = answer && answer.query && answer.query.languageinfo || {};
	for ( const code of codes ) {
		const entry = info[ code ];
		if ( entry && Array.isArray( entry.fallbacks ) && typeof entry.bcp47 === 'string' ) {
			out[ code ] = { fallbacks: entry.fallbacks.filter( ( c: unknown ) => typeof c === 'string' ), bcp47: entry.bcp47 };
		}
	}
	return out;
}

/**
 * Where a statement page's wiki answers: the API its interwiki prefix names (m:…), or null for
 * a page of this wiki. A prefix this wiki does not know is left to the statement's wiki itself.
 */
export function statementApi( page: string, interwikiApis: Record<string, string> ): string | null {
	const colon = page.indexOf( ':' );
	const prefix = colon > 0 ? page.slice( 0, colon ).trim().toLowerCase() : '';
	return Object.prototype.hasOwnProperty.call( interwikiApis, prefix ) ? interwikiApis[ prefix ] : null;
}
