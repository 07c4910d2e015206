// The styles peer reserves exactly the room the collapsed banner takes, and the room is always
// used: no layout shift, neither for a reader who sees the notice nor for one who dismissed it
// earlier, and no more than a line's height of it without text, in every state.
import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentShifts, DATA_PAGE, dismissedCookie, launch, noticeGeometry, observeContentShifts, open, readPageText, savePageText, SKINS, url, visit, withoutGadget } from './helpers';

/** At most this much of the notice area without text, in every state: about one line. */
const MAX_BLANK = 32;

const VIEWPORTS = [
	{ name: 'desktop 1280×800', viewport: { width: 1280, height: 800 }, mobile: false },
	{ name: 'narrow desktop 800×600', viewport: { width: 800, height: 600 }, mobile: false },
	{ name: 'phone 390×844', viewport: { width: 390, height: 844 }, mobile: true }
];

/** How long the layout must stay still (no layout shift at all) before a measurement. */
const QUIET_MS = 300;

/**
 * Waits until whatever can still move the page has had its turn: the page loaded, the gadget run
 * (where it is installed), no ResourceLoader module still on its way, the web fonts in, the
 * browser idle (skins defer work to idle callbacks), then no layout shift of any kind for
 * QUIET_MS and two animation frames. What is measured after it is what a fixed wait measured, got
 * when the page is done rather than after a guess.
 */
async function settle( page: Page, gadget: boolean ): Promise<void> {
	await page.waitForLoadState( 'load' );
	if ( gadget ) {
		await page.waitForFunction( () => ( window as any ).oanReadyCount > 0, null, { timeout: 15000 } );
	}
	await page.waitForFunction( () => {
		const loader = ( window as any ).mw && ( window as any ).mw.loader;
		return !!loader && loader.getModuleNames().every( ( name: string ) => !/^(loading|loaded|executing)$/.test( loader.getState( name ) ) );
	}, null, { timeout: 15000, polling: 50 } );
	await page.evaluate( ( quiet ) => document.fonts.ready.then( () => new Promise<void>( ( resolve ) => {
		let last = performance.now();
		const observer = new PerformanceObserver( () => {
			last = performance.now();
		} );
		observer.observe( { type: 'layout-shift' } );
		const check = () => requestAnimationFrame( () => requestAnimationFrame( () => {
			if ( performance.now() - last >= quiet ) {
				observer.disconnect();
				resolve();
			} else {
				setTimeout( check, 50 );
			}
		} ) );
		requestIdleCallback( check, { timeout: 2000 } );
	} ) ), QUIET_MS );
}

describe( 'layout shift', () => {
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	for ( const v of VIEWPORTS ) {
		for ( const skin of SKINS ) {
			it( `${ skin }, ${ v.name }: the banner appears, or its bar for a reader who dismissed it, without moving the page or keeping empty room`, async () => {
				const measure = async ( control: boolean, dismissed = false ) => {
					const { context, page } = await open( browser, { viewport: v.viewport, isMobile: v.mobile, hasTouch: v.mobile } );
					if ( dismissed ) {
						await context.addCookies( [ dismissedCookie( 99 ) ] );
					}
					await observeContentShifts( context );
					if ( control ) {
						await withoutGadget( page );
					}
					await page.goto( url( 'Main_Page', { useskin: skin } ) );
					await settle( page, !control );
					const result = {
						banner: await page.locator( '.oan-notice' ).count() > 0,
						bars: await page.locator( '.oan-minimised' ).count(),
						geometry: await noticeGeometry( page ),
						pageOverflowsViewport: await page.evaluate( () => document.documentElement.scrollWidth > window.innerWidth ),
						// After the reader's own action (Show, or dismiss): the room as it is then.
						after: null as Awaited<ReturnType<typeof noticeGeometry>> | null
					};
					// Shifts before the reader acts: what they do may move the page, that is theirs.
					const shifts = await contentShifts( page );
					const action = dismissed ? '.oan-minimised button' : control ? null : '.oan-notice-dismiss';
					if ( action ) {
						await page.click( action );
						result.after = await noticeGeometry( page );
					}
					await context.close();
					return { ...result, ...shifts };
				};
				const control = await measure( true );
				const gadget = await measure( false );
				const dismissed = await measure( false, true );
				const maxLines = v.viewport.width < 640 ? 3 : 2;
				expect( control.banner ).toBe( false );
				expect( gadget.banner ).toBe( true );
				expect( gadget.total - control.total, JSON.stringify( { gadget: gadget.shifts, control: control.shifts } ) ).toBeLessThanOrEqual( 0.001 );
				expect( gadget.pageOverflowsViewport ).toBe( control.pageOverflowsViewport );
				// Collapsed: two lines on desktops, three on phones, saying title, date and the way to the statement.
				const g = gadget.geometry;
				expect( { lines: g.lines <= maxLines, says: g.saysWhatMatters, blank: g.blank <= MAX_BLANK }, JSON.stringify( g ) ).toEqual( { lines: true, says: true, blank: true } );
				// Dismissed on this page view: the bar in the same room, no larger than the notice.
				const justDismissed = gadget.after!;
				expect( { blank: justDismissed.blank <= MAX_BLANK, bar: justDismissed.bar <= g.notice + 0.5, whole: justDismissed.barControlsWhole }, JSON.stringify( justDismissed ) ).toEqual( { blank: true, bar: true, whole: true } );
				// Dismissed earlier: its bar, without a shift.
				expect( [ dismissed.banner, dismissed.bars ] ).toEqual( [ false, 1 ] );
				expect( dismissed.total - control.total, JSON.stringify( { dismissed: dismissed.shifts, control: control.shifts } ) ).toBeLessThanOrEqual( 0.001 );
				expect( dismissed.pageOverflowsViewport ).toBe( control.pageOverflowsViewport );
				const d = dismissed.geometry;
				expect( { blank: d.blank <= MAX_BLANK, bar: d.bar <= g.notice + 0.5, whole: d.barControlsWhole }, JSON.stringify( d ) ).toEqual( { blank: true, bar: true, whole: true } );
				// Dismissed, then shown again.
				const again = dismissed.after!;
				expect( { blank: again.blank <= MAX_BLANK, lines: again.lines <= maxLines }, JSON.stringify( again ) ).toEqual( { blank: true, lines: true } );
			} );
		}
	}

	it( 'keeps no room where JavaScript is off: no notice can come', async () => {
		const headingTop = async ( control: boolean ) => {
			const context = await browser.newContext( { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false } );
			const page = await context.newPage();
			if ( control ) {
				await withoutGadget( page );
			}
			await page.goto( url( 'Main_Page' ) );
			const top = await page.evaluate( () => document.getElementById( 'firstHeading' )!.getBoundingClientRect().top );
			await context.close();
			return top;
		};
		expect( await headingTop( false ) ).toBe( await headingTop( true ) );
	} );
} );

