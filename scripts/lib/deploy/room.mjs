// Whether a wiki keeps the notice's room before the script runs: its definition line names the
// styles peer (office-action-notice-reserve) only while a notice is shown to every reader of that
// wiki (src/notice/room.ts, decided from the notices data the wiki will have). So when the last
// notice ends, a deploy run (on a schedule: docs/development.md) takes the peer out, and no page
// closes up under its readers; when a notice starts, it comes back.
import { importSource } from '../sourceModule.mjs';

const { guardNoticesData, roomForEveryReader } = await importSource( [ 'src/config/guard.ts', 'src/notice/room.ts' ] );

/**
 * @param {string} noticesText the notices data the wiki will have (its page, or the copy)
 * @param {{dbName: string, contentLanguage: string}} wiki
 * @param {Date} now
 * @return {boolean}
 */
export function roomNeeded( noticesText, wiki, now ) {
	let raw = null;
	try {
		raw = JSON.parse( noticesText );
	} catch {
		// Not JSON: readers are shown nothing, so no room is kept for them.
	}
	return roomForEveryReader( guardNoticesData( raw ).data.notices, wiki, now );
}

/**
 * The definition as this wiki gets it: as gadget-definition.txt has it, or, without a notice for
 * every reader, the main gadget's line without its peers.
 *
 * @template {{gadgets: Object[], main: Object}} Definition
 * @param {Definition} def readDefinition()
 * @param {boolean} room
 * @return {Definition} a definition for mergeDefinition()
 */
export function definitionWithRoom( def, room ) {
	if ( room ) {
		return def;
	}
	const withoutPeers = ( line ) => line.replace( /\|peers=[^|\]]*/, '' );
	return { ...def, gadgets: def.gadgets.map( ( g ) => g === def.main ? { ...g, line: withoutPeers( g.line ) } : g ) };
}

/** The wiki's database name and content language, as targeting sees them. */
export async function wikiFacts( client ) {
	const res = await client.request( { action: 'query', meta: 'siteinfo', siprop: 'general', formatversion: 2 } );
	return { dbName: res.query.general.wikiid, contentLanguage: res.query.general.lang };
}
