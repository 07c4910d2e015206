import { describe, expect, it, vi } from 'vitest';
import { renderBanner, sortUpdates } from '../../src/notice/banner';
import { Dismissals, DismissalStore, DISMISS_SECONDS } from '../../src/notice/dismissal';
import { clone, defaultNotices, deps } from './helpers';

const noop = vi.fn();
/** A page the styles peer kept the room on (every reader but those with the quiet gadget). */
const reserved = { roomReserved: true, onQuiet: noop };

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

function memoryStore(): DismissalStore & { data: Record<string, string>; expiry: Record<string, number | undefined> } {
	const data: Record<string, string> = {};
	const expiry: Record<string, number | undefined> = {};
	return {
		data, expiry,
		get: ( k ) => ( k in data ? data[ k ] : null ),
		set: ( k, v, e ) => {
			data[ k ] = v;
			expiry[ k ] = e;
			return true;
		},
		remove: ( k ) => delete data[ k ]
	};
}

describe( 'Dismissals', () => {
	it( 'stores the revision with an expiry; a higher revision shows again', () => {
		const store = memoryStore();
		const d = new Dismissals( store );
		expect( d.isDismissed( 'n', 2 ) ).toBe( false );
		expect( d.dismiss( 'n', 2 ) ).toBe( true );
		expect( store.expiry[ 'oan-dismissed-n' ] ).toBe( DISMISS_SECONDS );
		const later = new Dismissals( store );
		expect( later.isDismissed( 'n', 2 ) ).toBe( true );
		expect( later.isDismissed( 'n', 3 ) ).toBe( false );
		expect( later.isDismissed( 'other', 1 ) ).toBe( false );
	} );

	it( 'lasts for the page view where storage is unavailable or throws', () => {
		const broken: DismissalStore = {
			get: () => {
				throw new Error( 'SecurityError' );
			},
			set: () => false,
			remove: () => {
				throw new Error( 'SecurityError' );
			}
		};
		for ( const store of [ null, broken ] ) {
			const d = new Dismissals( store );
			expect( d.isDismissed( 'n', 1 ) ).toBe( false );
			expect( d.dismiss( 'n', 1 ) ).toBe( false );
			expect( d.isDismissed( 'n', 1 ) ).toBe( true );
			expect( new Dismissals( store ).isDismissed( 'n', 1 ) ).toBe( false );
		}
	} );
} );

describe( 'a revision that goes backwards', () => {
	it( 'keeps the dismissal and warns once', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const store = memoryStore();
		store.data[ 'oan-dismissed-office-action-2021-09' ] = '5';
		const warn = vi.fn();
		const shown = showBanners( defaultNotices(), deps(), new Dismissals( store ), warn, reserved );
		expect( shown ).toEqual( [] );
		expect( warn ).toHaveBeenCalledTimes( 1 );
		expect( warn.mock.calls[ 0 ][ 0 ] ).toMatch( /revision 2 is below the 5 dismissed/ );
	} );

	it( 'shows a notice whose revision rose past the dismissal, without a warning', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const store = memoryStore();
		store.data[ 'oan-dismissed-office-action-2021-09' ] = '1';
		const warn = vi.fn();
		document.body.innerHTML = '<div id="siteNotice"></div>';
		expect( showBanners( defaultNotices(), deps(), new Dismissals( store ), warn, reserved ) ).toEqual( [ 'office-action-2021-09' ] );
		expect( document.querySelectorAll( '#siteNotice .oan-notice' ) ).toHaveLength( 1 );
		expect( warn ).not.toHaveBeenCalled();
	} );
} );

/** A reader's storage in which the default notice's revision 2 is dismissed. */
function dismissedStore() {
	const store = memoryStore();
	store.data[ 'oan-dismissed-office-action-2021-09' ] = '2';
	return store;
}

/** Mounts the default notices on a fresh page for a reader with this storage. */
async function mountFor( store: DismissalStore, roomReserved: boolean ) {
	const { showBanners } = await import( '../../src/notice/mount' );
	document.body.innerHTML = '<div id="siteNotice"></div><h1 id="firstHeading">Page</h1>';
	document.documentElement.classList.remove( 'oan-ready' );
	const onQuiet = vi.fn();
	const shown = showBanners( defaultNotices(), deps(), new Dismissals( store ), noop, { roomReserved, onQuiet } );
	return { shown, onQuiet };
}

