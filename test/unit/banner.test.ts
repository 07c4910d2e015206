import { describe, expect, it, vi } from 'vitest';
import { renderBanner, sortUpdates } from '../../src/notice/banner';
import { CookieJar, Dismissals, DISMISS_SECONDS } from '../../src/notice/dismissal';
import { familyDomain, formatHideCookie, parseHideCookie } from '../../src/notice/hideCookie';
import { clone, defaultNotices, deps } from './helpers';

const noop = vi.fn();
/** An anonymous reader (not a named account). */
const ANONYMOUS = false;

describe( 'renderBanner', () => {
	it( 'shows title, date, summary, latest update, statement link and a labelled dismiss button', () => {
		const onDismiss = vi.fn();
		const banner = renderBanner( defaultNotices()[ 0 ], deps(), onDismiss );
		expect( banner.getAttribute( 'role' ) ).toBe( 'region' );
		const labelId = banner.getAttribute( 'aria-labelledby' )!;
		expect( banner.querySelector( `#${ labelId }` )?.textContent ).toBe( 'Office action on Chinese-language projects (September 2021)' );
		expect( banner.querySelector( '.oan-notice-date' )?.textContent ).toBe( 'Published September 13, 2021' );
		expect( banner.querySelector( '.oan-notice-summary' )?.textContent ).toMatch( /^After a long investigation/ );
		expect( banner.querySelector( '.oan-notice-update' )?.textContent ).toBe( 'Updated September 16, 2021: One account, 玄客, had been wrongly identified; its access was restored in full.' );
		// A single update needs no history disclosure.
		expect( banner.querySelector( 'details' ) ).toBeNull();
		const button = banner.querySelector<HTMLButtonElement>( 'button.oan-notice-dismiss' )!;
		expect( button.type ).toBe( 'button' );
		expect( button.getAttribute( 'aria-label' ) ).toBe( 'Dismiss the notice "Office action on Chinese-language projects (September 2021)"' );
		button.click();
		expect( onDismiss ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'puts the rest of the history one click away, newest first', () => {
		const notice = clone( defaultNotices()[ 0 ] );
		notice.updates.push( { date: '2021-09-14', text: { en: 'Earlier' } }, { date: '2021-10-01', text: { en: 'Latest' } } );
		const banner = renderBanner( notice, deps(), noop );
		expect( banner.querySelector( '.oan-notice-update' )?.textContent ).toBe( 'Updated October 1, 2021: Latest' );
		const history = banner.querySelector( '.oan-notice-history' )!;
		const list = history.querySelector( 'ol' )!;
		expect( history.querySelector( `#${ list.getAttribute( 'aria-labelledby' ) }` )?.textContent ).toBe( 'All updates' );
		expect( [ ...list.querySelectorAll( 'li' ) ].map( ( li ) => li.textContent?.split( ':' )[ 0 ] ) ).toEqual( [
			'Updated October 1, 2021', 'Updated September 16, 2021', 'Updated September 14, 2021'
		] );
		const toggle = banner.querySelector<HTMLButtonElement>( '.oan-notice-toggle' )!;
		expect( toggle.getAttribute( 'aria-controls' ) ).toBe( banner.querySelector( '.oan-notice-body' )?.id );
		expect( [ toggle.textContent, toggle.getAttribute( 'aria-expanded' ), banner.classList.contains( 'oan-expanded' ) ] ).toEqual( [ 'Details', 'false', false ] );
		toggle.click();
		expect( [ toggle.textContent, toggle.getAttribute( 'aria-expanded' ), banner.classList.contains( 'oan-expanded' ) ] ).toEqual( [ 'Fewer details', 'true', true ] );
		toggle.click();
		expect( banner.classList.contains( 'oan-expanded' ) ).toBe( false );
	} );

	it( 'expands when a link in it gets keyboard focus, so no focused link is clipped', () => {
		const banner = renderBanner( defaultNotices()[ 0 ], deps(), noop );
		document.body.appendChild( banner );
		banner.querySelector<HTMLAnchorElement>( '.oan-statement-language-list a' )!.focus();
		expect( banner.classList.contains( 'oan-expanded' ) ).toBe( true );
		banner.remove();
	} );

	it( 'marks text that falls back to another language', () => {
		const banner = renderBanner( defaultNotices()[ 0 ], deps( [ 'de', 'en' ] ), noop );
		const title = banner.querySelector<HTMLElement>( '.oan-notice-title strong' )!;
		expect( title.lang ).toBe( 'en' );
		expect( title.dir ).toBe( 'auto' );
	} );

	it( 'inserts hostile text as text', () => {
		const notice = clone( defaultNotices()[ 0 ] );
		notice.title.en = '<img src=x onerror="window.pwned=1">';
		notice.summary.en = '$1 {{SITENAME}} [[Main Page]]';
		const banner = renderBanner( notice, deps(), noop );
		expect( banner.querySelector( 'img' ) ).toBeNull();
		expect( banner.querySelector( '.oan-notice-title strong' )?.textContent ).toBe( notice.title.en );
		expect( banner.querySelector( '.oan-notice-summary' )?.textContent ).toBe( '$1 {{SITENAME}} [[Main Page]]' );
	} );

	it( 'sortUpdates keeps data order for the same day', () => {
		expect( sortUpdates( [ { date: '2021-01-01', n: 1 }, { date: '2021-01-02', n: 2 }, { date: '2021-01-01', n: 3 } ] ).map( ( u ) => u.n ) ).toEqual( [ 2, 1, 3 ] );
	} );
} );

/** A page's cookies as a browser keeps them for one host, and every line written: what Dismissals reads and writes. */
function cookieJar( hostname = 'zh.m.wikipedia.org', protocol = 'https:', enabled = true ) {
	const values: Record<string, string> = {};
	const written: string[] = [];
	return {
		values, written, location: { hostname, protocol },
		get cookie(): string {
			return Object.keys( values ).map( ( k ) => `${ k }=${ values[ k ] }` ).join( '; ' );
		},
		set cookie( line: string ) {
			written.push( line );
			const [ name, value ] = line.split( ';' )[ 0 ].split( '=' );
			if ( !enabled ) {
				return;
			}
			if ( /; max-age=0(;|$)/.test( line ) ) {
				delete values[ name ];
			} else {
				values[ name ] = value;
			}
		}
	};
}

describe( 'Dismissals', () => {
	it( 'keeps the revision a year in one cookie on the family\'s domain; a higher revision shows again', () => {
		const jar = cookieJar();
		const d = new Dismissals( jar, noop );
		expect( d.isDismissed( 'n', 2 ) ).toBe( false );
		expect( d.dismiss( 'n', 2 ) ).toBe( true );
		expect( jar.written ).toEqual( [ `officeActionNoticeHide=v1~n.2; path=/; max-age=${ DISMISS_SECONDS }; samesite=lax; domain=wikipedia.org; secure` ] );
		const later = new Dismissals( jar, noop );
		expect( later.isDismissed( 'n', 2 ) ).toBe( true );
		expect( later.isDismissed( 'n', 3 ) ).toBe( false );
		expect( later.isDismissed( 'other', 1 ) ).toBe( false );
	} );

	it( 'removes the cookie when the reader shows the last dismissed notice again', () => {
		const jar = cookieJar( 'en.wikipedia.test', 'http:' );
		const d = new Dismissals( jar, noop );
		d.dismiss( 'a', 1 );
		d.dismiss( 'b.2', 3 );
		expect( jar.values ).toEqual( { officeActionNoticeHide: 'v1~a.1~b.2.3' } );
		d.restore( 'a' );
		expect( jar.values ).toEqual( { officeActionNoticeHide: 'v1~b.2.3' } );
		d.restore( 'b.2' );
		expect( jar.values ).toEqual( {} );
		expect( jar.written.pop() ).toBe( 'officeActionNoticeHide=v1; path=/; max-age=0; samesite=lax; domain=wikipedia.test' );
	} );

	it( 'lasts for the page view where cookies are off', () => {
		const jar = cookieJar( 'zh.wikipedia.org', 'https:', false );
		const d = new Dismissals( jar, noop );
		expect( d.dismiss( 'n', 1 ) ).toBe( false );
		expect( d.isDismissed( 'n', 1 ) ).toBe( true );
		expect( new Dismissals( jar, noop ).isDismissed( 'n', 1 ) ).toBe( false );
	} );

	it( 'ignores a cookie of another version or written by hand, with one warning, and replaces it only when the reader dismisses', () => {
		for ( const value of [ 'v2~n.1', 'v1~n', 'n=1', 'v1~n.1~n', '%76%31' ] ) {
			const jar = cookieJar();
			jar.values.officeActionNoticeHide = value;
			const warn = vi.fn();
			const d = new Dismissals( jar, warn );
			expect( d.isDismissed( 'n', 1 ), value ).toBe( false );
			expect( warn.mock.calls, value ).toEqual( [ [ 'cookie officeActionNoticeHide is not of this version; ignored' ] ] );
			expect( jar.written ).toEqual( [] );
			d.dismiss( 'n', 1 );
			expect( jar.values.officeActionNoticeHide ).toBe( 'v1~n.1' );
		}
	} );
} );

describe( 'the hide cookie\'s format', () => {
	it( 'reads and writes "v1~<id>.<revision>…", and nothing else', () => {
		expect( parseHideCookie( 'v1' ) ).toEqual( {} );
		expect( parseHideCookie( 'v1~office-action-2021-09.2~b.c_d.10' ) ).toEqual( { 'office-action-2021-09': 2, 'b.c_d': 10 } );
		for ( const other of [ '', 'v2', 'v1~', 'v1~a', 'v1~a.', 'v1~a.1~', 'v1~a b.1', 'x v1~a.1' ] ) {
			expect( parseHideCookie( other ), other ).toBeNull();
		}
		expect( formatHideCookie( { a: 1, 'b.2': 3 } ) ).toBe( 'v1~a.1~b.2.3' );
		expect( formatHideCookie( {} ) ).toBe( 'v1' );
		// An id that could not be read back (not the schema's): nothing is written.
		expect( formatHideCookie( { 'a; domain=evil.example': 1 } ) ).toBeNull();
	} );

	it( 'is set for the family\'s domain, and for the host alone on an IP address', () => {
		expect( familyDomain( 'zh.m.wikipedia.org' ) ).toBe( 'wikipedia.org' );
		expect( familyDomain( 'en.wikipedia.test' ) ).toBe( 'wikipedia.test' );
		expect( familyDomain( 'meta.wikimedia.org' ) ).toBe( 'wikimedia.org' );
		expect( familyDomain( '127.0.0.1' ) ).toBeNull();
		expect( familyDomain( '[::1]' ) ).toBeNull();
	} );
} );

describe( 'a revision that goes backwards', () => {
	it( 'keeps the dismissal and warns once', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const jar = cookieJar();
		jar.values.officeActionNoticeHide = 'v1~office-action-2021-09.5';
		const warn = vi.fn();
		const shown = showBanners( defaultNotices(), deps(), new Dismissals( jar, noop ), warn, ANONYMOUS );
		expect( shown ).toEqual( [] );
		expect( warn ).toHaveBeenCalledTimes( 1 );
		expect( warn.mock.calls[ 0 ][ 0 ] ).toMatch( /revision 2 is below the 5 dismissed/ );
	} );

	it( 'shows a notice whose revision rose past the dismissal, without a warning', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const jar = cookieJar();
		jar.values.officeActionNoticeHide = 'v1~office-action-2021-09.1';
		const warn = vi.fn();
		document.body.innerHTML = '<div id="siteNotice"></div>';
		expect( showBanners( defaultNotices(), deps(), new Dismissals( jar, noop ), warn, ANONYMOUS ) ).toEqual( [ 'office-action-2021-09' ] );
		expect( document.querySelectorAll( '#siteNotice .oan-notice' ) ).toHaveLength( 1 );
		expect( warn ).not.toHaveBeenCalled();
	} );
} );

