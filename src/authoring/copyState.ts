// On a wiki of a farm, the notices page may be a copy of the source wiki's (deploy --farm writes
// `copiedFrom`). The authoring view then says where to edit, and how the copy stands against its
// source, as the next farm deploy will judge it: in step, behind the source (the deploy brings the
// change), or edited here (the deploy keeps it as a conflict). Pure: plain data in, plain data
// out; the reads are wikiRead.ts's, the DOM copyNotice.ts's.
import { CopiedFrom } from '../config/types';

/** The copy's `copiedFrom`, or null where the data is no copy or names its source unusably (the report says why). */
export function copyOrigin( data: unknown ): CopiedFrom | null {
	const from = data && typeof data === 'object' ? ( data as { copiedFrom?: unknown } ).copiedFrom : undefined;
	if ( !from || typeof from !== 'object' ) {
		return null;
	}
	const { wiki, revision } = from as { wiki?: unknown; revision?: unknown };
	return typeof wiki === 'string' && wiki && typeof revision === 'number' && Number.isInteger( revision ) && revision > 0 ?
		{ wiki, revision } :
		null;
}

/** An interwiki prefix as siteinfo's interwikimap lists it. */
export interface Interwiki {
	prefix: string;
	/** The page URL, with $1 for the title. */
	url: string;
	/** Its API, where the entry names one. */
	api?: string;
	/** Its database name, where the entry names one. */
	wikiid?: string;
}

/** Where the source wiki is: a link to its notices page and its API (null where neither is known). */
export interface SourceWiki {
	page: string;
	api: string | null;
}

/** On Wikimedia wikis Meta's prefixes; other farms name their wikis' database names (wikiid). */
const WELL_KNOWN: Record<string, string[]> = { metawiki: [ 'm', 'meta' ] };

/** An API beside a page URL of the usual forms (/wiki/$1, /index.php?title=$1), where the entry names none. */
function apiBeside( url: string ): string | null {
	const wiki = /^(.*)\/wiki\/\$1$/.exec( url );
	if ( wiki ) {
		return `${ wiki[ 1 ] }/w/api.php`;
	}
	const index = /^(.*)\/index\.php\?title=\$1$/.exec( url );
	return index ? `${ index[ 1 ] }/api.php` : null;
}

/**
 * The source wiki of a copy, found among this wiki's interwiki prefixes: the one whose wikiid is
 * the database name, else a well-known prefix for it (m: for metawiki).
 *
 * @param wikiId `copiedFrom.wiki`
 * @param interwikis this wiki's interwikimap
 * @param title the notices page's title
 * @return null where no prefix leads there
 */
export function sourceWiki( wikiId: string, interwikis: Interwiki[], title: string ): SourceWiki | null {
	const prefixes = WELL_KNOWN[ wikiId ] || [];
	const entry = interwikis.find( ( iw ) => iw.wikiid === wikiId ) ||
		prefixes.map( ( p ) => interwikis.find( ( iw ) => iw.prefix === p ) ).find( ( iw ) => iw );
	if ( !entry || !entry.url.includes( '$1' ) ) {
		return null;
	}
	// As MediaWiki writes titles in URLs: spaces as underscores, colons and slashes as they are.
	const encoded = encodeURIComponent( title.replace( / /g, '_' ) ).replace( /%3A/g, ':' ).replace( /%2F/g, '/' );
	return { page: entry.url.replace( '$1', encoded ), api: entry.api || apiBeside( entry.url ) };
}

/**
 * What the source's notices page holds: its current revision (null: no such page), and the text
 * of the revision the copy names (null: it cannot be read).
 */
export interface SourceRevisions {
	current: number | null;
	copied: string | null;
}

/** How a copy stands against its source, as the next farm deploy judges it. */
export type CopyState =
	/** The copy holds the source's current revision's data. */
	{ state: 'in-step'; revision: number } |
	/** Not edited here, but the source has a newer revision: the next deploy brings it. */
	{ state: 'behind'; from: number; to: number } |
	/** Its data differs from the revision it names: the next deploy keeps it as a conflict. */
	{ state: 'edited'; revision: number } |
	/** The revision it names cannot be read from the source: the next deploy keeps it too. */
	{ state: 'lost'; revision: number } |
	/** The source has no notices page. */
	{ state: 'missing' };

/** Any JSON value with its objects' keys sorted, `copiedFrom` left out at the top. */
function canonical( value: unknown, top = false ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( ( v ) => canonical( v ) );
	}
	if ( value && typeof value === 'object' ) {
		const out: Record<string, unknown> = {};
		Object.keys( value ).sort().filter( ( k ) => !( top && k === 'copiedFrom' ) ).forEach( ( k ) => {
			out[ k ] = canonical( ( value as Record<string, unknown> )[ k ] );
		} );
		return out;
	}
	return value;
}

/** Whether two parsed JSON values hold the same notices data, `copiedFrom` aside (MediaWiki re-formats JSON pages: text would not do). */
export function sameCopiedData( a: unknown, b: unknown ): boolean {
	return JSON.stringify( canonical( a, true ) ) === JSON.stringify( canonical( b, true ) );
}

/**
 * @param copy the copy's data (parsed)
 * @param origin its `copiedFrom`
 * @param source what the source's notices page holds now
 */
export function copyState( copy: unknown, origin: CopiedFrom, source: SourceRevisions ): CopyState {
	if ( source.current === null ) {
		return { state: 'missing' };
	}
	let copied: unknown;
	try {
		copied = source.copied === null ? undefined : JSON.parse( source.copied );
	} catch ( e ) {
		copied = undefined;
	}
	if ( copied === undefined ) {
		return { state: 'lost', revision: origin.revision };
	}
	if ( !sameCopiedData( copy, copied ) ) {
		return { state: 'edited', revision: origin.revision };
	}
	return source.current === origin.revision ?
		{ state: 'in-step', revision: origin.revision } :
		{ state: 'behind', from: origin.revision, to: source.current };
}
