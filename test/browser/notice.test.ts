// Issue: office-action notices for readers and editors, in the reader's own language.
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentShifts, DATA_PAGE, dismissedCookie, hideCookie, launch, loginState, newAccount, observeContentShifts, open, readPageText, reloadAndWait, savePageText, SKINS, tabTo, visit, wiki } from './helpers';

const STATEMENT = 'Office_actions/September_2021_statement';

async function readData(): Promise<any> {
	return JSON.parse( ( await readPageText( DATA_PAGE ) )! );
}

/** Edits the on-wiki notices page as an interface admin would. */
function writeData( data: unknown ): Promise<void> {
	return savePageText( DATA_PAGE, JSON.stringify( data, null, '\t' ) );
}

function bannerInfo( page: Page ) {
	return page.evaluate( () => [ ...document.querySelectorAll<HTMLElement>( '.oan-notice' ) ].map( ( b ) => ( {
		id: b.getAttribute( 'data-oan-id' ),
		title: b.querySelector( '.oan-notice-title strong' )?.textContent,
		host: b.closest( '#siteNotice' ) ? 'siteNotice' : b.closest( '#content' ) ? 'content' : 'elsewhere',
		visible: b.getBoundingClientRect().height > 0 && getComputedStyle( b ).visibility !== 'hidden',
		aboveHeading: b.getBoundingClientRect().bottom <= document.getElementById( 'firstHeading' )!.getBoundingClientRect().top
	} ) ) );
}

