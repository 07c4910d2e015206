#!/usr/bin/env node
// npm run bench: what the gadget costs a reader, against the same notice rendered by the
// server (MediaWiki:Sitenotice, the physical limit), against the same notice as a CentralNotice
// banner (on a twin of the bench's wiki, see scripts/lib/centralnotice.mjs) and against no notice
// at all (the control), in one run with the variants interleaved and a fresh browser context for
// every page view. Writes bench/results/latest.json and latest.md, and the tables into
// docs/performance.md.
//   OAN_BENCH_RUNS (default 7), OAN_BENCH_WARMUP (default 1), OAN_BENCH_PORT (default 8783),
//   OAN_BENCH_TWIN_PORT (the CentralNotice twin, default the port + 1),
//   OAN_BENCH_EXTENSIONS (the CentralNotice and EventLogging archives, default ../shared/extensions),
//   OAN_BENCH_ONLY=bars (only issue #13's time-to-visible bars, with many more rounds: see BARS_ONLY)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addedItems, comparisonSummary, comparisonTable, FLOOR_BARS, floorVerdict, lowerMedian, ratioInterval, requestsCell } from './lib/benchReport.mjs';
import { launchChromium, loginState } from './lib/browser.mjs';
import { ARCHIVES, checkArchives, checkBanner, EXTENSIONS_DIR, setUpCampaign, Skipped, unpackArchives } from './lib/centralnotice.mjs';
import { rewriteDocuments, stripGadget } from './lib/control.mjs';
import { ROOT } from './lib/paths.mjs';
import { localWikis, login, provision } from './lib/provision.mjs';
import { gzip } from './lib/size.mjs';
import { readPage } from './deploy.mjs';

const RUNS = Math.max( 1, Number( process.env.OAN_BENCH_RUNS || 7 ) );
// Rounds run first and thrown away: the PHP server's caches warm up for every variant alike.
const WARMUP = Math.max( 0, Number( process.env.OAN_BENCH_WARMUP || 1 ) );
const PORT = Number( process.env.OAN_BENCH_PORT || 8783 );
const TWIN_PORT = Number( process.env.OAN_BENCH_TWIN_PORT || PORT + 1 );
const EXTENSIONS = path.resolve( ROOT, process.env.OAN_BENCH_EXTENSIONS || EXTENSIONS_DIR );
const OUT = path.join( ROOT, 'bench/results' );
// Only what the time-to-visible bars need: the gadget and the empty module, first and returning
// views, Vector 2022 and Minerva; no CentralNotice, no Special:UserRights, and each view ends
// once its notice is visible instead of 3 s later. About 28 s a round against a full round's
// 2.5 min, so the 40 or more rounds it takes to tell a 5 % bar from this machine's noise fit in
// about 20 minutes (45 rounds took 21 on 2026-12-02). Writes bench/results/bars.json and bars.md, and docs/performance.md's bars section.
const BARS_ONLY = process.env.OAN_BENCH_ONLY === 'bars';
const ARTICLE = 'Benchmark article';
const GADGET = 'ext.gadget.office-action-notice';
const NOTICE_ID = 'office-action-2021-09';

/** An ordinary article in our own words, long enough to fill the screen. */
function articleText() {
	const para = 'This article exists so the benchmark has an ordinary page to load: a few paragraphs of running text, a heading or two, nothing that depends on the gadget. Readers arrive, the skin lays the page out, and the notice either is part of the first paint or joins it a moment later.';
	return [ 1, 2, 3 ].map( ( n ) => `== Section ${ n } ==\n${ para }\n\n${ para }\n` ).join( '\n' );
}

/** The notice as a server-rendered site notice: the same texts the gadget shows, in English. */
function sitenoticeText( notice ) {
	const update = notice.updates[ notice.updates.length - 1 ];
	return '<div class="oan-bench-sitenotice" style="border:1px solid #ab7f2a;background:#fdf2d5;padding:8px 12px;font-size:0.875rem;line-height:1.25rem">' +
		`<span class="oan-bench-title">'''${ notice.title.en }'''</span> Published September 13, 2021<br>${ notice.summary.en }<br>` +
		`'''Updated ${ update.date }:''' ${ update.text.en }<br>[[${ notice.statement.page }|Read the statement]] (English)</div><span class="oan-bench-end"></span>`;
}

