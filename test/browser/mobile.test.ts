// The mobile site for real: zh.m.wikipedia.test as MobileFrontend serves phones (Minerva, a phone
// viewport, touch), read through a variant. The notice, its bar after a dismissal, the account box
// and the statement link; no layout shift and no empty room for the gadget; axe clean.
import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, contentShifts, dismissedCookie, launch, mobileUrl, noticeGeometry, observeContentShifts, open, withoutGadget, zhWiki } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const MAX_BLANK = 32;

describe( 'the mobile site (zh.m.wikipedia.test)', () => {
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	/** Opens a page of the mobile site and waits for the gadget's ready hook. */
	async function openMobile( title: string, query: Record<string, string>, options: { control?: boolean; dismissed?: boolean } = {} ) {
		const watched = await open( browser, PHONE );
		if ( options.dismissed ) {
			await watched.context.addCookies( [ dismissedCookie( 99, zhWiki ) ] );
		}
		await observeContentShifts( watched.context );
		if ( options.control ) {
			await withoutGadget( watched.page );
		}
		await watched.page.goto( mobileUrl( title, query ) );
		if ( options.control ) {
			await watched.page.waitForLoadState( 'load' );
		} else {
			await watched.page.waitForFunction( () => ( window as any ).oanReadyCount > 0, null, { timeout: 15000 } );
		}
		// The notice is placed when the gadget is ready; wait for two frames so any shift is recorded.
		await watched.page.evaluate( () => new Promise( ( r ) => {
			requestAnimationFrame( () => requestAnimationFrame( r ) );
		} ) );
		return watched;
	}

	it( 'is MobileFrontend\'s Minerva, with the notice in its banner container, in the reader\'s variant', async () => {
		const { page, context, errors } = await openMobile( '首页', { variant: 'zh-tw' } );
		expect( await page.evaluate( () => [ ( window as any ).mw.config.get( 'skin' ), ( window as any ).mw.config.get( 'wgMFMode' ) ] ) ).toEqual( [ 'minerva', 'stable' ] );
		expect( await page.locator( '.banner-container #siteNotice .oan-notice' ).count() ).toBe( 1 );
		expect( await page.locator( '.oan-notice-title' ).textContent() ).toContain( '中文項目的辦公室行動（2021年9月）' );
		expect( errors ).toEqual( [] );
		// The statement link leads, through zhwiki's m: prefix, to the statement on Meta in the reader's language.
		await Promise.all( [ page.waitForURL( /meta\.wikimedia\.test/ ), page.locator( '.oan-statement-link' ).first().tap() ] );
		expect( decodeURIComponent( page.url() ) ).toMatch( /^http:\/\/meta\.wikimedia\.test:\d+\/index\.php\?title=Office_actions\/September_2021_statement\/zh$/ );
		await context.close();
	} );

	it( 'shows the notice, and its bar after a dismissal, without moving the page or keeping empty room', async () => {
		const control = await openMobile( '首页', { variant: 'zh-tw' }, { control: true } );
		const controlShifts = await contentShifts( control.page );
		await control.context.close();

		const shown = await openMobile( '首页', { variant: 'zh-tw' } );
		const shownShifts = await contentShifts( shown.page );
		const geometry = await noticeGeometry( shown.page );
		// Dismissed by touch: the bar in the same room, its controls inside it.
		await shown.page.tap( '.oan-notice-dismiss' );
		const afterTap = await noticeGeometry( shown.page );
		const controlsInside = await shown.page.evaluate( () => {
			const bar = document.querySelector( '.oan-minimised' )!.getBoundingClientRect();
			return [ ...document.querySelectorAll( '.oan-minimised button, .oan-minimised a' ) ].every( ( c ) => {
				const r = c.getBoundingClientRect();
				return r.width > 0 && r.left >= bar.left && r.right <= bar.right && r.top >= bar.top && r.bottom <= bar.bottom;
			} );
		} );
		await shown.context.close();

		const dismissed = await openMobile( '首页', { variant: 'zh-tw' }, { dismissed: true } );
		const dismissedShifts = await contentShifts( dismissed.page );
		const bar = await noticeGeometry( dismissed.page );
		const violations = await axe( dismissed.page, '#siteNotice' );
		await dismissed.context.close();

		expect( shownShifts.total - controlShifts.total, JSON.stringify( shownShifts.shifts ) ).toBeLessThanOrEqual( 0.001 );
		expect( dismissedShifts.total - controlShifts.total, JSON.stringify( dismissedShifts.shifts ) ).toBeLessThanOrEqual( 0.001 );
		expect( { says: geometry.saysWhatMatters, blank: geometry.blank <= MAX_BLANK }, JSON.stringify( geometry ) ).toEqual( { says: true, blank: true } );
		// (Without CJK fonts, as on CI, the two characters of the bar's button are narrower than the
		// 20 px noticeGeometry's check wants: the controls are checked to lie inside the bar instead.)
		expect( { bar: afterTap.bar > 0, blank: afterTap.blank <= MAX_BLANK, inside: controlsInside }, JSON.stringify( afterTap ) ).toEqual( { bar: true, blank: true, inside: true } );
		expect( { bar: bar.bar > 0, notice: bar.notice, blank: bar.blank <= MAX_BLANK }, JSON.stringify( bar ) ).toEqual( { bar: true, notice: 0, blank: true } );
		expect( violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' ) ).toEqual( [] );
	} );

	it( 'shows an affected account\'s status box, and axe finds nothing serious in the notice or the box', async () => {
		const { page, context, errors } = await openMobile( 'User:Example banned user 1', { variant: 'zh-cn' } );
		const box = page.locator( '.oan-account' );
		expect( await box.locator( '.oan-account-status' ).textContent() ).toBe( '此账户已于2021年9月13日被维基媒体基金会办公室行动封禁。' );
		expect( await box.locator( '.oan-account-live' ).textContent() ).toContain( '全域账户已被锁定。' );
		for ( const selector of [ '#siteNotice', '.oan-account' ] ) {
			const violations = await axe( page, selector );
			expect( violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' ), selector ).toEqual( [] );
		}
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'is served by zhwiki itself: the same notices data, the desktop host for links', async () => {
		const { page, context } = await openMobile( '首页', {} );
		expect( await page.evaluate( () => [ ( window as any ).mw.config.get( 'wgDBname' ), ( window as any ).mw.config.get( 'wgServer' ) ] ) ).toEqual( [ 'zhwiki', zhWiki.server ] );
		await context.close();
	} );
} );
