// Hardening: accessibility (axe-core inside Chromium), storage and loading oddities, malformed
// data, right-to-left and night mode. Each suite prints how many cases it tried and failed.
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_FAULTS, axe, DATA_PAGE, dismissedCookie, hideCookie, launch, loginState, noticeGeometry, open, readPageText, reloadAndWait, reportCases, savePageText, tabTo, url, visit, wiki, withoutGadget } from './helpers';

describe( 'accessibility', () => {
	let browser: Browser;
	let bureaucrat: BrowserContextOptions[ 'storageState' ];
	beforeAll( async () => {
		browser = await launch();
		bureaucrat = await loginState( browser, wiki.admin.user, wiki.admin.password );
	} );
	afterAll( () => browser.close() );

	const night = ( page: Page ) => page.evaluate( () => document.documentElement.classList.replace( 'skin-theme-clientpref-day', 'skin-theme-clientpref-night' ) ).then( () => undefined );
	const cases: {
		name: string; title: string; selector: string; query?: Record<string, string>; login?: boolean; dismissed?: boolean; setup?: ( page: Page ) => Promise<void>;
	}[] = [
		{ name: 'the banner', title: 'Main_Page', selector: '.oan-notices' },
		{ name: 'the banner, expanded, in Bengali', title: 'Main_Page', selector: '.oan-notices', query: { uselang: 'bn' }, setup: ( page ) => page.click( '.oan-notice-toggle' ) },
		{ name: 'the banner in night mode', title: 'Main_Page', selector: '.oan-notices', query: { useskin: 'vector-2022' }, setup: night },
		{ name: 'the hidden notice\'s bar', title: 'Main_Page', selector: '.oan-notices', dismissed: true },
		{ name: 'the hidden notice\'s bar in night mode', title: 'Main_Page', selector: '.oan-notices', query: { useskin: 'vector-2022' }, dismissed: true, setup: night },
		{ name: 'a named reader\'s bar, with the way to the preferences, right-to-left on a phone', title: 'Main_Page', selector: '.oan-notices', query: { useskin: 'minerva', uselang: 'he' }, login: true, dismissed: true },
		{ name: 'the account status box', title: 'User:Example_banned_user_1', selector: '.oan-account' },
		{ name: 'the UserRights warning with a group note and the acknowledgement', title: 'Special:UserRights/Example_desysopped_admin_2', selector: '#oan-ur-warning', login: true, setup: ( page ) => page.check( '#wpGroup-sysop' ) }
	];
	for ( const c of cases ) {
		it( `axe finds no serious or critical violation in ${ c.name }`, async () => {
			const { context, page } = await open( browser, c.login ? { storageState: bureaucrat } : {} );
			if ( c.dismissed ) {
				await context.addCookies( [ dismissedCookie( 99 ) ] );
			}
			await visit( page, c.title, c.query || {} );
			if ( c.dismissed ) {
				expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
			}
			if ( c.setup ) {
				await c.setup( page );
			}
			const violations = await axe( page, c.selector );
			const serious = violations.filter( ( v: any ) => v.impact === 'serious' || v.impact === 'critical' );
			process.stdout.write( `axe, ${ c.name }: ${ violations.length } violations, ${ serious.length } serious or critical${ violations.length ? ` (${ violations.map( ( v: any ) => `${ v.id }/${ v.impact }` ).join( ', ' ) })` : '' }\n` );
			expect( serious ).toEqual( [] );
			if ( c.title.startsWith( 'Special:UserRights' ) ) {
				const group = await axe( page, '#oan-ur-note-sysop' );
				expect( group.filter( ( v: any ) => v.impact === 'serious' || v.impact === 'critical' ) ).toEqual( [] );
			}
			await context.close();
		} );
	}

	it( 'lets the keyboard open the details and reach every link in them', async () => {
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page' );
		expect( await tabTo( page, '.oan-notice-toggle' ) ).toBe( true );
		await page.keyboard.press( 'Enter' );
		expect( await page.getAttribute( '.oan-notice-toggle', 'aria-expanded' ) ).toBe( 'true' );
		// Every link of the expanded notice is on screen and focusable in turn.
		const links = await page.locator( '.oan-notice a' ).count();
		let reached = 0;
		for ( let i = 0; i < links + 2; i++ ) {
			await page.keyboard.press( 'Tab' );
			const visibleLink = await page.evaluate( () => {
				const a = document.activeElement as HTMLElement;
				const r = a.getBoundingClientRect();
				return !!a.closest( '.oan-notice' ) && a.tagName === 'A' && r.height > 0 && r.bottom <= a.closest( '.oan-notice' )!.getBoundingClientRect().bottom;
			} );
			reached += visibleLink ? 1 : 0;
		}
		expect( reached ).toBe( links - 1 );
		await context.close();
	} );

	it( 'gives screen readers a named region and a named dismiss button, and a status role to the account box', async () => {
		const { context, page } = await open( browser );
		await visit( page, 'Main_Page' );
		const tree = await page.locator( '.oan-notices' ).ariaSnapshot();
		expect( tree ).toContain( 'region "Office action on Chinese-language projects (September 2021)"' );
		expect( tree ).toContain( 'button "Dismiss the notice \\"Office action on Chinese-language projects (September 2021)\\""' );
		expect( tree ).toContain( 'button "Details"' );
		await context.close();
	} );
} );

