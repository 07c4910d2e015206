// The control for measurements, shared by the browser tests and the bench: a served page with
// this gadget taken out of its HTML, as if it were not installed, and the routing that serves it.

/**
 * Takes the gadget's script module out of RLPAGEMODULES and its styles peer out of the head
 * stylesheet link (the whole link when the peer was all it loaded, as a wiki without the
 * gadget has none); everything else about the page stays as served.
 *
 * @param {string} html a page as index.php served it
 * @return {string}
 */
export function stripGadget( html ) {
	return html.replace( /"ext\.gadget\.office-action-notice",?/g, '' )
		.replace( /ext\.gadget\.office-action-notice-reserve(%7C|\|)?/g, '' )
		.replace( /,\]/g, ']' )
		.replace( /<link rel="stylesheet" href="[^"]*[?;]modules=&amp;[^"]*"\/?>\n?/g, '' );
}

/**
 * Serves every page document (index.php) a Playwright page loads through `rewrite`; other
 * requests go as they are. Playwright's routing switches the HTTP cache off for the page.
 *
 * @param {Object} page a Playwright page
 * @param {Function} rewrite the served HTML in, the HTML to serve out
 * @return {Promise<void>}
 */
export async function rewriteDocuments( page, rewrite ) {
	await page.route( ( u ) => u.pathname === '/index.php' || u.pathname.startsWith( '/index.php/' ), async ( route ) => {
		if ( route.request().resourceType() !== 'document' ) {
			return route.continue();
		}
		const response = await route.fetch();
		await route.fulfill( { response, body: rewrite( await response.text() ) } );
	} );
}
