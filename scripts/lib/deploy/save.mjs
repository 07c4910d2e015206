// Saving deploy's edits: each against the text it was read from, so an edit made on the wiki since
// (even while deploy waited for its answer) is a conflict and is never overwritten.
import { savePage } from '../wikiApi.mjs';

/**
 * @param {Object} client a logged-in mwn client
 * @param {Array<{title: string, text: string, contentModel: string, current: Object}>} edits in
 *  the order to save them
 * @param {string} summary
 * @param {Function} log receives each output line
 */
export async function saveEdits( client, edits, summary, log ) {
	for ( const edit of edits ) {
		const res = await savePage( client, edit.title, edit.text, edit.current, summary, edit.contentModel );
		log( `${ edit.current.exists ? 'edited    ' : 'created   ' } ${ edit.title } (revision ${ res.newrevid })` );
	}
	log( `done: ${ edits.length } page(s) changed` );
}