/** A reader's cookies in which the default notice's revision 2 is dismissed. */
function dismissedStore() {
	const jar = cookieJar();
	jar.values.officeActionNoticeHide = 'v1~office-action-2021-09.2';
	return jar;
}

/** Mounts the default notices on a fresh page for a reader with these cookies. */
async function mountFor( store: CookieJar, named = false ) {
	const { showBanners } = await import( '../../src/notice/mount' );
	document.body.innerHTML = '<div id="siteNotice"></div><h1 id="firstHeading">Page</h1>';
	document.documentElement.classList.remove( 'oan-ready' );
	return showBanners( defaultNotices(), deps(), new Dismissals( store, noop ), noop, named );
}

describe( 'planNotices', () => {
	it( 'splits the notices into shown and dismissed, in data order, and reports a revision that went backwards', async () => {
		const { planNotices } = await import( '../../src/notice/plan' );
		const [ a ] = defaultNotices();
		const b = { ...clone( a ), id: 'b', revision: 3 };
		const c = { ...clone( a ), id: 'c', revision: 1 };
		const dismissed: Record<string, number> = { b: 2, c: 4 };
		const plan = planNotices( [ a, b, c ], ( id ) => dismissed[ id ] || 0 );
		expect( plan.visible.map( ( n ) => n.id ) ).toEqual( [ 'office-action-2021-09', 'b' ] );
		expect( plan.hidden.map( ( n ) => n.id ) ).toEqual( [ 'c' ] );
		expect( plan.warnings ).toEqual( [ 'notice "c": revision 1 is below the 4 dismissed (revisions must only rise); stays dismissed' ] );
	} );
} );