describe( 'storage, cookies and loading', () => {
	let browser: Browser;
	reportCases( 'storage and loading' );
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	it( 'works with cookies off: the dismissal lasts for the page view', async () => {
		const { context, page, errors } = await open( browser );
		await context.addInitScript( () => {
			Object.defineProperty( document, 'cookie', { get: () => '', set: () => true } );
		} );
		await visit( page, 'Main_Page' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		await page.click( '.oan-notice-dismiss' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await page.locator( '.oan-minimised' ).count() ).toBe( 1 );
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'works with localStorage full: the dismissal is kept all the same, in its cookie', async () => {
		const { context, page, errors } = await open( browser );
		await visit( page, 'Main_Page' );
		const filled = await page.evaluate( () => {
			// Fill in ever smaller pieces until not one more character fits.
			let i = 0;
			for ( const size of [ 65536, 4096, 256, 16, 1 ] ) {
				const chunk = 'x'.repeat( size );
				try {
					for ( ; i < 100000; i++ ) {
						localStorage.setItem( `f${ i }`, chunk );
					}
				} catch {
					// Full at this size: go on with smaller pieces.
				}
			}
			return i;
		} );
		expect( filled ).toBeGreaterThan( 0 );
		await page.click( '.oan-notice-dismiss' );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		await reloadAndWait( page );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( await hideCookie( page ) ).toBe( 'v1~office-action-2021-09.2' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'does nothing twice when its code runs a second time, or the module is asked for again', async () => {
		const { context, page, errors } = await open( browser );
		// Enabled by default and asked for again in the URL.
		await visit( page, 'Main_Page', { withgadget: 'office-action-notice' } );
		await page.evaluate( () => new Promise<void>( ( resolve ) => {
			const w = window as any;
			w.mw.loader.load( 'ext.gadget.office-action-notice' );
			const s = document.createElement( 'script' );
			s.src = `${ w.mw.config.get( 'wgScript' ) }?title=MediaWiki:Gadget-office-action-notice.js&action=raw&ctype=text/javascript`;
			s.onload = () => resolve();
			document.head.appendChild( s );
		} ) );
		await page.waitForTimeout( 500 );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		expect( await page.evaluate( () => ( window as any ).oanReadyCount ) ).toBe( 1 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'runs when loaded late, after the page has settled, and hook consumers get it once', async () => {
		const { context, page, errors } = await open( browser );
		await withoutGadget( page );
		await page.goto( url( 'Main_Page' ) );
		await page.waitForLoadState( 'load' );
		await page.waitForTimeout( 500 );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		const got = await page.evaluate( () => new Promise<number>( ( resolve ) => {
			const w = window as any;
			w.mw.loader.using( 'ext.gadget.office-action-notice' ).then( () => {
				let calls = 0;
				// A consumer that subscribes after the fact still gets the data, once; one that throws breaks nothing.
				w.mw.hook( 'officeActionNotice.ready' ).add( () => {
					throw new Error( 'a careless consumer' );
				} );
				w.mw.hook( 'officeActionNotice.ready' ).add( ( api: any ) => {
					calls += api && api.shown.length === 1 ? 1 : 100;
				} );
				setTimeout( () => resolve( calls ), 300 );
			} );
		} ) );
		expect( got ).toBe( 1 );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 1 );
		// Its stylesheet travels with the styles peer, which a late load does not bring: the script fetches it.
		await expect.poll( () => page.locator( '.oan-notice' ).evaluate( ( el ) => {
			const style = getComputedStyle( el );
			return `${ style.display } ${ style.borderTopStyle }`;
		} ) ).toBe( 'flex solid' );
		expect( await page.evaluate( () => ( window as any ).mw.loader.getState( 'ext.gadget.office-action-notice-reserve' ) ) ).toBe( 'ready' );
		expect( errors.filter( ( e ) => e.startsWith( 'pageerror' ) && !/careless consumer/.test( e ) ) ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'the account page\'s live check failing', () => {
	let browser: Browser;
	reportCases( 'account page API faults' );
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	it.each( API_FAULTS )( 'still shows the status from the data after %s, and says the live check could not be made', async ( _name, setup ) => {
		const { context, page, errors } = await open( browser );
		await setup( page );
		await visit( page, 'User:Example_banned_user_1' );
		expect( await page.textContent( '.oan-account-status' ) ).toBe( 'This account was banned by a Wikimedia Foundation office action on September 13, 2021.' );
		expect( await page.textContent( '.oan-account-live' ) ).toBe( 'The live check of this account could not be made; this warning uses the notices data only.' );
		expect( errors.filter( ( e ) => e.startsWith( 'pageerror' ) ) ).toEqual( [] );
		expect( await page.evaluate( () => ( window as any ).oanOnError ) ).toBe( 0 );
		await context.close();
	} );
} );

describe( 'malformed notices data', () => {
	let browser: Browser;
	let original: string;
	beforeAll( async () => {
		browser = await launch();
		original = ( await readPageText( DATA_PAGE ) )!;
	} );
	afterAll( async () => {
		await savePageText( DATA_PAGE, original, { contentmodel: 'json' } );
		await browser.close();
	} );

	const CASES: [ string, ( d: any ) => unknown, RegExp ][] = [
		[ 'a wrong type', ( d ) => {
			d.notices[ 0 ].updates = 'none';
			return d;
		}, /^\[office-action-notice\] notices\[0\] \("office-action-2021-09"\) skipped: updates is not a list$/ ],
		[ 'an object where text is expected', ( d ) => {
			d.notices[ 0 ].title.en = { text: 'Office action' };
			return d;
		}, /^\[office-action-notice\] notices\[0\] \("office-action-2021-09"\) skipped: title\.en is not a string$/ ],
		[ 'a date that does not parse', ( d ) => {
			d.notices[ 0 ].published = '13/09/2021';
			return d;
		}, /^\[office-action-notice\] notices\[0\] \("office-action-2021-09"\) skipped: published is not a date$/ ],
		[ 'a URL as the statement\'s page', ( d ) => {
			d.notices[ 0 ].statement.page = 'https://evil.example/statement';
			return d;
		}, /^\[office-action-notice\] notices\[0\] \("office-action-2021-09"\) skipped: statement\.page is not a wiki page name$/ ],
		[ 'not an object at all', () => [ 1, 2, 3 ], /notices data must be a JSON object/ ]
	];
	let tried = 0;
	let failed = 0;
	for ( const [ name, change, warning ] of CASES ) {
		it( `warns once and keeps the page working with ${ name }`, async () => {
			tried++;
			await savePageText( DATA_PAGE, JSON.stringify( change( JSON.parse( original ) ) ) );
			const { context, page, errors, warnings } = await open( browser );
			await visit( page, 'Main_Page' );
			const ours = warnings.filter( ( w ) => w.startsWith( '[office-action-notice]' ) );
			const ok = ours.length === 1 && warning.test( ours[ 0 ] ) && errors.length === 0;
			failed += ok ? 0 : 1;
			expect( ours ).toHaveLength( 1 );
			expect( ours[ 0 ] ).toMatch( warning );
			expect( errors ).toEqual( [] );
			expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
			await context.close();
		} );
	}

	it( 'warns once when a revision went backwards, and keeps the reader\'s dismissal', async () => {
		tried++;
		await savePageText( DATA_PAGE, original, { contentmodel: 'json' } );
		const { context, page, errors, warnings } = await open( browser );
		// This reader dismissed revision 5 of the notice; the wiki's data says 2.
		await context.addCookies( [ dismissedCookie( 5 ) ] );
		await visit( page, 'Main_Page' );
		const ours = warnings.filter( ( w ) => w.startsWith( '[office-action-notice]' ) );
		failed += ours.length === 1 && errors.length === 0 ? 0 : 1;
		expect( ours ).toEqual( [ '[office-action-notice] notice "office-action-2021-09": revision 2 is below the 5 dismissed (revisions must only rise); stays dismissed' ] );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'warns once when the page is not JSON at all (its content model changed)', async () => {
		tried++;
		await savePageText( DATA_PAGE, '{"notices": [ broken', { contentmodel: 'text' } );
		const { context, page, errors, warnings } = await open( browser );
		await visit( page, 'Main_Page' );
		const ours = warnings.filter( ( w ) => w.startsWith( '[office-action-notice]' ) );
		failed += ours.length === 1 && errors.length === 0 ? 0 : 1;
		expect( ours ).toHaveLength( 1 );
		expect( errors.filter( ( e ) => e.startsWith( 'pageerror' ) ) ).toEqual( [] );
		expect( await page.locator( '.oan-notice' ).count() ).toBe( 0 );
		await context.close();
		process.stdout.write( `malformed data: ${ tried } cases, ${ failed } failures\n` );
	} );
} );

describe( 'right-to-left, night mode and phones', () => {
	let browser: Browser;
	reportCases( 'right-to-left, night mode and phones' );
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	const CASES: { name: string; query: Record<string, string>; viewport: { width: number; height: number }; mobile: boolean; rtl?: boolean; night?: boolean; os?: boolean; lightSkin?: boolean }[] = [
		{ name: 'Hebrew on Vector 2022', query: { uselang: 'he', useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false, rtl: true },
		{ name: 'Arabic on Minerva, phone', query: { uselang: 'ar', useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true, rtl: true },
		{ name: 'night mode on Vector 2022', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false, night: true },
		{ name: 'the OS dark preference on Vector 2022', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false, night: true, os: true },
		// Minerva has night mode only with MobileFrontend, which this wiki lacks: the page stays light.
		{ name: 'the OS dark preference on Minerva, phone', query: { useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true, night: true, os: true, lightSkin: true },
		{ name: 'Bengali on Timeless, phone', query: { uselang: 'bn', useskin: 'timeless' }, viewport: { width: 360, height: 740 }, mobile: true }
	];
	for ( const c of CASES ) {
		it( `${ c.name }: mirrors or darkens as it should, and nothing overflows the viewport`, async () => {
			const { context, page, errors } = await open( browser, { viewport: c.viewport, isMobile: c.mobile, hasTouch: c.mobile, colorScheme: c.night ? 'dark' : 'light' } );
			if ( c.night ) {
				await context.addCookies( [ { name: `${ wiki.id }mwclientpreferences`, value: c.os ? 'skin-theme-clientpref-os' : 'skin-theme-clientpref-night', url: wiki.server } ] );
			}
			await visit( page, 'Main_Page', c.query );
			const info = await page.evaluate( () => {
				const b = document.querySelector<HTMLElement>( '.oan-notice' )!;
				const button = b.querySelector<HTMLElement>( '.oan-notice-dismiss' )!.getBoundingClientRect();
				const box = b.getBoundingClientRect();
				const lum = ( css: string ) => {
					const [ r, g, bl ] = ( css.match( /\d+(\.\d+)?/g ) || [ '0', '0', '0' ] ).map( Number );
					return ( 0.2126 * r + 0.7152 * g + 0.0722 * bl ) / 255;
				};
				const style = getComputedStyle( b );
				return {
					direction: style.direction,
					buttonAtStart: style.direction === 'rtl' ? button.left - box.left < 60 : box.right - button.right < 60,
					background: lum( style.backgroundColor ),
					pageDark: lum( getComputedStyle( document.body ).backgroundColor ) < 0.35 || ( getComputedStyle( document.body ).backgroundColor === 'rgba(0, 0, 0, 0)' && lum( getComputedStyle( document.documentElement ).backgroundColor ) < 0.35 ),
					text: lum( style.color ),
					overflow: document.documentElement.scrollWidth - window.innerWidth,
					bannerInside: box.left >= 0 && box.right <= window.innerWidth + 0.5
				};
			} );
			expect( info.direction ).toBe( c.rtl ? 'rtl' : 'ltr' );
			expect( info.buttonAtStart ).toBe( true );
			// The banner follows the page: dark on a dark page, light on a light one, text readable.
			expect( info.pageDark ).toBe( !!c.night && !c.lightSkin );
			expect( info.background < 0.35 ).toBe( info.pageDark );
			expect( Math.abs( info.text - info.background ) ).toBeGreaterThan( 0.5 );
			expect( info.overflow ).toBeLessThanOrEqual( 0 );
			expect( info.bannerInside ).toBe( true );
			// The room as on every skin: a line of blank at most, two lines (three on phones), and the
			// bar a dismissal leaves no larger than the notice.
			const collapsed = await noticeGeometry( page );
			await page.click( '.oan-notice-dismiss' );
			const dismissed = await noticeGeometry( page );
			expect( {
				blank: collapsed.blank <= 32, lines: collapsed.lines <= ( c.viewport.width < 640 ? 3 : 2 ), says: collapsed.saysWhatMatters,
				barBlank: dismissed.blank <= 32, bar: dismissed.bar <= collapsed.notice + 0.5, whole: dismissed.barControlsWhole
			}, JSON.stringify( { collapsed, dismissed } ) ).toEqual( { blank: true, lines: true, says: true, barBlank: true, bar: true, whole: true } );
			expect( errors ).toEqual( [] );
			await context.close();
		} );
	}
} );
