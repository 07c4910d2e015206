// One page view of the bench (scripts/bench.mjs), in a fresh browser context: the served HTML
// rewritten into the variant measured, then what the reader got: layout shifts, when the notice
// was visible, paints, where the time went, and the requests made. observeView() and readView()
// run in the page.
import { rewriteDocuments, stripGadget } from './control.mjs';

/** The notice the dismissed views have dismissed. */
const NOTICE_ID = 'office-action-2021-09';

/**
 * The floor for any ResourceLoader module: a gadget whose script puts one line into #siteNotice
 * (after a User Timing mark of when it ran) and does nothing else, with no dependencies, in the
 * page's modules instead of this gadget. It loads as every gadget does (group "site", so a
 * load.php request of its own beside the page's batch, and it runs once jquery and
 * mediawiki.base have), so no gadget can show anything sooner on this page. Defined on the
 * bench's wiki only (FLOOR_DEFINITION).
 */
export const FLOOR_GADGET = 'bench-empty-module';
export const FLOOR_DEFINITION = `* ${ FLOOR_GADGET }[ResourceLoader|hidden]|${ FLOOR_GADGET }.js`;
export const FLOOR_SCRIPT = 'performance.mark( \'officeActionNotice:start\' );\nvar line = document.createElement( \'div\' );\nline.className = \'oan-notice\';\nline.textContent = \'Office action\';\n' +
	'document.getElementById( \'siteNotice\' ).appendChild( line );\n';

/**
 * Below that floor, for reference: the same line put by an inline job that waits only for
 * mediawiki.base, with no request of its own (a ResourceLoader module cannot do that: it is not
 * part of the page's HTML).
 */
const INLINE_JOB = '<script>(RLQ=window.RLQ||[]).push([["mediawiki.base"],function(){performance.mark("officeActionNotice:start");' +
	'var d=document.createElement("div");d.className="oan-notice";d.textContent="Office action";' +
	'document.getElementById("siteNotice").appendChild(d);}]);</script>';

/**
 * Rewrites the served HTML so one wiki serves every variant (each goes through the same rewrite);
 * the CentralNotice variant's twin serves its pages through it too, with the gadget taken out.
 */
export function rewrite( html, variant ) {
	let out = html;
	if ( variant !== 'gadget' ) {
		out = stripGadget( out );
	}
	if ( variant !== 'sitenotice' ) {
		out = out.replace( /<div id="localNotice"[\s\S]*?class="oan-bench-end"><\/span>[\s\S]*?<\/div>(\s*<\/div>)?/, '' );
	}
	if ( variant === 'empty' ) {
		out = out.replace( /RLPAGEMODULES=\[(\]?)/, ( m, empty ) => `RLPAGEMODULES=["ext.gadget.${ FLOOR_GADGET }"${ empty ? ']' : ',' }` );
	}
	if ( variant === 'inline' ) {
		out = out.replace( '</body>', `${ INLINE_JOB }</body>` );
	}
	return out;
}

/**
 * The same HTML rewrite as rewriteDocuments() gives, through the browser's own interception of
 * documents only: page.route would switch the HTTP cache off, and a returning reader is all
 * about the cache.
 */
async function rewriteDocumentsCached( context, page, variant ) {
	const cdp = await context.newCDPSession( page );
	cdp.on( 'Fetch.requestPaused', async ( e ) => {
		const { body, base64Encoded } = await cdp.send( 'Fetch.getResponseBody', { requestId: e.requestId } );
		const html = rewrite( Buffer.from( body, base64Encoded ? 'base64' : 'utf8' ).toString( 'utf8' ), variant );
		await cdp.send( 'Fetch.fulfillRequest', {
			requestId: e.requestId, responseCode: e.responseStatusCode,
			responseHeaders: e.responseHeaders.filter( ( h ) => !/^(content-length|content-encoding)$/i.test( h.name ) ),
			body: Buffer.from( html ).toString( 'base64' )
		} );
	} );
	await cdp.send( 'Fetch.enable', { patterns: [ { urlPattern: '*/index.php*', resourceType: 'Document', requestStage: 'Response' } ] } );
}

