// The control for measurements, shared by the browser tests and the bench: a served page with
// this gadget taken out of its HTML, as if it were not installed, and the routing that serves it.
import { forwardRequest, isTestHost } from './wikiApi.mjs';

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

/** Headers of one connection or of the body as sent, not of the document served again. */
const HOP_BY_HOP = [ 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host' ];

/**
 * The served response to a routed browser request. Playwright's route.fetch() sends it from Node,
 * where the farm's host names (*.test) resolve through no browser flag: those go through the
 * farm's agent, with the browser's own headers (cookies included).
 *
 * @param {Object} route a Playwright route
 * @return {Promise<{status: number, headers: Object, body: string}>}
 */
async function fetchDocument( route ) {
	const request = route.request();
	if ( !isTestHost( new URL( request.url() ).hostname ) ) {
		const fetched = await route.fetch();
		return { status: fetched.status(), headers: fetched.headers(), body: await fetched.text() };
	}
	// Plain text back (no content coding), and the length is the rewritten body's.
	const sent = { ...await request.allHeaders() };
	delete sent[ 'accept-encoding' ];
	const response = await forwardRequest( request.url(), { method: request.method(), headers: sent, body: request.postDataBuffer() } );
	const headers = {};
	for ( const [ name, value ] of Object.entries( response.headers ).filter( ( [ n ] ) => !HOP_BY_HOP.includes( n ) ) ) {
		// Playwright takes one string a header: cookies set by the wiki keep their lines.
		headers[ name ] = Array.isArray( value ) ? value.join( '\n' ) : String( value );
	}
	return { status: response.status, headers, body: response.body.toString( 'utf8' ) };
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
		const response = await fetchDocument( route );
		await route.fulfill( { status: response.status, headers: response.headers, body: rewrite( response.body ) } );
	} );
}