describe( 'a reader who dismissed every notice here', () => {
	it( 'keeps the reserved room, with a bar per hidden notice that shows it again', async () => {
		const store = dismissedStore();
		const { shown, onQuiet } = await mountFor( store, true );
		expect( shown ).toEqual( [] );
		const container = document.querySelector( '#siteNotice .oan-notices' )!;
		expect( container.classList.contains( 'oan-holding' ) ).toBe( true );
		expect( document.documentElement.classList.contains( 'oan-ready' ) ).toBe( true );
		const bar = container.querySelector<HTMLElement>( '.oan-minimised' )!;
		expect( [ ...bar.children ].map( ( c ) => c.textContent ) ).toEqual( [ 'Notice hidden: Office action on Chinese-language projects (September 2021)', 'Show' ] );
		const show = bar.querySelector<HTMLButtonElement>( 'button' )!;
		expect( show.type ).toBe( 'button' );
		expect( document.getElementById( show.getAttribute( 'aria-describedby' )! )?.textContent ).toBe( 'Notice hidden: Office action on Chinese-language projects (September 2021)' );
		expect( onQuiet ).not.toHaveBeenCalled();

		show.click();
		expect( container.querySelector( '.oan-minimised' ) ).toBeNull();
		expect( container.querySelectorAll( '.oan-notice' ) ).toHaveLength( 1 );
		expect( container.classList.contains( 'oan-holding' ) ).toBe( false );
		expect( document.activeElement ).toBe( container.querySelector( '.oan-notice' ) );
		expect( store.data[ 'oan-dismissed-office-action-2021-09' ] ).toBeUndefined();
		expect( onQuiet ).toHaveBeenCalledWith( 'shown' );
	} );

	it( 'shows nothing and holds nothing where no room was reserved', async () => {
		const { shown, onQuiet } = await mountFor( dismissedStore(), false );
		expect( shown ).toEqual( [] );
		expect( document.querySelector( '.oan-notices' ) ).toBeNull();
		expect( onQuiet ).not.toHaveBeenCalled();
	} );

	it( 'keeps a new notice for the next page view where no room was reserved, and says so to the quiet option', async () => {
		const { shown, onQuiet } = await mountFor( memoryStore(), false );
		expect( shown ).toEqual( [] );
		expect( document.querySelector( '.oan-notices' ) ).toBeNull();
		expect( document.documentElement.classList.contains( 'oan-ready' ) ).toBe( true );
		expect( onQuiet.mock.calls ).toEqual( [ [ 'shown' ] ] );
	} );

	it( 'turns the last dismissal into the bar, holding the room, and tells the quiet option once', async () => {
		const { showBanners } = await import( '../../src/notice/mount' );
		const two = defaultNotices();
		two.push( { ...clone( two[ 0 ] ), id: 'second', title: { en: 'Second' } } );
		document.body.innerHTML = '<div id="siteNotice"></div><h1 id="firstHeading">Page</h1>';
		const onQuiet = vi.fn();
		const store = memoryStore();
		expect( showBanners( two, deps(), new Dismissals( store ), noop, { roomReserved: true, onQuiet } ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		expect( onQuiet.mock.calls ).toEqual( [ [ 'shown' ] ] );
		const container = document.querySelector( '.oan-notices' )!;
		container.querySelector<HTMLButtonElement>( '[data-oan-id="second"] .oan-notice-dismiss' )!.click();
		// Another banner remains: focus goes to its button, no bar, no room held.
		expect( document.activeElement ).toBe( container.querySelector( '[data-oan-id="office-action-2021-09"] .oan-notice-dismiss' ) );
		expect( container.querySelector( '.oan-minimised' ) ).toBeNull();
		expect( onQuiet ).toHaveBeenCalledTimes( 1 );
		container.querySelector<HTMLButtonElement>( '.oan-notice-dismiss' )!.click();
		expect( [ ...container.querySelectorAll( '.oan-minimised' ) ].map( ( b ) => b.getAttribute( 'data-oan-hidden' ) ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		expect( container.classList.contains( 'oan-holding' ) ).toBe( true );
		expect( document.activeElement ).toBe( container.querySelector( '.oan-minimised' ) );
		expect( onQuiet.mock.calls ).toEqual( [ [ 'shown' ], [ 'all-dismissed' ] ] );
		expect( store.data ).toEqual( { 'oan-dismissed-office-action-2021-09': '2', 'oan-dismissed-second': '2' } );
	} );
} );

describe( 'the held room', () => {
	it( 'is out of view only when wholly above the viewport', async () => {
		const { isAboveViewport } = await import( '../../src/notice/room' );
		expect( isAboveViewport( { bottom: -1 } ) ).toBe( true );
		expect( isAboveViewport( { bottom: 0 } ) ).toBe( true );
		expect( isAboveViewport( { bottom: 1 } ) ).toBe( false );
	} );

	it( 'closes and scrolls by what it took, leaving the scroll anchoring as it was', async () => {
		const { releaseRoom } = await import( '../../src/notice/room' );
		document.body.innerHTML = '<div class="oan-notices oan-holding"></div>';
		const container = document.querySelector<HTMLElement>( '.oan-notices' )!;
		const scrollBy = vi.spyOn( window, 'scrollBy' ).mockImplementation( () => undefined );
		const anchoring: string[] = [];
		const setProperty = document.documentElement.style.setProperty.bind( document.documentElement.style );
		vi.spyOn( document.documentElement.style, 'setProperty' ).mockImplementation( ( name, value ) => {
			anchoring.push( `${ name }:${ value }` );
			setProperty( name, value );
		} );
		// getBoundingClientRect follows the class at once in this stand-in, as layout would.
		container.getBoundingClientRect = () => ( { bottom: container.classList.contains( 'oan-holding' ) ? 140 : 40 } as DOMRect );
		releaseRoom( container );
		expect( container.classList.contains( 'oan-holding' ) ).toBe( false );
		expect( scrollBy ).toHaveBeenCalledWith( { top: -100, behavior: 'instant' } );
		expect( anchoring ).toEqual( [ 'overflow-anchor:none' ] );
		await new Promise( ( r ) => {
			requestAnimationFrame( r );
		} );
		expect( anchoring ).toEqual( [ 'overflow-anchor:none', 'overflow-anchor:' ] );
		releaseRoom( container );
		expect( scrollBy ).toHaveBeenCalledTimes( 1 );
		vi.restoreAllMocks();
	} );
} );

describe( 'the quiet option', () => {
	it( 'changes only for logged-in readers, only when it must', async () => {
		const { quietChange } = await import( '../../src/notice/quiet' );
		expect( quietChange( false, false, 'all-dismissed' ) ).toBeNull();
		expect( quietChange( false, true, 'shown' ) ).toBeNull();
		expect( quietChange( true, false, 'all-dismissed' ) ).toBe( '1' );
		expect( quietChange( true, true, 'all-dismissed' ) ).toBeNull();
		expect( quietChange( true, true, 'shown' ) ).toBe( '0' );
		expect( quietChange( true, false, 'shown' ) ).toBeNull();
	} );
} );
