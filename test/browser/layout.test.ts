// The styles peer reserves exactly the room the collapsed banner takes: no layout shift.
import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, open, SKINS, url, withoutGadget } from './helpers';

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
			it( `${ skin }, ${ v.name }: the banner appears without moving the page`, async () => {
				const measure = async ( control: boolean ) => {
					const { context, page } = await open( browser, { viewport: v.viewport, isMobile: v.mobile, hasTouch: v.mobile } );
					await context.addInitScript( () => {
						( window as any ).oanShifts = [];
						new PerformanceObserver( ( list ) => {
							for ( const entry of list.getEntries() as any[] ) {
								const nodes: Element[] = ( entry.sources || [] ).map( ( s: any ) => s.node ).filter( ( n: any ) => n && n.contains );
								// The notice sits above the page title: a notice that moved the page moves the title
								// and the content below it. The skins also move their own sidebars and footers as their
								// scripts settle, with or without this gadget and not every time; those shifts touch
								// neither, so they are left out.
								const content = [ document.getElementById( 'firstHeading' ), document.getElementById( 'mw-content-text' ) ].filter( Boolean ) as Element[];
								const movesContent = nodes.some( ( n ) => content.some( ( c ) => n.contains( c ) || c.contains( n ) ) );
								// In mobile emulation Chromium flags early shifts as input-driven: count them all.
								( window as any ).oanShifts.push( { value: entry.value, movesContent, sources: nodes.map( ( n ) => n.id || n.className ) } );
							}
						} ).observe( { type: 'layout-shift', buffered: true } );
					} );
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
							shifts: ( window as any ).oanShifts as { value: number; movesContent: boolean }[],
							banner: !!banner,
							// Clamped rows must fit the fixed height: nothing cut off mid-line.
							overflow: banner && body ? body.scrollHeight - ( banner.clientHeight - 16 ) : 0,
							pageOverflowsViewport: document.documentElement.scrollWidth > window.innerWidth
						};
					} );
					await context.close();
					const counted = result.shifts.filter( ( s ) => s.movesContent );
					return { ...result, total: counted.reduce( ( sum, s ) => sum + s.value, 0 ) };
				};
				const control = await measure( true );
				const gadget = await measure( false );
				expect( control.banner ).toBe( false );
				expect( gadget.banner ).toBe( true );
				expect( gadget.total - control.total, JSON.stringify( { gadget: gadget.shifts, control: control.shifts } ) ).toBeLessThanOrEqual( 0.001 );
				expect( gadget.overflow ).toBeLessThanOrEqual( 0 );
				expect( gadget.pageOverflowsViewport ).toBe( control.pageOverflowsViewport );
			} );
		}
	}
} );