/**
 * The floor for any ResourceLoader module: a gadget whose script puts one line into #siteNotice
 * (after a User Timing mark of when it ran) and does nothing else, with no dependencies, in the
 * page's modules instead of this gadget. It loads as every gadget does (group "site", so a
 * load.php request of its own beside the page's batch, and it runs once jquery and
 * mediawiki.base have), so no gadget can show anything sooner on this page. Defined on the
 * bench's wiki only (FLOOR_DEFINITION).
 */
const FLOOR_GADGET = 'bench-empty-module';
const FLOOR_DEFINITION = `* ${ FLOOR_GADGET }[ResourceLoader|hidden]|${ FLOOR_GADGET }.js`;
const FLOOR_SCRIPT = 'performance.mark( \'officeActionNotice:start\' );\nvar line = document.createElement( \'div\' );\nline.className = \'oan-notice\';\nline.textContent = \'Office action\';\n' +
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
function rewrite( html, variant ) {
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

/** The suffix that names a variant's kind of view: a returning reader's, or a first view's (''). */
const viewKind = ( variant ) => variant.endsWith( ', returning reader' ) ? ', returning reader' : '';

function stats( values ) {
	const v = values.filter( ( x ) => typeof x === 'number' && isFinite( x ) ).sort( ( a, b ) => a - b );
	if ( !v.length ) {
		return null;
	}
	return { median: lowerMedian( v ), min: v[ 0 ], max: v[ v.length - 1 ], n: v.length };
}

/** What load.php serves for the gadget's modules, as ResourceLoader minifies them. */
async function payload( server, skin ) {
	const get = async ( query ) => ( await fetch( `${ server }/load.php?lang=en&skin=${ skin }&${ query }` ) ).text();
	const script = await get( `modules=${ GADGET }&only=scripts` );
	// The peer carries the room and the notice's stylesheet; the script module has no styles.
	const peer = await get( `modules=${ GADGET }-reserve&only=styles` );
	// Only on Special:UserRights and affected accounts' pages, on top of the two above.
	const accounts = await get( `modules=${ GADGET }-accounts` );
	const data = await ( await fetch( `${ server }/index.php?title=MediaWiki:Gadget-office-action-notice-notices.json&action=raw` ) ).text();
	const json = JSON.stringify( JSON.parse( data ) );
	const item = ( text ) => ( { raw: Buffer.byteLength( text ), gzip: gzip( text ) } );
	return {
		'script (with the data inside)': item( script ),
		'of which data (JSON)': item( json ),
		'styles peer (the room and the notice\'s stylesheet, in the page head)': item( peer ),
		total: item( script + peer ),
		'accounts gadget (script, styles, messages; Special:UserRights and affected accounts\' pages only)': item( accounts )
	};
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

async function measure( browser, server, { variant, title, query, viewport, mobile, storageState, dismissed, returning } ) {
	const context = await browser.newContext( { viewport, isMobile: mobile, hasTouch: mobile, storageState } );
	await context.addInitScript( ( { isDismissed, id } ) => {
		if ( isDismissed ) {
			localStorage.setItem( `oan-dismissed-${ id }`, '99' );
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
	}, { isDismissed: !!dismissed, id: NOTICE_ID } );
	const page = await context.newPage();
	const requests = [];
	page.on( 'request', ( r ) => {
		requests.push( requestLabel( new URL( r.url() ) ) );
	} );
	const params = new URLSearchParams( { title, ...query } );
	if ( returning ) {
		// A returning reader: the same page once before, so ResourceLoader's startup and batches
		// come from the HTTP cache and the modules from mw.loader's local store, as they do for
		// most page views. That first view is not measured.
		await rewriteDocumentsCached( context, page, variant );
		await page.goto( `${ server }/index.php?${ params }`, { waitUntil: 'load' } );
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
		requests.length = 0;
	} else {
		await rewriteDocuments( page, ( html ) => rewrite( html, variant ) );
	}
	await page.goto( `${ server }/index.php?${ params }`, { waitUntil: 'load' } );
	if ( BARS_ONLY ) {
		await page.waitForFunction( () => window.oanBench.visible !== null, null, { timeout: 10000 } ).catch( () => {
			process.stderr.write( `[bench] ${ variant }: no notice visible within 10 s\n` );
		} );
	} else {
		await page.waitForTimeout( 3000 );
	}
	const r = await page.evaluate( () => {
		const marks = ( name ) => {
			const m = performance.getEntriesByName( `officeActionNotice:${ name }` )[ 0 ];
			return m ? m.startTime : null;
		};
		const fcp = performance.getEntriesByName( 'first-contentful-paint' )[ 0 ];
		// Where the time to visible goes: when ResourceLoader's startup module, the batch with
		// jquery and mediawiki.base (which every module waits for), and the gadget's own module
		// finished arriving.
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
	} );
	await context.close();
	return { ...r, requests };
}

/**
 * Requests a variant makes beyond its control's, with what the control does not request: other
 * requests, and modules (also those that travel in a batch the control makes too).
 */
const extraRequestsColumn = { label: 'extra requests', text: requestsCell };

function table( rows, columns ) {
	const fmt = ( s, digits ) => s ? `${ s.median.toFixed( digits ) } (${ s.min.toFixed( digits ) }–${ s.max.toFixed( digits ) })` : '—';
	const head = `| ${ columns.map( ( c ) => c.label ).join( ' | ' ) } |\n|${ columns.map( () => '---' ).join( '|' ) }|`;
	return [ head, ...rows.map( ( row ) => `| ${ columns.map( ( c ) => c.text ? c.text( row ) : fmt( row[ c.key ], c.digits ) ).join( ' | ' ) } |` ) ].join( '\n' );
}

/** The extensions the twin loads, in the order they load. */
const TWIN_EXTENSIONS = ARCHIVES.map( ( a ) => a.name );

/**
 * The CentralNotice variant's wiki: a twin of the bench's (same installer, settings, accounts,
 * pages and gadget) that also loads CentralNotice, with one campaign whose banner is the
 * Sitenotice variant's HTML. The bench's own wiki never loads CentralNotice, so the other
 * variants' pages, startup module and requests stay exactly as they are without it.
 *
 * @param {string} bannerHtml
 * @return {Promise<Object>} provision()'s answer for the twin
 * @throws {Skipped} naming the step that failed
 */
async function centralNoticeTwin( bannerHtml ) {
	const checked = checkArchives( EXTENSIONS );
	const twinWiki = localWikis( 'bench-cn', TWIN_PORT, undefined, { extensions: TWIN_EXTENSIONS } ).statement;
	if ( unpackArchives( checked ) && fs.existsSync( twinWiki.stateFile ) ) {
		// New code in the tree: its tables may have changed.
		twinWiki.writeState( { updatedFor: null } );
	}
	try {
		let twin;
		try {
			twin = await provision( { name: 'bench-cn', port: TWIN_PORT, zh: false, translate: false, extensions: TWIN_EXTENSIONS, log: ( s ) => process.stderr.write( `[bench] twin: ${ s }\n` ) } );
			const client = await login( twin.wiki, twin.bot );
			await client.request( { action: 'edit', title: ARTICLE, text: articleText(), summary: 'benchmark', token: client.csrfToken } );
		} catch ( e ) {
			throw new Skipped( 'twin wiki', String( e.message ).split( '\n' )[ 0 ] );
		}
		setUpCampaign( twin.wiki, bannerHtml );
		await checkBanner( twin.wiki.server, 'oan-bench-sitenotice' );
		return twin;
	} catch ( e ) {
		twinWiki.stopServer();
		throw e;
	}
}

/** The notice's HTML as the Sitenotice variant serves it: the banner's body. */
async function servedSitenotice( server ) {
	const html = await ( await fetch( `${ server }/index.php?title=${ encodeURIComponent( ARTICLE ) }&useskin=vector-2022` ) ).text();
	const m = html.match( /<div class="oan-bench-sitenotice"[\s\S]*?<\/div>/ );
	if ( !m ) {
		throw new Error( 'the Sitenotice variant\'s page holds no notice' );
	}
	return m[ 0 ];
}

/** The floor's gadget on the bench's wiki: its line in the definition (kept by deploy, which leaves other lines alone) and its script. */
async function defineFloorGadget( client ) {
	const definition = await readPage( client, 'MediaWiki:Gadgets-definition' );
	if ( !definition.content.includes( FLOOR_DEFINITION ) ) {
		// The bench's own section, last, written afresh.
		const text = `${ definition.content.replace( /\n*== bench ==\n(\*[^\n]*\n?)*/g, '' ).trimEnd() }\n\n== bench ==\n${ FLOOR_DEFINITION }\n`;
		await client.request( { action: 'edit', title: 'MediaWiki:Gadgets-definition', text, summary: 'benchmark: the empty module', token: client.csrfToken } );
	}
	await client.request( { action: 'edit', title: `MediaWiki:Gadget-${ FLOOR_GADGET }.js`, text: FLOOR_SCRIPT, summary: 'benchmark: the empty module', token: client.csrfToken } );
}

async function main() {
	// No Chinese wiki and no Translate: the pages measured load exactly what they did before.
	const { wiki, bot } = await provision( { name: 'bench', port: PORT, zh: false, translate: false, log: ( s ) => process.stderr.write( `[bench] ${ s }\n` ) } );
	const client = await login( wiki, bot );
	const data = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );
	for ( const [ title, text ] of [ [ ARTICLE, articleText() ], [ 'MediaWiki:Sitenotice', sitenoticeText( data.notices[ 0 ] ) ] ] ) {
		await client.request( { action: 'edit', title, text, summary: 'benchmark', token: client.csrfToken } );
	}
	await defineFloorGadget( client );
	let twin = null;
	let skipped = BARS_ONLY ? { step: 'the start', reason: 'OAN_BENCH_ONLY=bars measures the gadget against the empty module only' } : null;
	try {
		twin = BARS_ONLY ? null : await centralNoticeTwin( await servedSitenotice( wiki.server ) );
	} catch ( e ) {
		if ( !( e instanceof Skipped ) ) {
			throw e;
		}
		skipped = { step: e.step, reason: e.reason };
		process.stderr.write( `[bench] CentralNotice variant skipped at ${ e.step }: ${ e.reason }\n` );
	}
	const admin = wiki.readState().admin;
	const browser = await launchChromium();
	const bureaucrat = await loginState( browser, wiki.server, admin.user, admin.password );

	const reader = [
		{ page: 'Vector 2022, 1280×800', title: ARTICLE, query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false },
		{ page: 'Minerva, 390×844', title: ARTICLE, query: { useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true }
	];
	const allVariants = [
		{ name: 'None', variant: 'none' },
		{ name: 'Sitenotice', variant: 'sitenotice' },
		{ name: 'Gadget', variant: 'gadget' },
		{ name: 'Gadget, dismissed earlier', variant: 'gadget', dismissed: true },
		{ name: 'Empty module', variant: 'empty' },
		{ name: 'Inline job', variant: 'inline' },
		{ name: 'CentralNotice', variant: 'centralnotice', twin: true },
		{ name: 'None, returning reader', variant: 'none', returning: true },
		{ name: 'Sitenotice, returning reader', variant: 'sitenotice', returning: true },
		{ name: 'Gadget, returning reader', variant: 'gadget', returning: true },
		{ name: 'Empty module, returning reader', variant: 'empty', returning: true },
		{ name: 'Inline job, returning reader', variant: 'inline', returning: true },
		{ name: 'CentralNotice, returning reader', variant: 'centralnotice', returning: true, twin: true }
	];
	const variants = BARS_ONLY ? allVariants.filter( ( v ) => /^(Gadget|Empty module)(, returning reader)?$/.test( v.name ) ) : allVariants;
	const rights = BARS_ONLY ? [] : [
		{ name: 'UserRights, affected target', title: 'Special:UserRights/Example_desysopped_admin_1' },
		{ name: 'UserRights, unaffected target', title: 'Special:UserRights/Unaffected_editor' }
	];
	const samples = {};
	for ( let run = -WARMUP; run < RUNS; run++ ) {
		for ( const p of reader ) {
			for ( const v of variants ) {
				if ( v.twin && !twin ) {
					continue;
				}
				const key = `${ p.page } | ${ v.name }`;
				const sample = await measure( browser, v.twin ? twin.wiki.server : wiki.server, { ...p, ...v } );
				if ( v.twin && sample.visible === null && run === -WARMUP ) {
					// The banner loader answered before the runs, but no banner reached the page.
					twin.wiki.stopServer();
					twin = null;
					skipped = { step: 'banner in the browser', reason: `no banner on the page (${ p.page }, ${ v.name })` };
					process.stderr.write( `[bench] CentralNotice variant skipped at ${ skipped.step }: ${ skipped.reason }\n` );
					for ( const k of Object.keys( samples ).filter( ( k ) => k.includes( '| CentralNotice' ) ) ) {
						delete samples[ k ];
					}
					continue;
				}
				if ( run >= 0 ) {
					( samples[ key ] = samples[ key ] || [] ).push( sample );
				}
			}
		}
		for ( const r of rights ) {
			for ( const v of [ { name: 'None', variant: 'none' }, { name: 'Gadget', variant: 'gadget' } ] ) {
				const key = `${ r.name } | ${ v.name }`;
				const sample = await measure( browser, wiki.server, {
					title: r.title, query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false, storageState: bureaucrat, ...v
				} );
				if ( run >= 0 ) {
					( samples[ key ] = samples[ key ] || [] ).push( sample );
				}
			}
		}
		process.stderr.write( run < 0 ? '[bench] warm-up round\n' : `[bench] run ${ run + 1 }/${ RUNS }\n` );
	}
	await browser.close();

	// Bytes as served, gzip -9, fetched once per URL after the runs (the URLs carry their
	// versions, so the same URL is the same response).
	const servedGzip = new Map();
	for ( const sample of Object.values( samples ).flat() ) {
		let sum = 0;
		for ( const u of sample.served ) {
			if ( !servedGzip.has( u ) ) {
				servedGzip.set( u, gzip( Buffer.from( await ( await fetch( u ) ).arrayBuffer() ) ) );
			}
			sum += servedGzip.get( u );
		}
		sample.servedGzip = sum;
	}

	const rows = Object.entries( samples ).map( ( [ key, list ] ) => {
		const [ page, variant ] = key.split( ' | ' );
		// Each variant against the control of its own kind: a first or a returning view.
		const control = samples[ `${ page } | None${ viewKind( variant ) }` ];
		return {
			page, variant,
			cls: stats( list.map( ( s ) => s.cls ) ),
			visible: stats( list.map( ( s ) => s.visible ) ),
			fcp: stats( list.map( ( s ) => s.fcp ) ),
			lcp: stats( list.map( ( s ) => s.lcp ) ),
			startupDone: stats( list.map( ( s ) => s.startupDone ) ),
			baseDone: stats( list.map( ( s ) => s.baseDone ) ),
			moduleDone: stats( list.map( ( s ) => s.moduleDone ) ),
			bannerDone: stats( list.map( ( s ) => s.bannerDone ) ),
			start: stats( list.map( ( s ) => s.start ) ),
			shown: stats( list.map( ( s ) => s.start !== null && s.shown !== null ? s.shown - s.start : null ) ),
			ready: stats( list.map( ( s ) => s.start !== null && s.ready !== null ? s.ready - s.start : null ) ),
			apiRequests: stats( list.map( ( s ) => s.requests.filter( ( r ) => r.startsWith( '/api.php' ) ).length ) ),
			extraRequests: control ? stats( list.map( ( s ) => s.requests.length - control[ list.indexOf( s ) ].requests.length ) ) : null,
			served: stats( list.map( ( s ) => s.servedGzip ) ),
			added: control ? addedItems( list[ 0 ].requests, control[ 0 ].requests ) : null
		};
	} );
	for ( const row of rows ) {
		const kind = viewKind( row.variant );
		const sitenotice = rows.find( ( r ) => r.page === row.page && r.variant === `Sitenotice${ kind }` );
		const none = rows.find( ( r ) => r.page === row.page && r.variant === `None${ kind }` );
		const floor = rows.find( ( r ) => r.page === row.page && r.variant === `Empty module${ kind }` );
		row.visibleRatio = sitenotice && sitenotice.visible && row.visible ? row.visible.median / sitenotice.visible.median : null;
		row.floorRatio = floor && floor.visible && row.visible ? row.visible.median / floor.visible.median : null;
		// Only the gadget's ratio has a bar, so only it gets an interval.
		const visibleTimes = ( key ) => samples[ key ].map( ( s ) => s.visible ).filter( ( x ) => typeof x === 'number' );
		row.floorInterval = row.floorRatio === null || row.variant !== `Gadget${ kind }` ? null :
			ratioInterval( visibleTimes( `${ row.page } | ${ row.variant }` ), visibleTimes( `${ row.page } | Empty module${ kind }` ) );
		const inline = rows.find( ( r ) => r.page === row.page && r.variant === `Inline job${ kind }` );
		row.inlineRatio = inline && inline.visible && row.visible ? row.visible.median / inline.visible.median : null;
		row.clsAdded = none && row.cls ? row.cls.median - none.cls.median : null;
		row.bytesAdded = none && row.served ? row.served.median - none.served.median : null;
	}
	// The other variants run on the bench's own wiki, which does not load CentralNotice: checked
	// on every one of their page views.
	const others = Object.entries( samples ).filter( ( [ key ] ) => !key.includes( '| CentralNotice' ) ).flatMap( ( [ , list ] ) => list );
	const leaks = others.filter( ( s ) => s.requests.some( ( r ) => /ext\.(centralNotice|eventLogging)|CentralNotice|BannerLoader|RecordImpression/.test( r ) ) ).length;
	const leakLine = leaks ?
		`**${ leaks } of the other variants' ${ others.length } page views requested CentralNotice's or EventLogging's modules or banners.**` :
		`None of the other variants' ${ others.length } page views requested a module or banner of CentralNotice or EventLogging: they run on the bench's own wiki, which does not load them${ twin ? `; CentralNotice runs on its twin (${ path.relative( ROOT, twin.wiki.dir ) }), the same wiki with CentralNotice and EventLogging added` : '' }.`;
	if ( leaks ) {
		process.stderr.write( `[bench] warning: ${ leaks } page views of other variants requested CentralNotice's modules\n` );
	}
	const bytes = await payload( wiki.server, 'vector-2022' );
	const machine = `${ os.cpus().length } × ${ os.cpus()[ 0 ].model.trim() }, ${ Math.round( os.totalmem() / 2 ** 30 ) } GiB, ${ os.type() } ${ os.release() }`;
	const date = new Date().toISOString().slice( 0, 10 );
	const centralNotice = skipped ? { skipped } : { twin: twin.wiki.server, archives: ARCHIVES.map( ( a ) => a.file ), leaks };
	const result = { date, machine, runs: RUNS, bytes, centralNotice, rows };
	fs.mkdirSync( OUT, { recursive: true } );
	if ( BARS_ONLY ) {
		writeBars( { date, machine, rows } );
		wiki.stopServer();
		return;
	}
	fs.writeFileSync( path.join( OUT, 'latest.json' ), JSON.stringify( result, null, '\t' ) + '\n' );

	const readerRows = rows.filter( ( r ) => !r.page.startsWith( 'UserRights' ) );
	const md = [
		`Measured ${ date } on ${ machine }; ${ RUNS } runs per variant after ${ WARMUP } warm-up round, interleaved, fresh context each; median (min–max). Times in ms from navigation start; "ratio" is time to visible over the server-rendered Sitenotice's in the same run; "served" is the gzip -9 size of every load.php and index.php response the page received besides its document (what the browser's cache held is not served), "bytes added" that over the control's.`,
		'',
		'The notice shown five ways, against the control without any (medians). "× Sitenotice" and "× empty module" are the time to visible over the server-rendered notice\'s and over the floor for any ResourceLoader module (an empty gadget); the inline job, below that floor, puts the same line with no module and no request of its own; "requests added" counts the page\'s requests over the control\'s (from the browser\'s cache or not) and names what the control does not request; "bytes added" is what load.php and the banner loader served beyond the control, gzip -9.',
		'',
		comparisonTable( readerRows, skipped ),
		'',
		comparisonSummary( readerRows, skipped ),
		'',
		'The gadget against the floor (the empty module: a gadget of one line, loaded as any gadget is), with the bars of issue #13: at most 1.10× on a first view, 1.05× for a returning reader; in brackets, against the inline job.',
		'',
		floorVerdict( readerRows ),
		'',
		leakLine,
		'',
		'| payload (load.php, as served) | raw bytes | gzip bytes |', '|---|---|---|',
		...Object.entries( bytes ).map( ( [ k, v ] ) => `| ${ k } | ${ v.raw } | ${ v.gzip } |` ),
		'',
		table( readerRows, [
			{ label: 'page', text: ( r ) => r.page }, { label: 'variant', text: ( r ) => r.variant },
			{ label: 'CLS', key: 'cls', digits: 4 }, { label: 'CLS added', text: ( r ) => r.clsAdded === null ? '—' : r.clsAdded.toFixed( 4 ) },
			{ label: 'visible', key: 'visible', digits: 0 }, { label: 'ratio', text: ( r ) => r.visibleRatio === null ? '—' : r.visibleRatio.toFixed( 2 ) },
			{ label: 'FCP', key: 'fcp', digits: 0 }, { label: 'LCP', key: 'lcp', digits: 0 },
			extraRequestsColumn,
			{ label: 'served (gzip)', key: 'served', digits: 0 }, { label: 'bytes added', text: ( r ) => r.bytesAdded === null ? '—' : String( r.bytesAdded ) }
		] ),
		'',
		'Where the gadget\'s time to visible goes (ms from navigation start): ResourceLoader\'s startup module, the batch with jquery and mediawiki.base that every module waits for, the gadget\'s own module (for "Empty module", the empty gadget\'s), the gadget starting to run (for "Empty module" and "Inline job", their one line\'s script), the notice visible. "Empty module" is the floor: a gadget of one line with no dependencies, loaded as every gadget is, in a load.php request of its own (the "site" group) beside the page\'s batch, and run once jquery and mediawiki.base are; no gadget can show anything sooner. "Inline job" waits only for mediawiki.base and needs no request, which no module can match. CentralNotice\'s modules travel in the page\'s batch; its banner comes in a request of its own (Special:BannerLoader) once they have run.',
		'',
		table( readerRows.filter( ( r ) => /^(Gadget|Empty module|Inline job|CentralNotice)(, returning reader)?$/.test( r.variant ) ), [
			{ label: 'page', text: ( r ) => r.page },
			{ label: 'variant', text: ( r ) => r.variant },
			{ label: 'startup arrived', key: 'startupDone', digits: 0 }, { label: 'base batch arrived', key: 'baseDone', digits: 0 },
			{ label: 'gadget module arrived', key: 'moduleDone', digits: 0 }, { label: 'gadget runs', key: 'start', digits: 0 },
			{ label: 'banner arrived', key: 'bannerDone', digits: 0 }, { label: 'visible', key: 'visible', digits: 0 }
		] ),
		'',
		table( rows.filter( ( r ) => r.page.startsWith( 'UserRights' ) ), [
			{ label: 'page', text: ( r ) => r.page }, { label: 'variant', text: ( r ) => r.variant },
			{ label: 'API requests', key: 'apiRequests', digits: 0 },
			extraRequestsColumn,
			{ label: 'module → warning shown', key: 'shown', digits: 1 }, { label: 'module → live check done', key: 'ready', digits: 1 },
			{ label: 'CLS', key: 'cls', digits: 4 }, { label: 'FCP', key: 'fcp', digits: 0 }
		] )
	].join( '\n' );
	fs.writeFileSync( path.join( OUT, 'latest.md' ), md + '\n' );
	writeDocSection( 'bench', md );
	process.stdout.write( md + '\n' );
	wiki.stopServer();
	if ( twin ) {
		twin.wiki.stopServer();
	}
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/performance.md, where it has them. */
function writeDocSection( name, md ) {
	const doc = path.join( ROOT, 'docs/performance.md' );
	const text = fs.readFileSync( doc, 'utf8' );
	const start = text.indexOf( `<!-- ${ name }:start -->` );
	const end = text.indexOf( `<!-- ${ name }:end -->` );
	if ( start !== -1 && end > start ) {
		fs.writeFileSync( doc, `${ text.slice( 0, start ) }<!-- ${ name }:start -->\n${ md }\n${ text.slice( end ) }` );
	}
}

/** OAN_BENCH_ONLY=bars: the verdicts, and the times they come from. */
function writeBars( { date, machine, rows } ) {
	const gadgetRows = rows.filter( ( r ) => r.variant === `Gadget${ viewKind( r.variant ) }` );
	const floorOf = ( r ) => rows.find( ( f ) => f.page === r.page && f.variant === `Empty module${ viewKind( r.variant ) }` );
	const cell = ( st ) => st ? `${ st.median.toFixed( 0 ) } (${ st.min.toFixed( 0 ) }–${ st.max.toFixed( 0 ) })` : '—';
	const md = [
		`Measured ${ date } on ${ machine } with \`OAN_BENCH_ONLY=bars\`: ${ RUNS } runs per variant after ${ WARMUP } warm-up round, interleaved, fresh context each, each view ended once its notice was visible; only the gadget and the empty module. Median (min–max), ms from navigation start; the interval is the 95 % bootstrap interval of the ratio of the medians.`,
		'',
		floorVerdict( rows ),
		'',
		'| page | view | gadget visible | empty module visible | gadget runs | empty module runs | ratio | 95 % interval | bar |',
		'|---|---|---|---|---|---|---|---|---|',
		...gadgetRows.map( ( r ) => {
			const kind = viewKind( r.variant ) ? 'returning' : 'first';
			const f = floorOf( r ) || {};
			return `| ${ r.page } | ${ kind } | ${ cell( r.visible ) } | ${ cell( f.visible ) } | ${ cell( r.start ) } | ${ cell( f.start ) } | ${ r.floorRatio === null ? '—' : r.floorRatio.toFixed( 2 ) } | ${ r.floorInterval ? r.floorInterval.map( ( x ) => x.toFixed( 2 ) ).join( '–' ) : '—' } | ≤ ${ FLOOR_BARS[ kind ].toFixed( 2 ) } |`;
		} )
	].join( '\n' );
	fs.writeFileSync( path.join( OUT, 'bars.json' ), JSON.stringify( { date, machine, runs: RUNS, rows }, null, '\t' ) + '\n' );
	fs.writeFileSync( path.join( OUT, 'bars.md' ), md + '\n' );
	writeDocSection( 'bars', md );
	process.stdout.write( md + '\n' );
}

main().catch( ( e ) => {
	process.stderr.write( `bench failed: ${ e.stack || e }\n` );
	process.exit( 1 );
} );
