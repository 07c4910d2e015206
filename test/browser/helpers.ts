import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';
import { launchChromium, loginState as loginStateOn } from '../../scripts/lib/browser.mjs';
import { rewriteDocuments, stripGadget } from '../../scripts/lib/control.mjs';
import { NOTICES_PAGE } from '../../scripts/lib/definition.mjs';
import { Farm } from '../../scripts/lib/farm.mjs';
import { editPage, login, readPage } from '../../scripts/lib/wikiApi.mjs';

/** The test farm: its port, which optional extensions run, the demo reader, the locked accounts. */
export const farm = inject( 'farm' );
/** The statement's wiki (metawiki, meta.wikimedia.test, English), where most tests run. */
export const wiki = inject( 'wiki' );
/** zhwiki (content language zh, variants, temporary accounts; its mobile site zh.m.wikipedia.test). */
export const zhWiki = inject( 'zhWiki' );
/** enwiki, a reading wiki of another language whose m: is the statement's wiki. */
export const enWiki = inject( 'enWiki' );
/** zhwikibooks: another project family, so another site for cookies. */
export const booksWiki = inject( 'booksWiki' );

type Target = typeof wiki;

/** A wiki of the test farm, for its maintenance scripts (`--wiki`). */
export function farmWiki( target: Target = wiki ) {
	return new Farm( farm.name, farm.port ).wiki( target.id );
}

export const SKINS = [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva' ] as const;

export const GADGET = 'ext.gadget.office-action-notice';

export function launch(): Promise<Browser> {
	return launchChromium() as Promise<Browser>;
}

export interface Watched {
	context: BrowserContext;
	page: Page;
	/** Uncaught exceptions and console errors, with the URL of the page. */
	errors: string[];
	warnings: string[];
}

/**
 * A fresh context and page that records errors, and counts the gadget's ready hook from the
 * very start.
 */
export async function open( browser: Browser, options: BrowserContextOptions = {} ): Promise<Watched> {
	const context = await browser.newContext( { viewport: { width: 1280, height: 800 }, ...options } );
	await context.addInitScript( () => {
		// mediawiki.base assigns mw.hook before any gadget runs: catch that assignment and
		// subscribe at once, so every firing of the ready hook is counted.
		const w = window as any;
		w.oanReadyCount = 0;
		let mwObject: any;
		Object.defineProperty( w, 'mw', {
			configurable: true,
			get: () => mwObject,
			set: ( value ) => {
				mwObject = value;
				let hook: any;
				Object.defineProperty( value, 'hook', {
					configurable: true,
					get: () => hook,
					set: ( fn ) => {
						hook = fn;
						fn( 'officeActionNotice.ready' ).add( () => {
							w.oanReadyCount++;
						} );
					}
				} );
			}
		} );
	} );
	// Uncaught errors counted by window.onerror too, not only by the browser's pageerror.
	await context.addInitScript( () => {
		( window as any ).oanOnError = 0;
		window.addEventListener( 'error', () => {
			( window as any ).oanOnError++;
		} );
		window.addEventListener( 'unhandledrejection', () => {
			( window as any ).oanOnError++;
		} );
	} );
	const page = await context.newPage();
	const errors: string[] = [];
	const warnings: string[] = [];
	page.on( 'pageerror', ( e ) => errors.push( `pageerror ${ e.message }` ) );
	page.on( 'console', ( m ) => {
		// MediaWiki answers 404 for a page that does not exist yet: that is the page, not an error.
		const missingPage = /status of 404/.test( m.text() ) && m.location().url === page.url();
		if ( m.type() === 'error' && !missingPage ) {
			errors.push( `console ${ m.text() } (${ m.location().url })` );
		} else if ( m.type() === 'warning' ) {
			warnings.push( m.text() );
		}
	} );
	return { context, page, errors, warnings };
}

export function url( title: string, query: Record<string, string> = {}, target: Target = wiki ): string {
	const params = new URLSearchParams( { title, ...query } );
	return `${ target.server }/index.php?${ params }`;
}

/**
 * The hide cookie of a reader who dismissed the default notice at this revision, as the gadget
 * writes it: on the family's domain (wikimedia.test for Meta, wikipedia.test for zh., zh.m. and en.).
 */
export function dismissedCookie( revision: number, target: Target = wiki ): { name: string; value: string; domain: string; path: string } {
	const host = new URL( target.server ).hostname;
	return { name: 'officeActionNoticeHide', value: `v1~office-action-2021-09.${ revision }`, domain: `.${ host.split( '.' ).slice( -2 ).join( '.' ) }`, path: '/' };
}

/** The hide cookie's value in this page, or null. */
export function hideCookie( page: Page ): Promise<string | null> {
	return page.evaluate( () => {
		const found = document.cookie.match( /(?:^|; )officeActionNoticeHide=([^;]*)/ );
		return found ? found[ 1 ] : null;
	} );
}

/** A page on the wiki's mobile site (zh.m.wikipedia.test), as MobileFrontend serves phones. */
export function mobileUrl( title: string, query: Record<string, string> = {}, target: Target = zhWiki ): string {
	if ( !target.mobileServer ) {
		throw new Error( `${ target.id } has no mobile site` );
	}
	return `${ target.mobileServer }/index.php?${ new URLSearchParams( { title, ...query } ) }`;
}

/** Opens a wiki page and waits until the gadget has run. */
export async function visit( page: Page, title: string, query: Record<string, string> = {}, target: Target = wiki ): Promise<void> {
	await page.goto( url( title, query, target ) );
	await page.waitForFunction( () => ( window as any ).oanReadyCount > 0, null, { timeout: 15000 } );
}

/** Reloads the page and waits until the gadget has run again. */
export async function reloadAndWait( page: Page ): Promise<void> {
	await page.reload();
	await page.waitForFunction( () => ( window as any ).oanReadyCount > 0 );
}

/** Logs in through Special:UserLogin and returns the session for new contexts. */
export function loginState( browser: Browser, user: string, password: string, target: Target = wiki ): Promise<BrowserContextOptions[ 'storageState' ]> {
	return loginStateOn( browser, target.server, user, password ) as Promise<BrowserContextOptions[ 'storageState' ]>;
}

/** Creates an account through Special:CreateAccount, as anyone may; returns its session. */
export async function newAccount( browser: Browser, prefix: string, target: Target = wiki ): Promise<BrowserContextOptions[ 'storageState' ]> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto( url( 'Special:CreateAccount', {}, target ) );
	await page.fill( '#wpName2', `${ prefix } ${ Date.now() }` );
	await page.fill( '#wpPassword2', 'new-account-password-1' );
	await page.fill( '#wpRetype', 'new-account-password-1' );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpCreateaccount' ) ] );
	const state = await context.storageState();
	await context.close();
	return state;
}