/** A request as the tables name it: the modules of a load.php one, the title of an index.php one, the action of an api.php one. */
function requestLabel( u ) {
	const only = u.searchParams.get( 'only' ) ? `&only=${ u.searchParams.get( 'only' ) }` : '';
	if ( u.pathname.endsWith( 'load.php' ) ) {
		return `${ u.pathname }?modules=${ u.searchParams.get( 'modules' ) }${ only }`;
	}
	if ( u.pathname.endsWith( 'index.php' ) && u.searchParams.get( 'title' ) ) {
		return `${ u.pathname }?title=${ u.searchParams.get( 'title' ) }`;
	}
	return u.pathname + ( u.pathname.endsWith( 'api.php' ) ? `?${ u.searchParams.get( 'action' ) }` : '' );
}

/**
 * Runs in the page before anything else: records layout shifts, the largest contentful paint,
 * and when the notice became visible.
 */
function observeView( { isDismissed, id } ) {
	if ( isDismissed ) {
		// The gadget's hide cookie (src/notice/hideCookie.ts), on this host: the bench's wikis are on 127.0.0.1.
		document.cookie = `officeActionNoticeHide=v1~${ id }.99; path=/`;
	}
	const w = window;
	w.oanBench = { shifts: [], visible: null, lcp: null };
	new PerformanceObserver( ( list ) => {
		for ( const e of list.getEntries() ) {
			// Mobile emulation flags early shifts as input-driven: count every entry.
			w.oanBench.shifts.push( e.value );
		}
	} ).observe( { type: 'layout-shift', buffered: true } );
	// Chromium reports Element Timing only for text painted with the document, not for text a
	// script adds later; so "visible" is taken the same way for both: the first frame after the
	// notice (server-rendered or inserted) is in the DOM, read after that frame's paint task.
	const observer = new MutationObserver( () => {
		if ( document.querySelector( '.oan-notice, .oan-bench-sitenotice' ) ) {
			observer.disconnect();
			requestAnimationFrame( () => setTimeout( () => {
				w.oanBench.visible = performance.now();
			}, 0 ) );
		}
	} );
	observer.observe( document, { childList: true, subtree: true } );
	new PerformanceObserver( ( list ) => {
		const entries = list.getEntries();
		w.oanBench.lcp = entries[ entries.length - 1 ].startTime;
	} ).observe( { type: 'largest-contentful-paint', buffered: true } );
}

/**
 * Runs in the page after the view: what observeView() recorded, the User Timing marks, and when
 * ResourceLoader's startup module, the batch with jquery and mediawiki.base (which every module
 * waits for), the gadget's own module and the banner finished arriving.
 */
function readView() {
	const marks = ( name ) => {
		const m = performance.getEntriesByName( `officeActionNotice:${ name }` )[ 0 ];
		return m ? m.startTime : null;
	};
	const fcp = performance.getEntriesByName( 'first-contentful-paint' )[ 0 ];
	const arrived = ( test ) => {
		const e = performance.getEntriesByType( 'resource' ).find( ( r ) => {
			const u = new URL( r.name );
			return u.pathname.endsWith( 'load.php' ) && u.searchParams.get( 'only' ) !== 'styles' && test( u.searchParams.get( 'modules' ) || '' );
		} );
		return e ? e.responseEnd : null;
	};
	return {
		startupDone: arrived( ( m ) => m === 'startup' ),
		baseDone: arrived( ( m ) => /^jquery[,|]|[|,]jquery[,|]/.test( m ) ),
		moduleDone: arrived( ( m ) => m === 'ext.gadget.office-action-notice' || m === 'ext.gadget.bench-empty-module' ),
		bannerDone: ( performance.getEntriesByType( 'resource' ).find( ( e ) => e.name.includes( 'title=Special:BannerLoader' ) ) || {} ).responseEnd || null,
		cls: window.oanBench.shifts.reduce( ( a, b ) => a + b, 0 ),
		visible: window.oanBench.visible,
		fcp: fcp ? fcp.startTime : null,
		lcp: window.oanBench.lcp,
		start: marks( 'start' ),
		shown: marks( 'shown' ),
		ready: marks( 'ready' ),
		warning: !!document.getElementById( 'oan-ur-warning' ),
		// What the server sent for this view besides the document: every load.php and
		// index.php response that did not come from the browser's cache.
		served: performance.getEntriesByType( 'resource' ).filter( ( e ) => e.transferSize > 0 && e.transferSize >= e.encodedBodySize &&
			/\/(load|index)\.php$/.test( new URL( e.name ).pathname ) ).map( ( e ) => e.name )
	};
}

