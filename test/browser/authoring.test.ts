// Issue #13: interface admins check and preview the notices on the wiki before readers see them.
// The authoring gadget loads only on the notices page, for those who may edit it: on its view,
// its diffs and its edit form ("Show preview" too) it shows the checker's report, a preview of
// each notice in each language and variant, and its accounts; saving data with problems needs
// an explicit confirmation. Readers' pages never load it.
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PAGE, launch, loginState, newAccount, open, readPageText, savePageText, url, wiki, zhWiki } from './helpers';

const AUTHORING = 'ext.gadget.office-action-notice-authoring';
const AXE = path.resolve( __dirname, '../../node_modules/axe-core/axe.min.js' );

/** axe-core's serious and critical violations inside the panel (and the save confirmation). */
async function seriousViolations( page: Page ): Promise<string[]> {
	await page.addScriptTag( { path: AXE } );
	return page.evaluate( async () => {
		const result = await ( window as any ).axe.run( { include: [ [ '.oan-author' ], [ '.oan-author-confirm' ] ] }, { resultTypes: [ 'violations' ] } );
		return result.violations.filter( ( v: any ) => v.impact === 'serious' || v.impact === 'critical' ).map( ( v: any ) => `${ v.id }/${ v.impact }` );
	} );
}
const { strings: HOSTILE } = JSON.parse( fs.readFileSync( path.join( __dirname, '../fixtures/hostile-strings.json' ), 'utf8' ) ) as { strings: string[] };

type Target = typeof wiki;

/** Opens the notices page (view, edit, diff…) and waits for the panel's report. */
async function openPanel( page: Page, query: Record<string, string> = {}, target: Target = wiki ): Promise<void> {
	await page.goto( url( DATA_PAGE, { uselang: 'en', ...query }, target ) );
	await page.waitForSelector( '.oan-author .oan-author-report', { timeout: 20000 } );
}

