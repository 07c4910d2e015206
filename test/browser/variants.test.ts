// The Chinese-language wiki as its readers use it: LanguageConverter variants (by URL, by
// Accept-Language, by a logged-in reader's preference), and temporary accounts for anonymous
// editors. Everything runs on the local zhwiki-like wiki, with the gadget installed there by the
// deploy command; the statement lives on the English wiki, which m: points at.
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, DATA_PAGE, hideCookie, launch, loginState, newAccount, open, readPageText, reloadAndWait, savePageText, url, visit, wiki, zhWiki } from './helpers';

const MAIN = '首页';
const STATEMENT = 'Office_actions/September_2021_statement';
const TRADITIONAL = [ 'zh-tw', 'zh-hk', 'zh-mo', 'zh-hant' ];
const SIMPLIFIED = [ 'zh-cn', 'zh-sg', 'zh-my', 'zh-hans' ];
/** MediaWiki's BCP 47 tag of each variant, as meta=languageinfo gives it. */
const LOCALE: Record<string, string> = {
	'zh-tw': 'zh-Hant-TW', 'zh-hk': 'zh-Hant-HK', 'zh-mo': 'zh-Hant-MO', 'zh-hant': 'zh-Hant',
	'zh-cn': 'zh-Hans-CN', 'zh-sg': 'zh-Hans-SG', 'zh-my': 'zh-Hans-MY', 'zh-hans': 'zh-Hans'
};

function readData(): Promise<any> {
	return readPageText( DATA_PAGE, zhWiki ).then( ( text ) => JSON.parse( text! ) );
}

function writeData( data: unknown ): Promise<void> {
	return savePageText( DATA_PAGE, JSON.stringify( data, null, '\t' ), {}, zhWiki );
}

/** What the reader sees of the notice, and what MediaWiki says about the page view. */
function noticeView( page: Page ) {
	return page.evaluate( () => {
		const box = document.querySelector<HTMLElement>( '.oan-notice' );
		const w = window as any;
		return {
			userLanguage: w.mw.config.get( 'wgUserLanguage' ),
			variant: w.mw.config.get( 'wgUserVariant' ),
			title: box?.querySelector( '.oan-notice-title strong' )?.textContent || null,
			titleLang: box?.querySelector( '.oan-notice-title strong' )?.getAttribute( 'lang' ) || null,
			date: box?.querySelector( '.oan-notice-date' )?.textContent || null,
			more: box?.querySelector( '.oan-notice-toggle' )?.textContent || null,
			read: box?.querySelector( '.oan-statement-link' )?.textContent || null,
			link: box?.querySelector<HTMLAnchorElement>( '.oan-statement-link' )?.href || null,
			summary: box?.querySelector( '.oan-notice-summary' )?.textContent || null
		};
	} );
}

/** The date as this browser's Intl formats it in the given locale. */
function dateIn( page: Page, locale: string, iso: string ): Promise<string> {
	return page.evaluate( ( [ l, d ] ) => new Intl.DateTimeFormat( l, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ).format( Date.parse( d ) ), [ locale, iso ] );
}

/** Where the notice on the zh wiki links a statement version: m: through the wiki's article path. */
function statementHref( language: string ): string {
	return `${ zhWiki.server }/index.php/m:${ STATEMENT }/${ language }`;
}

