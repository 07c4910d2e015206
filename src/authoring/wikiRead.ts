// What the authoring view reads from the wiki, all through one GET function (mw.Api's get in
// the gadget, a stub in tests): the texts to check, what the wiki knows about languages, where
// interwiki prefixes lead, and, on a farm's copy, its source's notices page. Only interface admins
// on the notices page ever run this.
import { NOTICES_PAGE } from '../config/loadNoticesData';
import { readLanguageNames } from '../i18n/readerLanguages';
import { Interwiki, SourceRevisions } from './copyState';

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
	/** Every interwiki prefix with a page URL (where a copy's source wiki is found). */
	interwikis: Interwiki[];
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
	const interwikis: Interwiki[] = [];
	for ( const iw of Array.isArray( query.interwikimap ) ? query.interwikimap : [] ) {
		if ( !iw || typeof iw.prefix !== 'string' ) {
			continue;
		}
		const api = typeof iw.api === 'string' && iw.api ? iw.api : undefined;
		if ( api ) {
			interwikiApis[ iw.prefix.toLowerCase() ] = api;
		}
		if ( typeof iw.url === 'string' && iw.url ) {
			const wikiid = typeof iw.wikiid === 'string' && iw.wikiid ? iw.wikiid : undefined;
			const entry: Interwiki = { prefix: iw.prefix.toLowerCase(), url: iw.url };
			interwikis.push( Object.assign( entry, api ? { api } : {}, wikiid ? { wikiid } : {} ) );
		}
	}
	const codes = ( list: unknown ): string[] => ( Array.isArray( list ) ? list : [] )
		.map( ( l ) => l && l.code ).filter( ( c ): c is string => typeof c === 'string' );
	const variants = codes( general.variants );
	return {
		languages: codes( query.languages ),
		variants: variants.length > 1 ? variants : [],
		interwikiApis,
		interwikis,
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

/** The notices page's revision in an answer of prop=revisions (formatversion 2); another page's is none. */
function noticesRevision( answer: Answer ): { revid: number; content: string | null } | null {
	const pages = answer && answer.query && Array.isArray( answer.query.pages ) ? answer.query.pages : [];
	const page = pages.find( ( p: Answer ) => p && p.title === NOTICES_PAGE.replace( /_/g, ' ' ) );
	const rev = page && !page.missing && Array.isArray( page.revisions ) ? page.revisions[ 0 ] : null;
	if ( !rev || typeof rev.revid !== 'number' ) {
		return null;
	}
	const content = rev.slots && rev.slots.main && rev.slots.main.content;
	return { revid: rev.revid, content: typeof content === 'string' ? content : null };
}

/**
 * A copy's source, read on its wiki (anonymously and across origins in the gadget): the notices
 * page's current revision, and the text of the revision the copy names.
 *
 * @param get a GET to the source wiki's API
 * @param revision `copiedFrom.revision`
 * @return rejected where the source cannot be reached
 */
export function readSourceRevisions( get: Get, revision: number ): Promise<SourceRevisions> {
	const ask = ( which: Record<string, string | number> ): Promise<ReturnType<typeof noticesRevision>> => get( Object.assign(
		{ action: 'query', prop: 'revisions', rvprop: 'ids', formatversion: 2 }, which
	) ).then( noticesRevision );
	return Promise.all( [
		ask( { titles: NOTICES_PAGE } ),
		ask( { revids: revision, rvprop: 'ids|content', rvslots: 'main' } )
	] ).then( ( [ current, copied ] ) => ( {
		current: current ? current.revid : null,
		copied: copied && copied.revid === revision ? copied.content : null
	} ) );
}