/** What the panel says: its status line, each problem, each notice's preview. */
function panel( page: Page ) {
	return page.evaluate( () => {
		const author = document.querySelector( '.oan-author' )!;
		return {
			status: author.querySelector( '.oan-author-report .oan-author-status' )!.textContent!,
			problems: [ ...author.querySelectorAll<HTMLElement>( '.oan-author-problems li' ) ].map( ( li ) => ( { path: li.dataset.oanPath!, text: li.textContent! } ) ),
			notices: [ ...author.querySelectorAll( '.oan-author-notice' ) ].map( ( s ) => ( {
				heading: s.querySelector( 'h3' )!.textContent,
				facts: [ ...s.querySelectorAll( '.oan-author-facts li' ) ].map( ( li ) => li.textContent ),
				languages: [ ...s.querySelectorAll<HTMLOptionElement>( 'select.oan-author-language option' ) ].map( ( o ) => o.value ),
				banners: [ ...s.querySelectorAll<HTMLElement>( '.oan-author-banner .oan-notice' ) ].map( ( b ) => ( {
					title: b.querySelector( '.oan-notice-title strong' )!.textContent,
					opened: b.querySelector( '.oan-notice-toggle' )!.getAttribute( 'aria-expanded' ),
					summaryShown: ( b.querySelector( '.oan-notice-summary' ) as HTMLElement ).getBoundingClientRect().height > 0,
					date: b.querySelector( '.oan-notice-date' )!.textContent,
					statement: ( b.querySelector( '.oan-statement-link' ) as HTMLAnchorElement ).href,
					meta: b.querySelector( '.oan-statement-meta' )!.textContent
				} ) ),
				// The page each link leads to, whichever form the wiki's URLs take.
				accounts: [ ...s.querySelectorAll( '.oan-author-accounts tbody tr' ) ].map( ( tr ) => [ ...tr.querySelectorAll( 'a' ) ].map( ( a ) => {
					const link = new URL( a.href );
					return decodeURIComponent( link.searchParams.get( 'title' ) || link.pathname.replace( /^\/index\.php\//, '' ) );
				} ) )
			} ) ),
			// Ids stay unique with the page's own notice and several previews on it.
			duplicateIds: [ ...document.querySelectorAll( '[id]' ) ].map( ( e ) => e.id ).filter( ( id, i, all ) => all.indexOf( id ) !== i )
		};
	} );
}

/** Puts text into the edit form as an admin typing would (the form's input event included). */
async function typeData( page: Page, text: string ): Promise<void> {
	await page.fill( '#wpTextbox1', text );
	await page.waitForFunction( () => !document.querySelector( '.oan-author-body' )!.textContent!.includes( 'Checking' ) );
	// The panel redraws 300 ms after the last keystroke.
	await page.waitForTimeout( 600 );
}

/** The panel's controls whose text runs out of their box: each as "class: text (why)". */
function overflowingControls( page: Page ): Promise<string[]> {
	return page.evaluate( () => {
		const found: string[] = [];
		for ( const control of document.querySelectorAll<HTMLElement>( '.oan-author a.cdx-button, .oan-author button, .oan-author select, .oan-author label' ) ) {
			const box = control.getBoundingClientRect();
			if ( !box.width ) {
				continue;
			}
			const why: string[] = [];
			if ( control.scrollWidth > control.clientWidth + 1 ) {
				why.push( `scrollWidth ${ control.scrollWidth } > clientWidth ${ control.clientWidth }` );
			}
			if ( control.tagName !== 'SELECT' ) {
				const range = document.createRange();
				range.selectNodeContents( control );
				const text = range.getBoundingClientRect();
				if ( text.left < box.left - 1 || text.right > box.right + 1 || text.top < box.top - 1 || text.bottom > box.bottom + 1 ) {
					why.push( `text ${ Math.round( text.left ) }–${ Math.round( text.right ) } outside the box ${ Math.round( box.left ) }–${ Math.round( box.right ) }` );
				}
			}
			if ( why.length ) {
				found.push( `${ control.className || control.tagName }: "${ control.textContent }" (${ why.join( '; ' ) })` );
			}
		}
		return found;
	} );
}

describe( 'the authoring view of the notices page', () => {
	let browser: Browser;
	let admin: BrowserContextOptions[ 'storageState' ];
	let saved: string;
	let data: any;
	beforeAll( async () => {
		browser = await launch();
		admin = await loginState( browser, wiki.admin.user, wiki.admin.password );
		saved = ( await readPageText( DATA_PAGE ) )!;
		data = JSON.parse( saved );
	} );
	afterAll( async () => {
		await savePageText( DATA_PAGE, saved );
		await browser.close();
	} );

	it( 'shows on the page view the report, the notice collapsed and opened in each of its languages, and its accounts with their pages', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await openPanel( page );
		const seen = await panel( page );
		expect( seen.status ).toBe( 'No problems found: readers get the notices as previewed below.' );
		expect( seen.problems ).toEqual( [] );
		expect( seen.duplicateIds ).toEqual( [] );
		expect( seen.notices ).toHaveLength( 1 );
		const [ notice ] = seen.notices;
		expect( notice.heading ).toBe( `Notice "office-action-2021-09", revision ${ data.notices[ 0 ].revision }` );
		expect( notice.facts ).toEqual( [
			'Shown now: it has no start or end.',
			'Readers: everyone.',
			`Revision ${ data.notices[ 0 ].revision }. Raising it shows the notice again to readers who dismissed an earlier revision.`
		] );
		expect( notice.languages ).toEqual( [ 'en', 'bn', 'zh-hans', 'zh-hant' ] );
		expect( notice.banners.map( ( b ) => [ b.opened, b.summaryShown ] ) ).toEqual( [ [ 'false', false ], [ 'true', true ] ] );
		expect( notice.banners[ 0 ].title ).toBe( data.notices[ 0 ].title.en );
		expect( notice.accounts ).toHaveLength( data.notices[ 0 ].accounts.length );
		expect( notice.accounts[ 4 ] ).toEqual( [ 'User:玄客', 'Special:Contributions/玄客', 'Special:UserRights/玄客' ] );

		// Another language: the texts, the date and the statement's link a reader of it gets.
		await page.selectOption( 'select.oan-author-language', 'zh-hant' );
		const chinese = ( await panel( page ) ).notices[ 0 ].banners;
		expect( chinese.map( ( b ) => b.title ) ).toEqual( [ data.notices[ 0 ].title[ 'zh-hant' ], data.notices[ 0 ].title[ 'zh-hant' ] ] );
		expect( chinese[ 0 ].date ).toBe( '發布於2021年9月13日' );
		expect( chinese[ 0 ].statement ).toMatch( /September_2021_statement\/zh$/ );
		expect( chinese[ 0 ].meta ).toMatch( /%/ );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'names the statement\'s languages in the preview as readers\' notices do: from the languages page deploy wrote', async () => {
		const LANGUAGES = 'MediaWiki:Gadget-office-action-notice-languages.json';
		const written = ( await readPageText( LANGUAGES ) )!;
		const renamed = JSON.parse( written );
		// A name no browser's Intl gives, so the test sees where each name comes from.
		renamed.autonyms.zh = 'Zhongwen (page)';
		await savePageText( LANGUAGES, JSON.stringify( renamed, null, '\t' ) );
		try {
			const { context, page, errors } = await open( browser, { storageState: admin } );
			await openPanel( page );
			await page.selectOption( 'select.oan-author-language', 'zh-hans' );
			const [ collapsed ] = ( await panel( page ) ).notices[ 0 ].banners;
			await page.goto( url( 'Main_Page', { uselang: 'zh-hans' } ) );
			await page.waitForSelector( '.oan-notices .oan-notice' );
			const reader = await page.textContent( '.oan-notices .oan-statement-meta' );
			expect( collapsed.meta ).toContain( 'Zhongwen (page)' );
			expect( collapsed.meta ).toBe( reader );
			expect( errors ).toEqual( [] );
			await context.close();
		} finally {
			await savePageText( LANGUAGES, written );
		}
	} );

	it( 'previews on the Chinese-language wiki each variant, with its texts and dates through MediaWiki\'s fallbacks', async () => {
		const zhAdmin = await loginState( browser, zhWiki.admin.user, zhWiki.admin.password, zhWiki );
		const { context, page, errors } = await open( browser, { storageState: zhAdmin } );
		await openPanel( page, {}, zhWiki );
		const [ notice ] = ( await panel( page ) ).notices;
		expect( notice.languages ).toEqual( expect.arrayContaining( [ 'zh-hans', 'zh-hant', 'zh-cn', 'zh-tw', 'zh-hk', 'zh-sg', 'zh-mo', 'zh-my' ] ) );
		const title = ( await readPageText( DATA_PAGE, zhWiki ).then( ( t ) => JSON.parse( t! ) ) ).notices[ 0 ].title;
		for ( const [ variant, text ] of [ [ 'zh-hk', title[ 'zh-hant' ] ], [ 'zh-cn', title[ 'zh-hans' ] ] ] ) {
			await page.selectOption( 'select.oan-author-language', variant );
			const [ collapsed ] = ( await panel( page ) ).notices[ 0 ].banners;
			expect( collapsed.title, variant ).toBe( text );
		}
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'checks as the admin types on the edit form and on "Show preview": wrong type, bad date, unknown language, revision going backwards', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await openPanel( page, { action: 'edit' } );
		expect( ( await panel( page ) ).status ).toBe( 'No problems found: readers get the notices as previewed below.' );
		// "Show preview" of valid data: the report and the previews, on the text posted.
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpPreview' ) ] );
		await page.waitForSelector( '.oan-author .oan-author-report' );
		const previewed = await panel( page );
		expect( [ previewed.status, previewed.notices.length, previewed.notices[ 0 ].banners.length ] ).toEqual( [ 'No problems found: readers get the notices as previewed below.', 1, 2 ] );
		const broken = structuredClone( data );
		broken.notices[ 0 ].revision = data.notices[ 0 ].revision - 1;
		broken.notices[ 0 ].published = '2021-02-30';
		broken.notices[ 0 ].title.qqz = 'A language MediaWiki does not know';
		broken.notices[ 0 ].updates[ 0 ].date = 16;
		await typeData( page, JSON.stringify( broken, null, '\t' ) );
		const live = await panel( page );
		expect( live.status ).toMatch( /^\d+ problems found\./ );
		const paths = live.problems.map( ( p ) => p.path );
		for ( const wanted of [ 'notices[0].revision', 'notices[0].published', 'notices[0].updates[0].date' ] ) {
			expect( paths, wanted ).toContain( wanted );
		}
		expect( paths.some( ( p ) => p.startsWith( 'notices[0].title' ) ), paths.join( ' ' ) ).toBe( true );
		for ( const problem of live.problems ) {
			// A sentence, not a message key or an empty line.
			expect( problem.text ).toMatch( new RegExp( `^${ problem.path.replace( /[[\].]/g, '\\$&' ) }:? .{12,}` ) );
			expect( problem.text ).not.toMatch( /⧼|oan-check-/ );
		}

		// "Show preview" posts the form: the check runs on the text posted.
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpPreview' ) ] );
		await page.waitForSelector( '.oan-author .oan-author-report' );
		expect( ( await panel( page ) ).problems.map( ( p ) => p.path ) ).toEqual( paths );
		expect( await readPageText( DATA_PAGE ) ).toBe( saved );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'holds back saving data with problems until the admin ticks the confirmation; valid data saves at once', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await openPanel( page, { action: 'edit' } );
		const broken = structuredClone( data );
		broken.notices[ 0 ].revision = 'three';
		const text = JSON.stringify( broken, null, '\t' );
		await typeData( page, text );
		await page.click( '#wpSave' );
		await page.waitForSelector( '.oan-author-confirm' );
		expect( await page.textContent( '.oan-author-confirm' ) ).toContain( 'Not saved: the data has one problem' );
		// Codex's error message, checkbox and button, styled by MediaWiki's codex-styles.
		const look = await page.evaluate( () => {
			const box = document.querySelector<HTMLElement>( '.oan-author-confirm' )!;
			return {
				codex: ( window as any ).mw.loader.getState( 'codex-styles' ),
				background: getComputedStyle( box ).backgroundColor,
				icon: box.querySelector<HTMLElement>( '.cdx-checkbox__icon' )!.getBoundingClientRect().width,
				button: getComputedStyle( document.querySelector<HTMLElement>( 'button.oan-author-update' )! ).borderTopLeftRadius
			};
		} );
		expect( look.codex ).toBe( 'ready' );
		expect( look.background ).not.toBe( 'rgba(0, 0, 0, 0)' );
		expect( look.icon ).toBeGreaterThan( 0 );
		expect( look.button ).toBe( '2px' );
		// Still the edit form, with the admin's text; the wiki still has the old data.
		expect( await page.inputValue( '#wpTextbox1' ) ).toBe( text );
		expect( await readPageText( DATA_PAGE ) ).toBe( saved );
		expect( await page.evaluate( () => document.activeElement!.id ) ).toBe( 'oan-author-confirm' );
		await page.click( '#wpSave' );
		await page.waitForTimeout( 500 );
		expect( await readPageText( DATA_PAGE ) ).toBe( saved );

		// Its label ticks it, as a checkbox's label does.
		await page.click( 'label[for="oan-author-confirm"]' );
		expect( await page.isChecked( '#oan-author-confirm' ) ).toBe( true );
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpSave' ) ] );
		expect( JSON.parse( ( await readPageText( DATA_PAGE ) )! ).notices[ 0 ].revision ).toBe( 'three' );

		// The diff of that edit: its newer side checked against the older one.
		const revision = String( await page.evaluate( () => ( window as any ).mw.config.get( 'wgCurRevisionId' ) ) );
		await openPanel( page, { diff: 'prev', oldid: revision } );
		expect( ( await panel( page ) ).problems.map( ( p ) => p.path ) ).toContain( 'notices[0].revision' );

		// Valid data: no question asked.
		await openPanel( page, { action: 'edit' } );
		await typeData( page, saved );
		await Promise.all( [ page.waitForNavigation(), page.click( '#wpSave' ) ] );
		expect( JSON.parse( ( await readPageText( DATA_PAGE ) )! ) ).toEqual( data );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'keeps each control\'s text inside it, in each language the view speaks, on a wide screen and a phone', async () => {
		const screens: [ string, { width: number; height: number } ][] = [ [ 'vector-2022', { width: 1280, height: 800 } ], [ 'minerva', { width: 360, height: 740 } ] ];
		for ( const [ skin, viewport ] of screens ) {
			const { context, page, errors } = await open( browser, { storageState: admin, viewport } );
			for ( const uselang of [ 'en', 'zh-hans', 'zh-hant' ] ) {
				for ( const action of [ 'view', 'edit' ] ) {
					await openPanel( page, { useskin: skin, uselang, action } );
					expect( await page.locator( '.oan-author .oan-author-update' ).count(), `${ skin } ${ uselang } ${ action }` ).toBe( 1 );
					expect( await overflowingControls( page ), `${ skin } ${ viewport.width }px, ${ uselang }, ${ action }` ).toEqual( [] );
				}
			}
			expect( errors ).toEqual( [] );
			await context.close();
		}
	} );

	it( 'is accessible: axe finds nothing serious in the panel, the previews and the confirmation, by day and at night', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await openPanel( page, { useskin: 'vector-2022' } );
		expect( await seriousViolations( page ) ).toEqual( [] );
		await page.evaluate( () => document.documentElement.classList.replace( 'skin-theme-clientpref-day', 'skin-theme-clientpref-night' ) );
		expect( await seriousViolations( page ) ).toEqual( [] );
		await openPanel( page, { action: 'edit', useskin: 'vector-2022' } );
		const broken = structuredClone( data );
		broken.notices[ 0 ].published = 'yesterday';
		await typeData( page, JSON.stringify( broken, null, '\t' ) );
		await page.click( '#wpSave' );
		await page.waitForSelector( '.oan-author-confirm' );
		expect( await seriousViolations( page ) ).toEqual( [] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows hostile strings in the report and the preview as text, never as markup or script', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await openPanel( page, { action: 'edit' } );
		const hostile = structuredClone( data );
		hostile.notices[ 0 ].title.en = HOSTILE.slice( 0, 4 ).join( ' ' );
		hostile.notices[ 0 ].summary.en = HOSTILE.slice( 4, 12 ).join( ' ' );
		hostile.notices[ 0 ].accounts[ 0 ].name = HOSTILE[ 1 ];
		hostile.notices[ 0 ][ HOSTILE[ 0 ] ] = HOSTILE[ 2 ];
		await typeData( page, JSON.stringify( hostile ) );
		const seen = await panel( page );
		expect( seen.problems.some( ( p ) => p.text.includes( HOSTILE[ 0 ] ) ), 'the unknown field is named as it is' ).toBe( true );
		const unsafe = await page.evaluate( () => ( {
			pwned: ( window as any ).oanPwned,
			elements: document.querySelectorAll( '.oan-author script, .oan-author img, .oan-author svg, .oan-author iframe' ).length
		} ) );
		expect( unsafe ).toEqual( { pwned: undefined, elements: 0 } );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'never loads on readers\' pages: not for the admin elsewhere, not on the notices page for anyone who may not edit it', async () => {
		const user = await newAccount( browser, 'Authoring reader' );
		const registered = 'registered';
		const cases: [ string, BrowserContextOptions[ 'storageState' ] | undefined, string, Record<string, string>, string ][] = [
			[ 'admin, main page', admin, 'Main_Page', {}, registered ],
			[ 'admin, a talk page', admin, 'Talk:Main_Page', {}, registered ],
			[ 'admin, a script page in the MediaWiki namespace', admin, 'MediaWiki:Gadget-office-action-notice.js', {}, registered ],
			// The definition narrows the gadget to JSON pages in the MediaWiki namespace; the script itself to the notices page.
			[ 'admin, another JSON page in the MediaWiki namespace', admin, 'MediaWiki:Gadget-office-action-notice-languages.json', {}, 'ready' ],
			[ 'anonymous, notices page', undefined, DATA_PAGE, {}, registered ],
			[ 'named account, notices page', user, DATA_PAGE, {}, registered ],
			[ 'named account, notices page source', user, DATA_PAGE, { action: 'edit' }, registered ]
		];
		for ( const [ label, state, title, query, loaded ] of cases ) {
			const { context, page, errors } = await open( browser, state ? { storageState: state } : {} );
			await page.goto( url( title, query ) );
			await page.waitForFunction( () => ( window as any ).oanReadyCount > 0 );
			const seen = await page.evaluate( ( name ) => ( { state: ( window as any ).mw.loader.getState( name ), panel: !!document.querySelector( '.oan-author' ) } ), AUTHORING );
			expect( seen, label ).toEqual( { state: loaded, panel: false } );
			expect( errors, label ).toEqual( [] );
			await context.close();
		}
	} );
} );