export function apiClient( target: Target = wiki ) {
	return login( target.api, target.bot, 'tests' );
}

/** The on-wiki notices page the tests edit as an interface admin would. */
export const DATA_PAGE = NOTICES_PAGE;

/** A page's current text through the API, or null when it does not exist. */
export async function readPageText( title: string, target: Target = wiki ): Promise<string | null> {
	const page = await readPage( await apiClient( target ), title );
	return page.exists ? page.content : null;
}

/** The notices page's current revision id on a wiki. */
export async function noticesRevision( target: Target = wiki ): Promise<number> {
	const client = await apiClient( target );
	const res: any = await client.request( { action: 'query', titles: NOTICES_PAGE, prop: 'revisions', rvprop: 'ids', formatversion: 2 } );
	return res.query.pages[ 0 ].revisions[ 0 ].revid;
}

/** The notices page's data on a wiki. */
export async function notices( target: Target = wiki ): Promise<any> {
	return JSON.parse( ( await readPageText( NOTICES_PAGE, target ) )! );
}

/** Saves a page through the API (extra: more edit parameters, such as contentmodel). */
export async function savePageText( title: string, text: string, extra: Record<string, string> = {}, target: Target = wiki ): Promise<void> {
	await editPage( await apiClient( target ), title, text, { summary: 'test', ...extra } );
}

/**
 * The control for measurements: the same page with this gadget taken out of the HTML (its
 * script module from RLPAGEMODULES, its styles peer from the head stylesheet link), as if it
 * were not installed. Everything else about the page stays as served.
 */
export async function withoutGadget( page: Page ): Promise<void> {
	await rewriteDocuments( page, stripGadget );
}

/**
 * Records, from the very start of every page in the context, the layout shifts that move the page
 * title or content (#firstHeading, #mw-content-text): what a notice above them moves. The skins
 * also move their own sidebars and footers as their scripts settle, with or without this gadget
 * and not every time; those shifts touch neither and are left out. Every entry counts, also those
 * flagged as input-driven (mobile emulation flags early shifts so without any input).
 */
