// The control for measurements, shared by the browser tests and the bench: a served page with
// this gadget taken out of its HTML, as if it were not installed.

/**
 * Takes the gadget's script module out of RLPAGEMODULES and its styles peer out of the head
 * stylesheet link; everything else about the page stays as served.
 *
 * @param {string} html a page as index.php served it
 * @return {string}
 */
export function stripGadget( html ) {
	return html.replace( /"ext\.gadget\.office-action-notice",?/g, '' )
		.replace( /ext\.gadget\.office-action-notice-reserve(%7C|\|)?/g, '' )
		.replace( /,\]/g, ']' );
}