describe( 'the Chinese-language wiki', () => {
	let browser: Browser;
	let original: any;
	beforeAll( async () => {
		browser = await launch();
		original = await readData();
	} );
	afterAll( async () => {
		await writeData( original );
		await browser.close();
	} );

	it( 'is set up like zhwiki: content language zh with its variants, temporary accounts, m: at the statement\'s wiki, the gadget deployed', async () => {
		const client = await apiClient( zhWiki );
		const general = ( await client.request( { action: 'query', meta: 'siteinfo', siprop: 'general', formatversion: 2 } ) as any ).query.general;
		expect( general.lang ).toBe( 'zh' );
		expect( general.variants.map( ( v: { code: string } ) => v.code ).sort() ).toEqual( [ 'zh', ...TRADITIONAL, ...SIMPLIFIED ].sort() );
		expect( zhWiki.deployLog ).toMatch( /created\s+MediaWiki:Gadget-office-action-notice\.js/ );
		// The languages page deploy wrote from the wiki's own meta=languageinfo.
		const languages = JSON.parse( ( await readPageText( 'MediaWiki:Gadget-office-action-notice-languages.json', zhWiki ) )! );
		expect( languages.variants[ 'zh-hk' ] ).toEqual( { bcp47: 'zh-Hant-HK', fallbacks: [ 'zh-hant', 'zh-tw', 'zh', 'zh-hans' ] } );
		expect( Object.keys( languages.variants ) ).toHaveLength( 9 );
		// With MediaWiki's names of the statement's languages, so readers' pages need no Intl for them.
		expect( languages.autonyms ).toEqual( { bn: 'বাংলা', en: 'English', zh: '中文' } );
		// The English wiki has no variants: its languages page has only the names.
		expect( JSON.parse( ( await readPageText( 'MediaWiki:Gadget-office-action-notice-languages.json' ) )! ) ).toEqual( { variants: {}, autonyms: { bn: 'বাংলা', en: 'English', zh: '中文' } } );
		const { context, page, errors } = await open( browser );
		await visit( page, MAIN, {}, zhWiki );
		expect( await page.evaluate( () => ( window as any ).mw.config.get( 'wgContentLanguage' ) ) ).toBe( 'zh' );
		// A main page and the affected accounts' user pages exist.
		expect( await page.locator( '#mw-content-text' ).textContent() ).toContain( '中文演示维基' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	for ( const variant of [ ...TRADITIONAL, ...SIMPLIFIED ] ) {
		it( `follows ?variant=${ variant } for an anonymous reader: texts, messages, date and link`, async () => {
			const traditional = TRADITIONAL.includes( variant );
			const { context, page, errors } = await open( browser );
			await visit( page, MAIN, { variant }, zhWiki );
			const view = await noticeView( page );
			expect( view.variant ).toBe( variant );
			expect( view.title ).toBe( original.notices[ 0 ].title[ traditional ? 'zh-hant' : 'zh-hans' ] );
			expect( view.summary ).toBe( original.notices[ 0 ].summary[ traditional ? 'zh-hant' : 'zh-hans' ] );
			expect( view.more ).toBe( traditional ? '詳情' : '详情' );
			expect( view.read ).toBe( traditional ? '閱讀聲明' : '阅读声明' );
			expect( view.date ).toBe( `${ traditional ? '發布於' : '发布于' }${ await dateIn( page, LOCALE[ variant ], '2021-09-13' ) }` );
			expect( view.link ).toBe( statementHref( 'zh' ) );
			// The page around it reads the same way: MediaWiki converted the heading.
			expect( await page.textContent( '#firstHeading' ) ).toBe( traditional ? '首頁' : '首页' );
			expect( errors ).toEqual( [] );
			await context.close();
		} );
	}

	it( 'shows the collapsed notice without one call into Intl (its first call on a page costs 15 to 35 ms) for English and Chinese readers', async () => {
		// A fresh context for each view: the module arrives from load.php, not from mw.loader's store.
		const probed = async () => {
			const opened = await open( browser );
			await opened.context.addInitScript( () => {
				// Every way into the browser's ICU: the Intl constructors and the locale methods. A call
				// counts when the gadget's module is on the stack.
				const w = window as any;
				w.oanIntlCalls = [];
				const mine = ( name: string ): void => {
					if ( /office-action-notice/.test( String( new Error().stack ) ) ) {
						w.oanIntlCalls.push( name );
					}
				};
				for ( const name of Object.getOwnPropertyNames( Intl ) ) {
					const real = ( Intl as any )[ name ];
					if ( typeof real === 'function' ) {
						( Intl as any )[ name ] = new Proxy( real, {
							construct: ( target, args ) => {
								mine( name );
								return Reflect.construct( target, args );
							},
							apply: ( target, self, args ) => {
								mine( name );
								return Reflect.apply( target, self, args );
							}
						} );
					}
				}
				for ( const [ proto, names ] of [ [ Date.prototype, [ 'toLocaleDateString', 'toLocaleString', 'toLocaleTimeString' ] ], [ Number.prototype, [ 'toLocaleString' ] ], [ String.prototype, [ 'localeCompare' ] ] ] as const ) {
					for ( const name of names ) {
						const real = ( proto as any )[ name ];
						( proto as any )[ name ] = function ( this: unknown, ...args: unknown[] ) {
							mine( name );
							return real.apply( this, args );
						};
					}
				}
			} );
			return opened;
		};
		const views: [ Record<string, string>, typeof wiki, string ][] = [
			[ {}, wiki, 'en' ], [ { variant: 'zh-hk' }, zhWiki, 'zh-Hant-HK' ], [ { variant: 'zh-cn' }, zhWiki, 'zh-Hans-CN' ]
		];
		for ( const [ query, target, locale ] of views ) {
			const { context, page, errors } = await probed();
			await visit( page, target === wiki ? 'Main_Page' : MAIN, query, target );
			const calls = await page.evaluate( () => ( window as any ).oanIntlCalls );
			const view = await noticeView( page );
			const meta = await page.textContent( '.oan-statement-main' );
			expect( { query, calls } ).toEqual( { query, calls: [] } );
			// The same date Intl writes, and MediaWiki's name of the statement's language.
			expect( view.date ).toContain( await dateIn( page, locale, '2021-09-13' ) );
			expect( meta ).toMatch( target === wiki ? /English/ : /中文/ );
			expect( errors ).toEqual( [] );
			await context.close();
		}
		// The probe works: a Bengali reader's date is Intl's.
		const { context, page } = await probed();
		await visit( page, 'Main_Page', { uselang: 'bn' } );
		expect( ( await page.evaluate( () => ( window as any ).oanIntlCalls ) ).length ).toBeGreaterThan( 0 );
		await context.close();
	} );

	it( 'prefers the region code the data has over the script code, and the script code over zh, for texts and the statement link', async () => {
		const regional = JSON.parse( JSON.stringify( original ) );
		regional.notices[ 0 ].title = { en: 'EN', zh: 'ZH', 'zh-hans': 'HANS', 'zh-hant': 'HANT', 'zh-hk': 'HK', 'zh-tw': 'TW' };
		regional.notices[ 0 ].statement.translations = [ { language: 'zh-hant', complete: 100 }, { language: 'zh-hans', complete: 100 }, { language: 'zh-hk', complete: 40 } ];
		await writeData( regional );
		try {
			const expected: Record<string, [ string, string ]> = {
				'zh-hk': [ 'HK', 'zh-hk' ], 'zh-tw': [ 'TW', 'zh-hant' ], 'zh-mo': [ 'HK', 'zh-hk' ], 'zh-hant': [ 'HANT', 'zh-hant' ],
				'zh-cn': [ 'HANS', 'zh-hans' ], 'zh-sg': [ 'HANS', 'zh-hans' ], 'zh-my': [ 'HANS', 'zh-hans' ], 'zh-hans': [ 'HANS', 'zh-hans' ]
			};
			const { context, page, errors } = await open( browser );
			for ( const [ variant, [ title, statement ] ] of Object.entries( expected ) ) {
				await visit( page, MAIN, { variant }, zhWiki );
				const view = await noticeView( page );
				expect( { variant, title: view.title, link: view.link } ).toEqual( { variant, title, link: statementHref( statement ) } );
			}
			// zh-hk's translation is partial: the reader is offered the original beside it.
			await visit( page, MAIN, { variant: 'zh-hk' }, zhWiki );
			expect( await page.textContent( '.oan-statement-main' ) ).toContain( '40%' );
			expect( await page.locator( '.oan-statement-original' ).getAttribute( 'href' ) ).toContain( `m:${ STATEMENT }` );
			expect( errors ).toEqual( [] );
			await context.close();
		} finally {
			await writeData( original );
		}
	} );

	it( 'follows Accept-Language when the URL names no variant', async () => {
		for ( const [ header, variant, title ] of [
			[ 'zh-TW,zh;q=0.9', 'zh-tw', original.notices[ 0 ].title[ 'zh-hant' ] ],
			[ 'zh-CN,zh;q=0.9', 'zh-cn', original.notices[ 0 ].title[ 'zh-hans' ] ],
			[ 'zh-HK', 'zh-hk', original.notices[ 0 ].title[ 'zh-hant' ] ]
		] ) {
			const { context, page, errors } = await open( browser, { extraHTTPHeaders: { 'Accept-Language': header } } );
			await visit( page, MAIN, {}, zhWiki );
			const view = await noticeView( page );
			expect( { header, variant: view.variant, title: view.title } ).toEqual( { header, variant, title } );
			expect( view.date ).toContain( await dateIn( page, LOCALE[ variant ], '2021-09-13' ) );
			expect( errors ).toEqual( [] );
			await context.close();
		}
	} );

	it( 'falls back along the chain for an unknown variant in the URL: never an empty notice, never an exception', async () => {
		for ( const variant of [ 'xx-yy', 'zh-xx', '<script>' ] ) {
			const { context, page, errors } = await open( browser );
			await visit( page, MAIN, { variant }, zhWiki );
			const view = await noticeView( page );
			// MediaWiki takes no unknown variant: the page stays in plain zh, whose chain leads to zh-hans.
			expect( { variant, title: view.title } ).toEqual( { variant, title: original.notices[ 0 ].title[ 'zh-hans' ] } );
			expect( errors ).toEqual( [] );
			await context.close();
		}
	} );

	it( 'follows a logged-in reader\'s variant preference when their interface language is plain zh', async () => {
		const state = await newAccount( browser, 'Variant reader', zhWiki );
		const { context, page, errors } = await open( browser, { storageState: state } );
		for ( const [ variant, traditional ] of [ [ 'zh-hk', true ], [ 'zh-cn', false ] ] as const ) {
			await visit( page, MAIN, {}, zhWiki );
			await page.evaluate( ( v ) => ( window as any ).mw.loader.using( 'mediawiki.api' ).then( () => new ( window as any ).mw.Api().saveOption( 'variant', v ) ), variant );
			await reloadAndWait( page );
			const view = await noticeView( page );
			expect( { userLanguage: view.userLanguage, variant: view.variant } ).toEqual( { userLanguage: 'zh', variant } );
			expect( view.title ).toBe( original.notices[ 0 ].title[ traditional ? 'zh-hant' : 'zh-hans' ] );
			// The interface is plain zh: the text in another code is marked with its language.
			expect( view.titleLang ).toBe( traditional ? 'zh-hant' : 'zh-hans' );
			expect( view.more ).toBe( traditional ? '詳情' : '详情' );
			expect( view.date ).toBe( `${ traditional ? '發布於' : '发布于' }${ await dateIn( page, LOCALE[ variant ], '2021-09-13' ) }` );
			expect( await page.textContent( '#firstHeading' ) ).toBe( traditional ? '首頁' : '首页' );
		}
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows the account status and the Special:UserRights warning in the reader\'s variant', async () => {
		const admin = await loginState( browser, zhWiki.admin.user, zhWiki.admin.password, zhWiki );
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await visit( page, 'Special:UserRights/Example_banned_user_1', {}, zhWiki );
		await page.waitForSelector( '#oan-ur-warning .oan-ur-live:not(:empty)' );
		expect( await page.textContent( '#oan-ur-warning .oan-ur-status' ) ).toBe( `Example banned user 1已于${ await dateIn( page, 'zh', '2021-09-13' ) }被维基媒体基金会办公室行动封禁。` );
		await context.close();

		const reader = await open( browser );
		await visit( reader.page, 'User:玄客', { variant: 'zh-tw' }, zhWiki );
		await reader.page.waitForSelector( '.oan-account' );
		expect( await reader.page.textContent( '.oan-account .oan-account-status' ) ).toBe( `針對此帳號的辦公室行動已於${ await dateIn( reader.page, 'zh-Hant-TW', '2021-09-16' ) }撤銷，帳號已恢復。` );
		expect( await reader.page.textContent( '.oan-account .oan-account-note' ) ).toBe( original.notices[ 0 ].accounts[ 4 ].note[ 'zh-hant' ] );
		expect( [ ...errors, ...reader.errors ] ).toEqual( [] );
		await reader.context.close();
	} );

	it( 'links the statement to its translation on the statement\'s wiki', async () => {
		const { context, page, errors } = await open( browser );
		await visit( page, MAIN, { variant: 'zh-tw' }, zhWiki );
		await Promise.all( [ page.waitForNavigation(), page.click( '.oan-notice .oan-statement-link' ) ] );
		expect( page.url() ).toBe( `${ wiki.server }/index.php?title=${ STATEMENT }/zh` );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'temporary accounts on the Chinese-language wiki', () => {
	let browser: Browser;
	let original: any;
	let temp: BrowserContextOptions[ 'storageState' ];
	let tempName: string;
	beforeAll( async () => {
		browser = await launch();
		original = await readData();
		// Two notices: one for anonymous editors, one for named accounts.
		const targeted = JSON.parse( JSON.stringify( original ) );
		const named = JSON.parse( JSON.stringify( targeted.notices[ 0 ] ) );
		targeted.notices[ 0 ].target = { users: 'anonymous' };
		named.id = 'named-accounts-only';
		named.target = { users: 'loggedin' };
		named.title = { en: 'For named accounts', zh: '仅限注册账户' };
		targeted.notices.push( named );
		await writeData( targeted );
		// An anonymous reader edits a page: MediaWiki makes a temporary account and logs it in.
		const { context, page } = await open( browser );
		await page.goto( url( '沙盒', { action: 'edit' }, zhWiki ) );
		await page.fill( '#wpTextbox1', '临时账户的测试编辑。' );
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpSave' ) ] );
		temp = await context.storageState();
		tempName = await page.evaluate( () => ( window as any ).mw.config.get( 'wgUserName' ) );
		await context.close();
	} );
	afterAll( async () => {
		await writeData( original );
		await browser.close();
	} );

	it( 'is made by an anonymous edit, as on Wikimedia wikis', async () => {
		expect( tempName ).toMatch( /^~\d{4}-\d+/ );
		const { context, page, errors } = await open( browser, { storageState: temp } );
		await visit( page, MAIN, {}, zhWiki );
		expect( await page.evaluate( () => {
			const user = ( window as any ).mw.user;
			return { temp: user.isTemp(), named: user.isNamed() };
		} ) ).toEqual( { temp: true, named: false } );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'counts as an anonymous editor for targeting, never as logged in', async () => {
		const expected: [ string, BrowserContextOptions[ 'storageState' ] | undefined, string[] ][] = [
			[ 'temporary account', temp, [ original.notices[ 0 ].id ] ],
			[ 'anonymous reader', undefined, [ original.notices[ 0 ].id ] ],
			[ 'named account', await loginState( browser, zhWiki.admin.user, zhWiki.admin.password, zhWiki ), [ 'named-accounts-only' ] ]
		];
		for ( const [ who, storageState, ids ] of expected ) {
			const { context, page, errors } = await open( browser, storageState ? { storageState } : {} );
			await visit( page, MAIN, {}, zhWiki );
			const shown = await page.evaluate( () => [ ...document.querySelectorAll( '.oan-notice' ) ].map( ( b ) => b.getAttribute( 'data-oan-id' ) ) );
			expect( { who, shown } ).toEqual( { who, shown: ids } );
			expect( errors ).toEqual( [] );
			await context.close();
		}
	} );

	it( 'keeps a dismissal in storage over reloads, and never writes a preference', async () => {
		const { context, page, errors } = await open( browser, { storageState: temp } );
		const writes: string[] = [];
		page.on( 'request', ( r ) => {
			const body = r.postData() || '';
			if ( /action=options/.test( r.url() + body ) || ( r.method() === 'POST' && /api\.php/.test( r.url() ) ) ) {
				writes.push( `${ r.method() } ${ r.url() } ${ body }` );
			}
		} );
		await visit( page, MAIN, {}, zhWiki );
		await page.click( '.oan-notice-dismiss' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		await page.waitForTimeout( 500 );
		for ( let i = 0; i < 2; i++ ) {
			await reloadAndWait( page );
			expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
			expect( await page.textContent( '.oan-minimised-label' ) ).toContain( original.notices[ 0 ].title[ 'zh-hans' ] );
		}
		expect( await hideCookie( page ) ).toBe( `v1~${ original.notices[ 0 ].id }.${ original.notices[ 0 ].revision }` );
		expect( writes ).toEqual( [] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'never matches an affected account on its own pages or on Special:UserRights, and breaks nothing there', async () => {
		const { context, page, errors } = await open( browser, { storageState: temp } );
		for ( const title of [ `User:${ tempName }`, `User_talk:${ tempName }`, `Special:Contributions/${ tempName }` ] ) {
			await visit( page, title, {}, zhWiki );
			expect( { title, boxes: await page.locator( '.oan-account' ).count() } ).toEqual( { title, boxes: 0 } );
		}
		const admin = await open( browser, { storageState: await loginState( browser, zhWiki.admin.user, zhWiki.admin.password, zhWiki ) } );
		await visit( admin.page, `Special:UserRights/${ tempName }`, {}, zhWiki );
		await admin.page.waitForTimeout( 500 );
		expect( await admin.page.locator( '#oan-ur-warning' ).count() ).toBe( 0 );
		// Ticking a restricted group still gets its note: the form works as for anyone.
		if ( await admin.page.locator( '#wpGroup-checkuser' ).count() ) {
			await admin.page.check( '#wpGroup-checkuser' );
			expect( await admin.page.locator( '.oan-ur-group-note' ).count() ).toBeGreaterThan( 0 );
		}
		expect( [ ...errors, ...admin.errors ] ).toEqual( [] );
		await context.close();
		await admin.context.close();
	} );
} );