describe( 'the room in other states', () => {
	const LONG = 'Layout test long page';
	let browser: Browser;
	let original: string;
	beforeAll( async () => {
		browser = await launch();
		original = ( await readPageText( DATA_PAGE ) )!;
		await savePageText( LONG, Array.from( { length: 60 }, ( _, i ) => `== Section ${ i } ==\nParagraph ${ i }, long enough to fill a line or two of the page so that the page scrolls well past its first screen.` ).join( '\n\n' ) );
	} );
	afterAll( async () => {
		await savePageText( DATA_PAGE, original );
		await browser.close();
	} );

	it( 'keeps two stacked notices, and their bars, within a line of blank', async () => {
		const two = JSON.parse( original );
		two.notices.push( { ...JSON.parse( JSON.stringify( two.notices[ 0 ] ) ), id: 'second-notice', title: { en: 'A second notice' } } );
		await savePageText( DATA_PAGE, JSON.stringify( two ) );
		try {
			for ( const c of [ ...SKINS.map( ( skin ) => ( { skin, viewport: { width: 1280, height: 800 }, isMobile: false } ) ), { skin: 'minerva', viewport: { width: 390, height: 844 }, isMobile: true } ] ) {
				const { context, page, errors } = await open( browser, { viewport: c.viewport, isMobile: c.isMobile, hasTouch: c.isMobile } );
				await visit( page, 'Main_Page', { useskin: c.skin } );
				const stacked = await noticeGeometry( page );
				await page.click( '[data-oan-id="second-notice"] .oan-notice-dismiss' );
				await page.click( '.oan-notice-dismiss' );
				const bars = await noticeGeometry( page );
				expect( { skin: c.skin, width: c.viewport.width, stacked: stacked.blank <= MAX_BLANK, bars: bars.blank <= MAX_BLANK, count: await page.locator( '.oan-minimised' ).count() }, JSON.stringify( { stacked, bars } ) )
					.toEqual( { skin: c.skin, width: c.viewport.width, stacked: true, bars: true, count: 2 } );
				expect( errors ).toEqual( [] );
				await context.close();
			}
		} finally {
			await savePageText( DATA_PAGE, original );
		}
	} );

	it( 'keeps the bar where it is while the reader scrolls: nothing closes up, nothing moves', async () => {
		const { context, page, errors } = await open( browser );
		await context.addCookies( [ dismissedCookie( 99 ) ] );
		await observeContentShifts( context );
		await visit( page, LONG );
		const since = await page.evaluate( () => {
			window.scrollTo( 0, 1200 );
			return performance.now();
		} );
		await settle( page, true );
		const after = await page.evaluate( ( t ) => ( {
			scrollY: window.scrollY,
			shiftsSince: ( ( window as any ).oanShifts as { value: number; at: number }[] ).filter( ( e ) => e.at >= t ).reduce( ( sum, e ) => sum + e.value, 0 )
		} ), since );
		expect( after.scrollY ).toBe( 1200 );
		expect( after.shiftsSince ).toBeLessThanOrEqual( 0.001 );
		expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'puts a page opened at a section further down where it would be without the gadget', async () => {
		const sectionTop = async ( control: boolean ) => {
			const { context, page } = await open( browser );
			await context.addCookies( [ dismissedCookie( 99 ) ] );
			if ( control ) {
				await withoutGadget( page );
			}
			await page.goto( url( LONG ) + '#Section_40' );
			await settle( page, !control );
			const top = await page.evaluate( () => document.getElementById( 'Section_40' )!.getBoundingClientRect().top );
			await context.close();
			return top;
		};
		expect( Math.abs( await sectionTop( false ) - await sectionTop( true ) ) ).toBeLessThanOrEqual( 2 );
	} );
} );