/**
 * A returning reader: the same page once before, so ResourceLoader's startup and batches come
 * from the HTTP cache and the modules from mw.loader's local store, as they do for most page
 * views. That first view is not measured.
 */
async function viewOnceBefore( context, page, url, variant ) {
	await rewriteDocumentsCached( context, page, variant );
	await page.goto( url, { waitUntil: 'load' } );
	// mw.loader writes its store 2 s after the last module came, once the browser is idle: wait
	// until that write is done (the store unchanged for longer than that), or a slow first view
	// leaves the returning one without its modules.
	await page.waitForFunction( () => {
		const w = window;
		const key = Object.keys( localStorage ).find( ( k ) => k.indexOf( 'MediaWikiModuleStore:' ) === 0 );
		const size = key ? localStorage.getItem( key ).length : 0;
		if ( !w.oanStoreSeen || w.oanStoreSeen.size !== size ) {
			w.oanStoreSeen = { size, since: Date.now() };
			return false;
		}
		return size > 0 && Date.now() - w.oanStoreSeen.since > 2500;
	}, null, { timeout: 15000, polling: 250 } ).catch( () => {
		process.stderr.write( `[bench] ${ variant }: mw.loader's store not written within 15 s; the returning view may fetch modules\n` );
	} );
}

/**
 * Measures one page view.
 *
 * @param {Object} browser
 * @param {string} server the wiki's base URL
 * @param {Object} view the page (title, query, viewport, mobile, storageState) and the variant
 *  (variant, dismissed, returning)
 * @param {string} view.variant none, sitenotice, gadget, empty, inline or centralnotice
 * @param {string} view.title
 * @param {Object} view.query
 * @param {Object} view.viewport
 * @param {boolean} view.mobile
 * @param {Object} [view.storageState] a logged-in session
 * @param {boolean} [view.dismissed] the reader dismissed the notice before
 * @param {boolean} [view.returning] a returning reader's view
 * @param {boolean} untilVisible end the view once the notice is visible, instead of 3 s after load
 * @return {Promise<Object>} readView()'s answer, with the requests' labels
 */
export async function measureView( browser, server, { variant, title, query, viewport, mobile, storageState, dismissed, returning }, untilVisible ) {
	const context = await browser.newContext( { viewport, isMobile: mobile, hasTouch: mobile, storageState } );
	await context.addInitScript( observeView, { isDismissed: !!dismissed, id: NOTICE_ID } );
	const page = await context.newPage();
	const requests = [];
	page.on( 'request', ( r ) => {
		requests.push( requestLabel( new URL( r.url() ) ) );
	} );
	const url = `${ server }/index.php?${ new URLSearchParams( { title, ...query } ) }`;
	if ( returning ) {
		await viewOnceBefore( context, page, url, variant );
		requests.length = 0;
	} else {
		await rewriteDocuments( page, ( html ) => rewrite( html, variant ) );
	}
	await page.goto( url, { waitUntil: 'load' } );
	if ( untilVisible ) {
		await page.waitForFunction( () => window.oanBench.visible !== null, null, { timeout: 10000 } ).catch( () => {
			process.stderr.write( `[bench] ${ variant }: no notice visible within 10 s\n` );
		} );
	} else {
		await page.waitForTimeout( 3000 );
	}
	const measured = await page.evaluate( readView );
	await context.close();
	return { ...measured, requests };
}
