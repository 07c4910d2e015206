// A dismissal follows the reader: dismissed on zh.wikipedia.test, the notice is its bar on
// zh.m.wikipedia.test and en.wikipedia.test too (one first-party cookie on wikipedia.test), for
// anonymous readers, temporary accounts and named accounts alike; it comes back wherever the
// revision is raised; across sites (zh.wikibooks.test, meta.wikimedia.test) it does not follow.
import { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booksWiki, DATA_PAGE, enWiki, farm, hideCookie, launch, loginState, mobileUrl, open, readPageText, savePageText, url, visit, wiki, zhWiki } from './helpers';

type Target = typeof wiki;

/** What the reader gets on a wiki's main page: the notice, its bar, or neither. */
async function shownOn( page: import( 'playwright-core' ).Page, target: Target, mobile = false ): Promise<string> {
	const title = target.id.startsWith( 'zh' ) ? '首页' : 'Main_Page';
	await page.goto( mobile ? mobileUrl( title ) : url( title, {}, target ) );
	await page.waitForFunction( () => ( window as any ).oanReadyCount > 0, null, { timeout: 15000 } );
	if ( await page.locator( '.oan-notice' ).count() ) {
		return 'notice';
	}
	return await page.locator( '.oan-minimised' ).count() ? 'bar' : 'nothing';
}

describe( 'a dismissal that follows the reader', () => {
	let browser: Browser;
	const sessions: Record<string, BrowserContextOptions[ 'storageState' ] | undefined> = {};
	const originals: Record<string, string> = {};
	beforeAll( async () => {
		browser = await launch();
		for ( const target of [ zhWiki, enWiki ] ) {
			originals[ target.id ] = ( await readPageText( DATA_PAGE, target ) )!;
		}
		sessions.anonymous = undefined;
		sessions[ 'named account' ] = await loginState( browser, farm.reader.user, farm.reader.password, zhWiki );
		// An anonymous edit makes a temporary account, logged in at once.
		const { context, page } = await open( browser );
		await page.goto( url( '沙盒', { action: 'edit' }, zhWiki ) );
		await page.fill( '#wpTextbox1', '跟随读者的关闭：测试编辑。' );
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpSave' ) ] );
		sessions[ 'temporary account' ] = await context.storageState();
		await context.close();
	} );
	afterAll( async () => {
		for ( const target of [ zhWiki, enWiki ] ) {
			await savePageText( DATA_PAGE, originals[ target.id ], { contentmodel: 'json' }, target );
		}
		await browser.close();
	} );

	for ( const who of [ 'anonymous', 'temporary account', 'named account' ] ) {
		it( `${ who }: dismissed on zh.wikipedia.test, it is the bar on its mobile site and on en.wikipedia.test; not on another site`, async () => {
			const { context, page, errors } = await open( browser, { storageState: sessions[ who ] } );
			if ( who === 'temporary account' ) {
				await visit( page, '首页', {}, zhWiki );
				expect( await page.evaluate( () => ( window as any ).mw.user.isTemp() ) ).toBe( true );
			}
			expect( await shownOn( page, zhWiki ) ).toBe( 'notice' );
			await page.click( '.oan-notice-dismiss' );
			expect( await hideCookie( page ) ).toBe( 'v1~office-action-2021-09.2' );
			expect( await shownOn( page, zhWiki, true ) ).toBe( 'bar' );
			expect( await shownOn( page, enWiki ) ).toBe( 'bar' );
			expect( await shownOn( page, zhWiki ) ).toBe( 'bar' );
			// Another site: its own domain, which no first-party cookie of wikipedia.test reaches.
			expect( await shownOn( page, booksWiki ) ).toBe( 'notice' );
			expect( await shownOn( page, wiki ) ).toBe( 'notice' );
			const cookies = ( await context.cookies() ).filter( ( c ) => c.name === 'officeActionNoticeHide' );
			expect( cookies.map( ( c ) => [ c.domain, c.value, c.sameSite ] ) ).toEqual( [ [ '.wikipedia.test', 'v1~office-action-2021-09.2', 'Lax' ] ] );
			// About a year.
			expect( Math.round( ( cookies[ 0 ].expires - Date.now() / 1000 ) / 86400 ) ).toBe( 365 );
			expect( errors ).toEqual( [] );
			await context.close();
		} );
	}

	it( 'shows the notice again wherever its revision is raised, and only there', async () => {
		const { context, page } = await open( browser );
		expect( await shownOn( page, zhWiki ) ).toBe( 'notice' );
		await page.click( '.oan-notice-dismiss' );
		const raised = JSON.parse( originals.enwiki );
		raised.notices[ 0 ].revision += 1;
		await savePageText( DATA_PAGE, JSON.stringify( raised ), { contentmodel: 'json' }, enWiki );
		expect( await shownOn( page, enWiki ) ).toBe( 'notice' );
		expect( await shownOn( page, zhWiki, true ) ).toBe( 'bar' );
		// Showing it again from the bar forgets the dismissal on every wiki of the family.
		await shownOn( page, zhWiki );
		await page.click( '.oan-minimised button' );
		expect( await hideCookie( page ) ).toBeNull();
		expect( await shownOn( page, zhWiki, true ) ).toBe( 'notice' );
		await context.close();
	} );

	it( 'ignores a cookie of another version with one console warning, and writes none of its own unasked', async () => {
		const { context, page, warnings } = await open( browser );
		await context.addCookies( [ { name: 'officeActionNoticeHide', value: 'v2~office-action-2021-09.2', domain: '.wikipedia.test', path: '/' } ] );
		expect( await shownOn( page, enWiki ) ).toBe( 'notice' );
		expect( warnings.filter( ( w ) => w.startsWith( '[office-action-notice]' ) ) ).toEqual( [ '[office-action-notice] cookie officeActionNoticeHide is not of this version; ignored' ] );
		expect( await hideCookie( page ) ).toBe( 'v2~office-action-2021-09.2' );
		await context.close();
	} );
} );
