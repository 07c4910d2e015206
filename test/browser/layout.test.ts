// The styles peer reserves exactly the room the collapsed banner takes: no layout shift, neither
// for a reader who sees the notice nor for one who dismissed it earlier.
import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentShifts, launch, observeContentShifts, open, savePageText, SKINS, url, visit, withoutGadget } from './helpers';

const VIEWPORTS = [
	{ name: 'desktop 1280×800', viewport: { width: 1280, height: 800 }, mobile: false },
	{ name: 'narrow desktop 800×600', viewport: { width: 800, height: 600 }, mobile: false },
	{ name: 'phone 390×844', viewport: { width: 390, height: 844 }, mobile: true }
];

describe( 'layout shift', () => {
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	for ( const v of VIEWPORTS ) {
		for ( const skin of SKINS ) {
			it( `${ skin }, ${ v.name }: the banner appears, or its bar for a reader who dismissed it, without moving the page`, async () => {
				const measure = async ( control: boolean, dismissed = false ) => {
					const { context, page } = await open( browser, { viewport: v.viewport, isMobile: v.mobile, hasTouch: v.mobile } );
					if ( dismissed ) {
						await context.addInitScript( () => localStorage.setItem( 'oan-dismissed-office-action-2021-09', '99' ) );
					}
					await observeContentShifts( context );
					if ( control ) {
						await withoutGadget( page );
					}
					await page.goto( url( 'Main_Page', { useskin: skin } ) );
					await page.waitForLoadState( 'load' );
					await page.waitForTimeout( 1500 );
					const result = await page.evaluate( () => {
						const banner = document.querySelector<HTMLElement>( '.oan-notice' );
						const body = banner && banner.querySelector<HTMLElement>( '.oan-notice-body' );
						return {
							banner: !!banner,
							bars: document.querySelectorAll( '.oan-minimised' ).length,
							holding: !!document.querySelector( '.oan-notices.oan-holding' ),
							// The bar keeps to one line, and its button is whole and inside it at any width.
							barFits: [ ...document.querySelectorAll<HTMLElement>( '.oan-minimised' ) ].every( ( bar ) => {
								const b = bar.getBoundingClientRect();
								const button = bar.querySelector( 'button' )!.getBoundingClientRect();
								return b.height <= 32 && button.width > 20 && button.left >= b.left && button.right <= b.right && button.top >= b.top && button.bottom <= b.bottom;
							} ),
							// Clamped rows must fit the fixed height: nothing cut off mid-line.
							overflow: banner && body ? body.scrollHeight - ( banner.clientHeight - 16 ) : 0,
							pageOverflowsViewport: document.documentElement.scrollWidth > window.innerWidth
						};
					} );
					const shifts = await contentShifts( page );
					await context.close();
					return { ...result, ...shifts };
				};
				const control = await measure( true );
				const gadget = await measure( false );
				const dismissed = await measure( false, true );
				expect( control.banner ).toBe( false );
				expect( gadget.banner ).toBe( true );
				expect( gadget.total - control.total, JSON.stringify( { gadget: gadget.shifts, control: control.shifts } ) ).toBeLessThanOrEqual( 0.001 );
				expect( gadget.overflow ).toBeLessThanOrEqual( 0 );
				expect( gadget.pageOverflowsViewport ).toBe( control.pageOverflowsViewport );
				expect( [ dismissed.banner, dismissed.bars, dismissed.holding, dismissed.barFits ] ).toEqual( [ false, 1, true, true ] );
				expect( dismissed.total - control.total, JSON.stringify( { dismissed: dismissed.shifts, control: control.shifts } ) ).toBeLessThanOrEqual( 0.001 );
				expect( dismissed.pageOverflowsViewport ).toBe( control.pageOverflowsViewport );
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

describe( 'the room kept for a reader who dismissed the notice', () => {
	const LONG = 'Layout test long page';
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
		await savePageText( LONG, Array.from( { length: 60 }, ( _, i ) => `== Section ${ i } ==\nParagraph ${ i }, long enough to fill a line or two of the page so that the page scrolls well past its first screen.` ).join( '\n\n' ) );
	} );
	afterAll( () => browser.close() );

	async function dismissedReader( options: { viewport: { width: number; height: number }; isMobile?: boolean } ) {
		const watched = await open( browser, { ...options, hasTouch: !!options.isMobile } );
		await watched.context.addInitScript( () => localStorage.setItem( 'oan-dismissed-office-action-2021-09', '99' ) );
		await observeContentShifts( watched.context );
		return watched;
	}

	const CASES = [
		...SKINS.map( ( skin ) => ( { skin, viewport: { width: 1280, height: 800 }, isMobile: false } ) ),
		{ skin: 'minerva', viewport: { width: 390, height: 844 }, isMobile: true }
	];
	for ( const c of CASES ) {
		it( `${ c.skin } ${ c.viewport.width }×${ c.viewport.height }: closes once scrolled out of view, and what the reader sees stays put`, async () => {
			const { context, page, errors } = await dismissedReader( c );
			await visit( page, LONG, { useskin: c.skin } );
			await page.waitForTimeout( 300 );
			expect( await page.locator( '.oan-notices.oan-holding .oan-minimised' ).count() ).toBe( 1 );
			const before = await page.evaluate( () => {
				window.scrollTo( 0, 1200 );
				const probe = document.elementFromPoint( window.innerWidth / 2, window.innerHeight / 2 )!;
				( window as any ).oanProbe = probe;
				return { top: probe.getBoundingClientRect().top, scrollY: window.scrollY, at: performance.now() };
			} );
			await page.waitForFunction( () => !document.querySelector( '.oan-holding' ), null, { timeout: 5000 } );
			await page.waitForTimeout( 500 );
			const after = await page.evaluate( ( since ) => ( {
				top: ( window as any ).oanProbe.getBoundingClientRect().top,
				scrollY: window.scrollY,
				// Every shift since the scroll, not only those touching the content.
				shiftsSince: ( ( window as any ).oanShifts as { value: number; at: number }[] ).filter( ( e ) => e.at >= since ).reduce( ( sum, e ) => sum + e.value, 0 ),
				anchoring: document.documentElement.style.getPropertyValue( 'overflow-anchor' )
			} ), before.at );
			// The room closed above the viewport and the page scrolled by as much: nothing in view moved.
			expect( Math.abs( after.top - before.top ) ).toBeLessThanOrEqual( 1 );
			expect( before.scrollY - after.scrollY ).toBeGreaterThan( 50 );
			expect( after.shiftsSince ).toBeLessThanOrEqual( 0.001 );
			expect( after.anchoring ).toBe( '' );
			// The bar stays where it was, one line.
			expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
			expect( errors ).toEqual( [] );
			await context.close();
		} );
	}

	it( 'closes at once for a page opened at a section further down, which stays where it would be without the gadget', async () => {
		const sectionTop = async ( control: boolean ) => {
			const { context, page } = await dismissedReader( { viewport: { width: 1280, height: 800 } } );
			if ( control ) {
				await withoutGadget( page );
			}
			await page.goto( url( LONG ) + '#Section_40' );
			await page.waitForLoadState( 'load' );
			if ( !control ) {
				await page.waitForFunction( () => ( window as any ).oanReadyCount > 0 && !document.querySelector( '.oan-holding' ), null, { timeout: 10000 } );
			}
			await page.waitForTimeout( 500 );
			const top = await page.evaluate( () => document.getElementById( 'Section_40' )!.getBoundingClientRect().top );
			await context.close();
			return top;
		};
		expect( Math.abs( await sectionTop( false ) - await sectionTop( true ) ) ).toBeLessThanOrEqual( 2 );
	} );
} );
