// The notices data copied from the source wiki (the statement's) to every other wiki of a farm.
// A copy names where it comes from (`copiedFrom`: the source's wiki and revision), so deploy can
// tell a copy nobody touched from one edited on its wiki: a clean copy holds exactly the data a
// sync of that source revision writes. An edited copy is a conflict, kept unless replacing is
// asked for. Data is compared, not text: MediaWiki re-formats JSON pages when it saves them.
import { NOTICES_PAGE } from '../definition.mjs';

/** Any JSON value with its objects' keys sorted: two values are the same data when these match. */
function canonical( value ) {
	if ( Array.isArray( value ) ) {
		return value.map( canonical );
	}
	if ( value && typeof value === 'object' ) {
		return Object.fromEntries( Object.keys( value ).sort().map( ( k ) => [ k, canonical( value[ k ] ) ] ) );
	}
	return value;
}

/** Whether two parsed JSON values hold the same data (key order and formatting aside). */
export function sameData( a, b ) {
	return JSON.stringify( canonical( a ) ) === JSON.stringify( canonical( b ) );
}

/** The text as JSON, or undefined when it is not JSON. */
export function parseOrUndefined( text ) {
	try {
		return JSON.parse( text );
	} catch {
		return undefined;
	}
}

/**
 * The copy's data: the source's, with `copiedFrom` first (a copy of a copy names the source, not
 * the copy it came through).
 *
 * @param {Object} sourceData
 * @param {{wiki: string, revision: number}} from
 */
export function copyData( sourceData, from ) {
	// A copy of its own: nothing done to it reaches the source's data.
	const rest = JSON.parse( JSON.stringify( sourceData ) );
	delete rest.copiedFrom;
	return { copiedFrom: { wiki: from.wiki, revision: from.revision }, ...rest };
}

/** The copy's text as deploy saves it. */
export function copyText( sourceData, from ) {
	return JSON.stringify( copyData( sourceData, from ), null, '\t' ) + '\n';
}

/**
 * What deploy does to one wiki's copy.
 *
 * @param {Object} c
 * @param {{exists: boolean, content: string}} c.current the wiki's notices page
 * @param {Object} c.desired copyData() of the source's current revision
 * @param {string} c.source the source wiki's id
 * @param {Object|undefined} c.lastSync copyData() of the source revision the copy names (what
 *  that sync wrote), or undefined when that revision could not be read
 * @param {Object|undefined} c.pristine the data deploy creates a notices page with
 *  (data/notices.json): a page still holding exactly that was never edited on its wiki
 * @param {boolean} [c.replace] replace a copy edited on its wiki (--replace-copies)
 * @return {{action: string, why: (string|undefined)}} action: create, unchanged, update, replace
 *  or conflict; why: for replace and conflict, what was edited on the wiki
 */
export function copyDecision( { current, desired, source, lastSync, pristine, replace } ) {
	if ( !current.exists ) {
		return { action: 'create' };
	}
	const data = parseOrUndefined( current.content );
	if ( data !== undefined && sameData( data, desired ) ) {
		return { action: 'unchanged' };
	}
	const why = editedWhy( data, { desired, source, lastSync, pristine } );
	if ( !why ) {
		return { action: 'update' };
	}
	return replace ? { action: 'replace', why } : { action: 'conflict', why };
}

/**
 * Why the page holds data of its own wiki's (null when it is a clean copy, safe to update). A page
 * that is no copy yet is taken over only when that loses nothing: it holds the source's data
 * already, or data/notices.json as deploy created it.
 */
function editedWhy( data, { desired, source, lastSync, pristine } ) {
	if ( data === undefined ) {
		return 'the page is not JSON';
	}
	const from = data && data.copiedFrom;
	if ( !from ) {
		const lost = !sameData( { ...data, copiedFrom: desired.copiedFrom }, desired ) && !( pristine !== undefined && sameData( data, pristine ) );
		return lost ? `the page is not a copy (no copiedFrom) and its data differs from ${ source }'s and from data/notices.json` : null;
	}
	if ( from.wiki !== source ) {
		return `the page is a copy of ${ from.wiki }'s, not of ${ source }'s`;
	}
	if ( lastSync === undefined ) {
		return `${ source }'s revision ${ from.revision }, which the copy names, cannot be read`;
	}
	return sameData( data, lastSync ) ? null : `edited on the wiki since the copy of ${ source }'s revision ${ from.revision }`;
}

/**
 * A revision of the source's notices page (the current one without `revid`): { revid, content },
 * or null when there is none.
 *
 * @param {{request: Function}} client
 * @param {number} [revid]
 */
export async function readNoticesRevision( client, revid ) {
	const which = revid ? { revids: revid } : { titles: NOTICES_PAGE };
	const res = await client.request( { action: 'query', prop: 'revisions', rvprop: 'ids|content', rvslots: 'main', formatversion: 2, ...which } );
	const page = ( res.query.pages || [] )[ 0 ];
	if ( !page || page.missing || !page.revisions || page.title !== NOTICES_PAGE.replace( /_/g, ' ' ) ) {
		return null;
	}
	return { revid: page.revisions[ 0 ].revid, content: page.revisions[ 0 ].slots.main.content };
}

/** The edit summary of a copy. */
export function copySummary( from ) {
	return `Copy of the notices data of ${ from.wiki } (revision ${ from.revision }), by office-action-notice's deploy --farm`;
}