describe( 'the notice banner', () => {
	let browser: Browser;
	let loggedIn: BrowserContextOptions[ 'storageState' ];
	let original: any;
	beforeAll( async () => {
		browser = await launch();
		loggedIn = await loginState( browser, wiki.admin.user, wiki.admin.password );
		original = await readData();
	} );
	afterAll( async () => {
		await writeData( original );
		await browser.close();
	} );

	for ( const who of [ 'anonymous reader', 'logged-in user' ] ) {
		for ( const skin of SKINS ) {
			it( `shows where the site notice goes: ${ skin }, ${ who }`, async () => {
				const { context, page, errors } = await open( browser, who === 'logged-in user' ? { storageState: loggedIn } : {} );
				await visit( page, 'Main_Page', { useskin: skin } );
				expect( await bannerInfo( page ) ).toEqual( [ {
					id: 'office-action-2021-09',
					title: 'Office action on Chinese-language projects (September 2021)',
					host: skin === 'timeless' ? 'content' : 'siteNotice',
					visible: true,
					aboveHeading: true
				} ] );
				const text = await page.textContent( '.oan-notice' );
				expect( text ).toContain( 'Published September 13, 2021' );
				expect( text ).toContain( 'Updated September 16, 2021: One account, 玄客, had been wrongly identified' );
				expect( text ).toContain( 'After a long investigation' );
				expect( errors ).toEqual( [] );
				await context.close();
			} );
		}
	}

	it( 'is dismissed with the mouse, stays dismissed after a reload, and returns for a new revision', async () => {
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page' );
		await page.click( '.oan-notice-dismiss' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		// In its place, holding its room: a one-line bar that has the focus.
		expect( await page.evaluate( () => document.activeElement && document.activeElement.matches( '.oan-minimised' ) ) ).toBe( true );
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await page.textContent( '.oan-minimised-label' ) ).toBe( 'Notice hidden: Office action on Chinese-language projects (September 2021)' );
		expect( await page.textContent( '.oan-minimised button' ) ).toBe( 'Show' );
		const stored = await context.storageState();

		const bumped = JSON.parse( JSON.stringify( original ) );
		bumped.notices[ 0 ].revision += 1;
		await writeData( bumped );
		// A new context with the same storage, so no HTTP cache hides the new module version.
		const later = await open( browser, { storageState: stored } );
		await visit( later.page, 'Main_Page' );
		expect( await later.page.locator( '.oan-notice' ).count() ).toBe( 1 );
		expect( await later.page.locator( '.oan-minimised' ).count() ).toBe( 0 );
		await writeData( original );
		await later.context.close();
		await context.close();
	} );

	it( 'is dismissed with the keyboard alone', async () => {
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page' );
		expect( await tabTo( page, '.oan-notice-dismiss' ) ).toBe( true );
		expect( await page.evaluate( () => document.activeElement?.getAttribute( 'aria-label' ) ) ).toBe( 'Dismiss the notice "Office action on Chinese-language projects (September 2021)"' );
		await page.keyboard.press( 'Enter' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await page.evaluate( () => document.activeElement !== document.body && document.activeElement !== null ) ).toBe( true );
		await context.close();
	} );

	it( 'shows a dismissed notice again from its bar, with the keyboard alone, and for good', async () => {
		const { context, page, errors } = await open( browser );
		await visit( page, 'Main_Page' );
		await context.addCookies( [ dismissedCookie( 2 ) ] );
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await tabTo( page, '.oan-minimised button' ) ).toBe( true );
		expect( await page.evaluate( () => {
			const button = document.activeElement!;
			return [ button.textContent, document.getElementById( button.getAttribute( 'aria-describedby' )! )?.textContent ];
		} ) ).toEqual( [ 'Show', 'Notice hidden: Office action on Chinese-language projects (September 2021)' ] );
		await page.keyboard.press( 'Enter' );
		expect( ( await bannerInfo( page ) ).map( ( b ) => [ b.id, b.visible ] ) ).toEqual( [ [ 'office-action-2021-09', true ] ] );
		expect( await page.locator( '.oan-minimised' ).count() ).toBe( 0 );
		expect( await page.evaluate( () => document.activeElement?.matches( '.oan-notice' ) ) ).toBe( true );
		expect( await hideCookie( page ) ).toBeNull();
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'logged in: a dismissal writes nothing but its cookie, the bar says where to turn the notices off, and a new revision shows the notice again', async () => {
		// A new account, so no other test's options get in the way.
		const state = await newAccount( browser, 'Dismissing reader' );
		const { context, page, errors } = await open( browser, { storageState: state } );
		await observeContentShifts( context );
		// Every API request the pages make (method and what they send).
		const api: string[] = [];
		const record = ( p: Page ) => p.on( 'request', ( r ) => {
			if ( r.url().includes( '/api.php' ) ) {
				api.push( `${ r.method() } ${ r.postData() || r.url() }` );
			}
		} );
		record( page );
		await visit( page, 'Main_Page' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		await page.click( '.oan-notice-dismiss' );
		// The bar's link, once the bar is there (textContent waits for it).
		const off = page.locator( '.oan-minimised a' );
		expect( await off.textContent() ).toBe( 'Turn these notices off in your preferences' );

		// The next page: the bar in the room, nothing moves, no request.
		await visit( page, 'Main_Page' );
		await page.waitForTimeout( 300 );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
		expect( ( await contentShifts( page ) ).total ).toBeLessThanOrEqual( 0.001 );

		// A new revision shows the notice again at once, in its room, still without a write.
		const bumped = JSON.parse( JSON.stringify( original ) );
		bumped.notices[ 0 ].revision += 1;
		await writeData( bumped );
		const session = await context.storageState();
		const later = await open( browser, { storageState: session } );
		await observeContentShifts( later.context );
		record( later.page );
		try {
			await visit( later.page, 'Main_Page' );
			await later.page.waitForTimeout( 300 );
			expect( await later.page.locator( '.oan-notice' ).count() ).toBe( 1 );
			expect( ( await contentShifts( later.page ) ).total ).toBeLessThanOrEqual( 0.001 );
		} finally {
			await writeData( original );
		}
		expect( api ).toEqual( [] );

		// The link leads to the gadget's own switch in the preferences.
		await visit( page, 'Main_Page' );
		await Promise.all( [ page.waitForNavigation(), page.click( '.oan-minimised a' ) ] );
		expect( new URL( page.url() ).hash ).toBe( '#mw-prefsection-gadgets' );
		expect( await page.locator( '[name="wpgadget-office-action-notice"]' ).count() ).toBe( 1 );
		expect( errors ).toEqual( [] );
		expect( later.errors ).toEqual( [] );
		await context.close();
		await later.context.close();
	} );

	it( 'still shows where storage is unavailable, and keeps the dismissal in its cookie', async () => {
		const { context, page, errors } = await open( browser );
		await context.addInitScript( () => {
			Object.defineProperty( window, 'localStorage', { get() {
				throw new DOMException( 'denied', 'SecurityError' );
			} } );
		} );
		await visit( page, 'Main_Page' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		await page.click( '.oan-notice-dismiss' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
		expect( errors.filter( ( e ) => /office-action|oan-/.test( e ) ) ).toEqual( [] );
		await context.close();
	} );

	it( 'stacks several notices in data order, each dismissible on its own', async () => {
		const two = JSON.parse( JSON.stringify( original ) );
		const second = JSON.parse( JSON.stringify( two.notices[ 0 ] ) );
		second.id = 'second-notice';
		second.title = { en: 'A second notice' };
		two.notices.push( second );
		await writeData( two );
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page' );
		expect( ( await bannerInfo( page ) ).map( ( b ) => b.id ) ).toEqual( [ 'office-action-2021-09', 'second-notice' ] );
		await page.click( '[data-oan-id="second-notice"] .oan-notice-dismiss' );
		expect( ( await bannerInfo( page ) ).map( ( b ) => b.id ) ).toEqual( [ 'office-action-2021-09' ] );
		await reloadAndWait( page );
		expect( ( await bannerInfo( page ) ).map( ( b ) => b.id ) ).toEqual( [ 'office-action-2021-09' ] );
		await writeData( original );
		await context.close();
	} );

	it( 'warns once about a malformed notice and shows the valid ones', async () => {
		const broken = JSON.parse( JSON.stringify( original ) );
		broken.notices.unshift( { id: 'broken', revision: 'one' } );
		await writeData( broken );
		const { context, page, errors, warnings } = await open( browser );
		await visit( page, 'Main_Page' );
		expect( ( await bannerInfo( page ) ).map( ( b ) => b.id ) ).toEqual( [ 'office-action-2021-09' ] );
		expect( warnings.filter( ( w ) => w.includes( '[office-action-notice]' ) ) ).toEqual( [
			'[office-action-notice] notices[0] ("broken") skipped: revision is not a number'
		] );
		expect( errors ).toEqual( [] );
		await writeData( original );
		await context.close();
	} );
} );

describe( 'the statement in the reader\'s language', () => {
	let browser: Browser;
	let translations: { language: string; complete: number }[];
	beforeAll( async () => {
		browser = await launch();
		translations = ( await readData() ).notices[ 0 ].statement.translations;
	} );
	afterAll( () => browser.close() );

	function complete( language: string ): number {
		return translations.find( ( t ) => t.language === language )!.complete;
	}

	async function links( uselang: string ) {
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page', { uselang } );
		const info = await page.evaluate( () => {
			const a = document.querySelector<HTMLAnchorElement>( '.oan-statement-link' )!;
			const orig = document.querySelector<HTMLAnchorElement>( '.oan-statement-original' );
			return {
				text: a.textContent,
				href: decodeURIComponent( a.getAttribute( 'href' )! ),
				meta: document.querySelector( '.oan-statement-meta' )!.textContent,
				original: orig ? { text: orig.textContent, href: decodeURIComponent( orig.getAttribute( 'href' )! ) } : null,
				languages: [ ...document.querySelectorAll( '.oan-statement-language-list a' ) ].map( ( l ) => `${ l.textContent }${ l.getAttribute( 'aria-current' ) ? '*' : '' }` ),
				dismiss: document.querySelector( '.oan-notice-dismiss' )!.getAttribute( 'aria-label' )
			};
		} );
		return { context, page, info };
	}

	it.each( [
		[ 'en', `m:${ STATEMENT }`, 'Read the statement', ' (English)', [ 'English*', '中文', 'বাংলা' ] ],
		[ 'zh', `m:${ STATEMENT }/zh`, '阅读声明', ' （中文，已翻译{zh}%）', [ 'English', '中文*', 'বাংলা' ] ],
		[ 'zh-hant', `m:${ STATEMENT }/zh`, '閱讀聲明', ' （中文，已翻譯{zh}%）', [ 'English', '中文*', 'বাংলা' ] ],
		[ 'zh-hk', `m:${ STATEMENT }/zh`, '閱讀聲明', ' （中文，已翻譯{zh}%）', [ 'English', '中文*', 'বাংলা' ] ],
		[ 'de', `m:${ STATEMENT }`, 'Read the statement', ' (English)', [ 'English*', '中文', 'বাংলা' ] ]
	] )( 'uselang=%s links %s', async ( lang, target, text, meta, languages ) => {
		// The completeness the wiki's notices data has (on the local wikis, Translate's numbers).
		const zh = complete( 'zh' );
		const { context, info } = await links( lang );
		expect( info.href ).toBe( `/index.php/${ target }` );
		expect( info.text ).toBe( text );
		expect( info.meta ).toBe( meta.replace( '{zh}', String( zh ) ) );
		// A partial translation is offered with the original beside it.
		expect( info.original && info.original.href ).toBe( target.endsWith( '/zh' ) && zh < 100 ? `/index.php/m:${ STATEMENT }` : null );
		expect( info.languages ).toEqual( languages );
		await context.close();
	} );

	it( 'uselang=bn links the partial Bengali translation, says how complete it is, and offers the original', async () => {
		const { context, page, info } = await links( 'bn' );
		expect( info.href ).toBe( `/index.php/m:${ STATEMENT }/bn` );
		expect( info.text ).toBe( 'বিবৃতিটি পড়ুন' );
		expect( info.meta ).toBe( ` (বাংলা, ${ complete( 'bn' ) }% অনূদিত)` );
		expect( info.original ).toEqual( { text: 'মূল লেখাটি পড়ুন (English)', href: `/index.php/m:${ STATEMENT }` } );
		expect( info.dismiss ).toContain( 'চীনা ভাষার প্রকল্পে অফিস অ্যাকশন' );
		// The links reach the real pages through the m: interwiki prefix.
		await Promise.all( [ page.waitForNavigation(), page.click( '.oan-statement-link' ) ] );
		expect( await page.evaluate( () => ( window as any ).mw.config.get( 'wgPageName' ) ) ).toBe( `${ STATEMENT }/bn` );
		await page.goBack();
		await Promise.all( [ page.waitForNavigation(), page.click( '.oan-statement-original' ) ] );
		expect( await page.evaluate( () => ( window as any ).mw.config.get( 'wgPageName' ) ) ).toBe( STATEMENT );
		await context.close();
	} );

	it( 'uselang=qqx shows message keys', async () => {
		const { context, info } = await links( 'qqx' );
		expect( info.text ).toBe( '(oan-statement-read)' );
		await context.close();
	} );
} );

describe( 'affected accounts', () => {
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	async function status( title: string, query: Record<string, string> = {} ) {
		const { context, page, errors } = await open( browser );
		const apiRequests: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.url().includes( '/api.php' ) ) {
				apiRequests.push( r.url() );
			}
		} );
		await visit( page, title, query );
		const info = await page.evaluate( () => {
			const box = document.querySelector( '.oan-account' );
			return box ? {
				role: box.getAttribute( 'role' ),
				label: box.getAttribute( 'aria-label' ),
				actions: [ ...box.querySelectorAll( '[data-oan-action]' ) ].map( ( i ) => i.getAttribute( 'data-oan-action' ) ),
				text: box.querySelector( '.oan-account-status' )!.textContent,
				note: box.querySelector( '.oan-account-note' )?.textContent ?? null,
				link: decodeURIComponent( box.querySelector( '.oan-statement-link' )!.getAttribute( 'href' )! ),
				beforeContent: box.nextElementSibling?.id === 'mw-content-text',
				live: box.querySelector( '.oan-account-live' )?.textContent
			} : null;
		} );
		await context.close();
		expect( errors ).toEqual( [] );
		// The live check is the page's one API request: for the box, and, where CentralAuth can
		// say whether the global account is locked (every wiki of the farm), for any account.
		expect( apiRequests ).toHaveLength( 1 );
		expect( apiRequests[ 0 ] ).toContain( 'meta=globaluserinfo' );
		return info;
	}

	it.each( [
		[ 'User:Example_banned_user_1' ],
		[ 'User_talk:Example_banned_user_1' ],
		[ 'User:Example_banned_user_1/Sandbox' ],
		[ 'Special:Contributions/Example_banned_user_1' ],
		[ 'User:Example banned user 1' ]
	] )( 'a banned account: %s', async ( title ) => {
		expect( await status( title ) ).toEqual( {
			role: 'note',
			label: 'Office action status of this account',
			actions: [ 'banned' ],
			text: 'This account was banned by a Wikimedia Foundation office action on September 13, 2021.',
			note: null,
			link: `/index.php/m:${ STATEMENT }`,
			beforeContent: true,
			live: expect.stringMatching( /^Groups now: none\. Blocked now \(expires: infinit[ey]\)\. The global account is locked\. Edits: 0\. Registered: / )
		} );
	} );

	it( 'a desysopped account, in Chinese', async () => {
		const info = await status( 'Special:Contributions/Example_desysopped_admin_2', { uselang: 'zh-hans' } );
		expect( info?.actions ).toEqual( [ 'desysopped' ] );
		expect( info?.text ).toMatch( /^此账户的管理员权限已于2021年9月13日被维基媒体基金会办公室行动移除。$/ );
		expect( info?.link ).toBe( `/index.php/m:${ STATEMENT }/zh` );
	} );

	it( '玄客 reads as restored, never as banned', async () => {
		for ( const title of [ 'User:玄客', 'Special:Contributions/玄客', 'User_talk:玄客' ] ) {
			const info = await status( title );
			expect( info?.actions ).toEqual( [ 'restored' ] );
			expect( info?.text ).toBe( 'An office action against this account was reversed on September 16, 2021: the account is restored.' );
			expect( info?.note ).toMatch( /wrongly taken for a sock/ );
			expect( info?.text ).not.toMatch( /banned/ );
		}
	} );

	it( 'an unaffected account gets no box', async () => {
		expect( await status( 'User:Unaffected_editor' ) ).toBeNull();
		expect( await status( 'Special:Contributions/Unaffected_editor' ) ).toBeNull();
	} );
} );