describe( 'a reader who dismissed every notice here', () => {
	it( 'gets a bar per hidden notice in the room, with its title, date and a button that shows it again', async () => {
		const store = dismissedStore();
		expect( await mountFor( store ) ).toEqual( [] );
		const container = document.querySelector( '#siteNotice .oan-notices' )!;
		expect( document.documentElement.classList.contains( 'oan-ready' ) ).toBe( true );
		const bar = container.querySelector<HTMLElement>( '.oan-minimised' )!;
		expect( [ ...bar.querySelectorAll( 'p' ) ].map( ( c ) => [ ...c.children ].map( ( part ) => part.textContent ) ) ).toEqual( [
			[ 'Notice hidden: Office action on Chinese-language projects (September 2021)', 'Published September 13, 2021' ],
			[ 'Show' ]
		] );
		const show = bar.querySelector<HTMLButtonElement>( 'button' )!;
		expect( show.type ).toBe( 'button' );
		expect( document.getElementById( show.getAttribute( 'aria-describedby' )! )?.textContent ).toBe( 'Notice hidden: Office action on Chinese-language projects (September 2021)' );

		show.click();
		expect( container.querySelector( '.oan-minimised' ) ).toBeNull();
		expect( container.querySelectorAll( '.oan-notice' ) ).toHaveLength( 1 );
		expect( document.activeElement ).toBe( container.querySelector( '.oan-notice' ) );
		expect( store.values ).toEqual( {} );
	} );

	it( 'tells a named reader where to turn the notices off; anonymous readers and temporary accounts have no preferences', async () => {
		await mountFor( dismissedStore(), true );
		const off = document.querySelector<HTMLAnchorElement>( '.oan-minimised a' )!;
		expect( off.textContent ).toBe( 'Turn these notices off in your preferences' );
		expect( off.getAttribute( 'href' ) ).toBe( '/index.php?title=Special%3APreferences%23mw-prefsection-gadgets' );
		await mountFor( dismissedStore(), false );
		expect( document.querySelector( '.oan-minimised a' ) ).toBeNull();
	} );

	it( 'turns the last dismissal into the bars, in the same room, and writes only the dismissals', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const two = defaultNotices();
		two.push( { ...clone( two[ 0 ] ), id: 'second', title: { en: 'Second' } } );
		document.body.innerHTML = '<div id="siteNotice"></div><h1 id="firstHeading">Page</h1>';
		const store = cookieJar();
		expect( showBanners( two, deps(), new Dismissals( store, noop ), noop, true ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		const container = document.querySelector( '.oan-notices' )!;
		container.querySelector<HTMLButtonElement>( '[data-oan-id="second"] .oan-notice-dismiss' )!.click();
		// Another banner remains: focus goes to its button, no bar.
		expect( document.activeElement ).toBe( container.querySelector( '[data-oan-id="office-action-2021-09"] .oan-notice-dismiss' ) );
		expect( container.querySelector( '.oan-minimised' ) ).toBeNull();
		container.querySelector<HTMLButtonElement>( '.oan-notice-dismiss' )!.click();
		expect( [ ...container.querySelectorAll( '.oan-minimised' ) ].map( ( b ) => b.getAttribute( 'data-oan-hidden' ) ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		expect( document.activeElement ).toBe( container.querySelector( '.oan-minimised' ) );
		expect( store.values ).toEqual( { officeActionNoticeHide: 'v1~second.2~office-action-2021-09.2' } );
	} );
} );