export async function observeContentShifts( context: BrowserContext ): Promise<void> {
	await context.addInitScript( () => {
		( window as any ).oanShifts = [];
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() as any[] ) {
				const nodes: Element[] = ( entry.sources || [] ).map( ( s: any ) => s.node ).filter( ( n: any ) => n && n.contains );
				const content = [ document.getElementById( 'firstHeading' ), document.getElementById( 'mw-content-text' ) ].filter( Boolean ) as Element[];
				const movesContent = nodes.some( ( n ) => content.some( ( c ) => n.contains( c ) || c.contains( n ) ) );
				( window as any ).oanShifts.push( { value: entry.value, at: entry.startTime, movesContent, sources: nodes.map( ( n ) => n.id || n.className ) } );
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
}

export interface Shift {
	value: number;
	at: number;
	movesContent: boolean;
	sources: string[];
}

/** The shifts recorded so far, and the sum of those that moved the content. */
export async function contentShifts( page: Page ): Promise<{ shifts: Shift[]; total: number }> {
	const shifts = await page.evaluate( () => ( window as any ).oanShifts as Shift[] );
	return { shifts, total: shifts.filter( ( s ) => s.movesContent ).reduce( ( sum, s ) => sum + s.value, 0 ) };
}

const AXE = path.resolve( __dirname, '../../node_modules/axe-core/axe.min.js' );

/** axe-core's violations inside the elements a selector matches. */
export async function axe( page: Page, selector: string ): Promise<{ id: string; impact: string; nodes: number }[]> {
	await page.addScriptTag( { path: AXE } );
	return page.evaluate( async ( sel ) => {
		const result = await ( window as any ).axe.run( { include: [ [ sel ] ] }, { resultTypes: [ 'violations' ] } );
		return result.violations.map( ( v: any ) => ( { id: v.id, impact: v.impact, nodes: v.nodes.length } ) );
	}, selector );
}

/**
 * Presses Tab, as a keyboard user would, until the focused element matches the selector.
 *
 * @return whether it got there within the given number of presses
 */
export async function tabTo( page: Page, selector: string, presses = 80 ): Promise<boolean> {
	for ( let i = 0; i < presses; i++ ) {
		await page.keyboard.press( 'Tab' );
		if ( await page.evaluate( ( sel ) => !!document.activeElement && document.activeElement.matches( sel ), selector ) ) {
			return true;
		}
	}
	return false;
}

/** Prints, once the suite it is called in has run, how many cases it tried and how many failed. */
export function reportCases( label: string, counts: ( name: string ) => boolean = () => true ): void {
	let tried = 0;
	let failed = 0;
	afterEach( ( ctx ) => {
		if ( counts( ctx.task.name ) ) {
			tried++;
			failed += ctx.task.result?.state === 'fail' ? 1 : 0;
		}
	} );
	afterAll( () => {
		process.stdout.write( `${ label }: ${ tried } cases, ${ failed } failures\n` );
	} );
}

/**
 * Ways the gadget's one API request (the live check, recognised by meta=globaluserinfo) can fail.
 * Each installs a route on the page before it loads.
 */
export const API_FAULTS: [ string, ( page: Page ) => Promise<unknown> ][] = [
	[ 'a network error', ( page ) => page.route( /api\.php.*globaluserinfo/, ( r ) => r.abort( 'failed' ) ) ],
	[ 'HTTP 500', ( page ) => page.route( /api\.php.*globaluserinfo/, ( r ) => r.fulfill( { status: 500, body: 'Internal error' } ) ) ],
	[ 'an API error answer', ( page ) => page.route( /api\.php.*globaluserinfo/, ( r ) => r.fulfill( { status: 200, contentType: 'application/json', body: '{"error":{"code":"internal_api_error_DBQueryError","info":"x"}}' } ) ) ],
	[ 'malformed JSON', ( page ) => page.route( /api\.php.*globaluserinfo/, ( r ) => r.fulfill( { status: 200, contentType: 'application/json', body: '{"query": {"users": [' } ) ) ],
	[ 'a request that never answers (time-out after 10 s)', async ( page ) => {
		// The page's clock flows as usual, and jumps 10 s once the request is out: the gadget's
		// time limit passes without the test waiting for it.
		await page.clock.install();
		return page.route( /api\.php.*globaluserinfo/, ( route ) => new Promise<void>( ( resolve ) => {
			// Never answered: pending until the page closes, after the gadget gave up.
			route.request().response().then( () => resolve(), () => resolve() );
			page.clock.fastForward( 10000 ).catch( () => undefined );
		} ) );
	} ],
	[ 'a well-formed answer of the wrong shape', ( page ) => page.route( /api\.php.*globaluserinfo/, ( r ) => r.fulfill( { status: 200, contentType: 'application/json', body: '{"query": {"users": "no"}}' } ) ) ]
];

export interface NoticeGeometry {
	/** Height of the notice area: #siteNotice with all the gadget put there (Timeless: the notices' container). */
	area: number;
	/** Of that height, what no line of text covers (a line: its text's line box, line-height tall). */
	blank: number;
	/** Lines of text the first collapsed notice shows (within its box). */
	lines: number;
	/** Heights of the first notice and the first dismissed notice's bar (0 where absent). */
	notice: number;
	bar: number;
	/** The bar's buttons and links are whole and inside it. */
	barControlsWhole: boolean;
	/** The collapsed notice shows its title, its date and the way to the statement, none cut away entirely. */
	saysWhatMatters: boolean;
}

/**
 * Measures the notice area as the room requirement defines it: how tall it is, and how much of
 * it no line of text covers; how many lines the collapsed notice shows; the bar's size.
 */
export function noticeGeometry( page: Page ): Promise<NoticeGeometry> {
	return page.evaluate( () => {
		const container = document.querySelector<HTMLElement>( '.oan-notices' );
		const area = document.getElementById( 'siteNotice' ) || container;
		if ( !area ) {
			return { area: 0, blank: 0, lines: 0, notice: 0, bar: 0, barControlsWhole: false, saysWhatMatters: false };
		}
		const a = area.getBoundingClientRect();
		/** Line boxes of the visible text inside an element, clipped to a box. */
		const lineBoxes = ( root: Element, clip: DOMRect ): [ number, number ][] => {
			const out: [ number, number ][] = [];
			const walker = document.createTreeWalker( root, NodeFilter.SHOW_TEXT );
			while ( walker.nextNode() ) {
				const node = walker.currentNode as Text;
				if ( !node.textContent || !node.textContent.trim() || !node.parentElement ) {
					continue;
				}
				const lineHeight = parseFloat( getComputedStyle( node.parentElement ).lineHeight ) || 20;
				const range = document.createRange();
				range.selectNodeContents( node );
				for ( const r of range.getClientRects() ) {
					if ( r.width <= 0 || r.height <= 0 ) {
						continue;
					}
					const mid = ( r.top + r.bottom ) / 2;
					const top = Math.max( mid - lineHeight / 2, clip.top );
					const bottom = Math.min( mid + lineHeight / 2, clip.bottom );
					if ( bottom > top && r.left < clip.right && r.right > clip.left ) {
						out.push( [ top, bottom ] );
					}
				}
			}
			return out.sort( ( x, y ) => x[ 0 ] - y[ 0 ] );
		};
		let covered = 0;
		let end = -Infinity;
		for ( const [ top, bottom ] of lineBoxes( area, a ) ) {
			if ( top >= end ) {
				covered += bottom - top;
				end = bottom;
			} else if ( bottom > end ) {
				covered += bottom - end;
				end = bottom;
			}
		}
		const notice = document.querySelector<HTMLElement>( '.oan-notice' );
		const bar = document.querySelector<HTMLElement>( '.oan-minimised' );
		let lines = 0;
		let saysWhatMatters = false;
		if ( notice ) {
			const n = notice.getBoundingClientRect();
			const tops = new Set( lineBoxes( notice.querySelector( '.oan-notice-body' )!, n ).map( ( [ top ] ) => Math.round( top / 4 ) ) );
			lines = tops.size;
			const shown = ( sel: string ) => {
				const el = notice.querySelector( sel );
				if ( !el ) {
					return false;
				}
				const r = el.getBoundingClientRect();
				return r.width > 8 && r.top >= n.top - 1 && r.bottom <= n.bottom + 1 && r.left < n.right && r.right > n.left;
			};
			saysWhatMatters = shown( '.oan-notice-title strong' ) && shown( '.oan-notice-date' ) && shown( '.oan-statement-link' );
		}
		let barControlsWhole = false;
		if ( bar ) {
			const b = bar.getBoundingClientRect();
			barControlsWhole = [ ...bar.querySelectorAll( 'button' ) ].every( ( c ) => {
				const r = c.getBoundingClientRect();
				return r.width > 20 && r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom;
			} );
		}
		return {
			area: a.height,
			blank: a.height - covered,
			lines,
			notice: notice ? notice.getBoundingClientRect().height : 0,
			bar: bar ? bar.getBoundingClientRect().height : 0,
			barControlsWhole,
			saysWhatMatters
		};
	} );
}
