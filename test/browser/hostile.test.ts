// Hardening: hostile strings in every string field of the notices data, and in user names.
// Each run prints how many cases it tried and how many failed.
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../scripts/lib/accounts.mjs';
import { DATA_PAGE, launch, loginState, open, readPageText, savePageText, visit, wiki, farmWiki } from './helpers';

const { strings: HOSTILE } = JSON.parse( fs.readFileSync( path.join( __dirname, '../fixtures/hostile-strings.json' ), 'utf8' ) ) as { strings: string[] };

function writeData( data: unknown ): Promise<void> {
	return savePageText( DATA_PAGE, JSON.stringify( data ) );
}

async function readData(): Promise<any> {
	return JSON.parse( ( await readPageText( DATA_PAGE ) )! );
}

/** Everything a hostile page view must not do, checked inside the page. */
function pageSafety( page: Page ) {
	return page.evaluate( () => {
		const links = [ ...document.querySelectorAll<HTMLAnchorElement>( '.oan-notices a, .oan-account a, .oan-ur-warning a, .oan-ur-group-note a' ) ];
		const bad = links.filter( ( a ) => {
			const u = new URL( a.href, location.href );
			const wikiPage = u.origin === location.origin && ( u.pathname === '/index.php' || u.pathname.startsWith( '/index.php/' ) );
			return !wikiPage && u.protocol !== 'https:';
		} ).map( ( a ) => a.getAttribute( 'href' ) );
		return {
			pwned: ( window as any ).oanPwned,
			badLinks: bad,
			links: links.length,
			injected: document.querySelectorAll( '.oan-notices script, .oan-notices img, .oan-notices svg, .oan-notices iframe, .oan-notices style, .oan-notices math, .oan-notices details[ontoggle]' ).length,
			contentStillThere: !!document.getElementById( 'firstHeading' ) && !!document.getElementById( 'mw-content-text' )
		};
	} );
}

describe( 'hostile input', () => {
	let browser: Browser;
	let original: any;
	let bureaucrat: BrowserContextOptions[ 'storageState' ];
	beforeAll( async () => {
		browser = await launch();
		original = await readData();
		bureaucrat = await loginState( browser, wiki.admin.user, wiki.admin.password );
	} );
	afterAll( async () => {
		await writeData( original );
		await browser.close();
	} );

	it( `puts ${ HOSTILE.length } hostile strings into every string field of the notices data`, async () => {
		const base = original.notices[ 0 ];
		const notices: any[] = [];
		// MediaWiki refuses to store JSON with a lone surrogate: such data never reaches the gadget
		// from the wiki (the unit tests give it to the guards directly).
		const loneSurrogate = ( s: string ) => /[\ud800-\udfff]/.test( s.replace( /[\ud800-\udbff][\udc00-\udfff]/g, '' ) );
		HOSTILE.forEach( ( s, i ) => {
			if ( loneSurrogate( s ) ) {
				return;
			}
			// Text fields: shown as text, or the notice is rejected with a warning.
			const text = JSON.parse( JSON.stringify( base ) );
			text.id = `text-${ i }`;
			text.title = { en: s, 'zh-hant': s };
			text.summary = { en: s };
			text.updates = [ { date: '2021-09-16', text: { en: s } } ];
			text.accounts = [ { name: 'Example banned user 1', action: 'banned', date: '2021-09-13', note: { en: s } } ];
			notices.push( text );
			// Page, language and name fields: a wiki page name, or the notice is rejected.
			const pages = JSON.parse( JSON.stringify( base ) );
			pages.id = `page-${ i }`;
			pages.title = { en: `Page case ${ i }` };
			pages.statement = { page: s, translations: [ { language: 'zh', complete: 100, page: s } ] };
			pages.accounts = [ { name: s, action: 'banned', date: '2021-09-13' } ];
			notices.push( pages );
			// Codes and dates: must match their patterns.
			const codes = JSON.parse( JSON.stringify( base ) );
			codes.id = `code-${ i }`;
			// PHP's JSON decoder refuses a key that starts with NUL, so the wiki would not store it.
			codes.title = { en: `Code case ${ i }`, [ s.charAt( 0 ) === '\u0000' ? `k${ s }` : s ]: 'x' };
			codes.published = s;
			notices.push( codes );
		} );
		const restrictedGroups = HOSTILE.filter( ( s ) => !loneSurrogate( s ) ).map( ( s ) => ( { group: 'checkuser', kind: 'nonpublic', policy: s } ) );
		await writeData( { notices, restrictedGroups } );

		const { context, page, errors, warnings } = await open( browser );
		const dialogs: string[] = [];
		page.on( 'dialog', ( d ) => {
			dialogs.push( d.message() );
			d.dismiss();
		} );
		await visit( page, 'Main_Page', { uselang: 'zh-hk' } );
		await page.waitForTimeout( 500 );
		const safety = await pageSafety( page );
		const shown = await page.evaluate( () => [ ...document.querySelectorAll( '.oan-notice' ) ].map( ( b ) => ( {
			id: b.getAttribute( 'data-oan-id' ),
			title: b.querySelector( '.oan-notice-title strong' )!.textContent,
			summary: b.querySelector( '.oan-notice-summary' )!.textContent
		} ) ) );
		const ourWarnings = warnings.filter( ( w ) => w.startsWith( '[office-action-notice]' ) );
		let failures = 0;
		const check = ( ok: boolean ) => {
			failures += ok ? 0 : 1;
			return ok;
		};
		check( safety.pwned === undefined && dialogs.length === 0 && safety.injected === 0 && safety.contentStillThere );
		check( safety.badLinks.length === 0 );
		// Every notice either shows, or is skipped with exactly one warning.
		check( shown.length + ourWarnings.filter( ( w ) => /^\[office-action-notice\] notices\[\d+\] \("[^"]*"\) skipped: /.test( w ) ).length === notices.length );
		for ( const b of shown ) {
			if ( b.id!.startsWith( 'text-' ) ) {
				const s = HOSTILE[ Number( b.id!.slice( 5 ) ) ];
				check( b.title === s && b.summary === s );
			}
		}
		process.stdout.write( `hostile notices data: ${ HOSTILE.length } strings (${ HOSTILE.filter( loneSurrogate ).length } refused by the wiki itself), ${ notices.length } notices, ${ shown.length } shown as text, ${ ourWarnings.length } warnings, ${ failures } failures\n` );
		expect( safety, JSON.stringify( safety ) ).toMatchObject( { pwned: undefined, badLinks: [], injected: 0, contentStillThere: true } );
		expect( safety.links ).toBeGreaterThan( 0 );
		expect( dialogs ).toEqual( [] );
		expect( errors ).toEqual( [] );
		expect( failures ).toBe( 0 );
		// The strings that broke no rule are shown, whatever they look like.
		expect( shown.map( ( b ) => b.id ) ).toContain( `text-${ HOSTILE.indexOf( '<script>window.oanPwned=1</script>' ) }` );
		expect( shown.map( ( b ) => b.id ) ).toContain( `text-${ HOSTILE.indexOf( '{{PLURAL:$1|one|many}}' ) }` );
		// URLs, protocol tricks, fragments and pipes are never pages.
		// eslint-disable-next-line no-script-url
		for ( const bad of [ 'javascript:window.oanPwned=7', 'https://evil.example/', 'data:text/html,<script>window.oanPwned=10</script>', 'Foo|bar', 'm:Foo#<script>' ] ) {
			expect( shown.map( ( b ) => b.id ), bad ).not.toContain( `page-${ HOSTILE.indexOf( bad ) }` );
		}
		await context.close();
	}, 120000 );

	it( 'shows hostile but valid user names as text on their pages and on Special:UserRights', async () => {
		// Names MediaWiki accepts for accounts, though they look like markup.
		const names = [ '$1 $2 $3', '\'\'\'bold\'\'\' \'\'italic\'\'', 'Constructor', '__proto__ user', 'ToString' ];
		const local = farmWiki( wiki );
		createAccounts( local, names );
		const data = JSON.parse( JSON.stringify( original ) );
		data.notices[ 0 ].accounts = names.map( ( name ) => ( { name, action: 'banned', date: '2021-09-13' } ) );
		await writeData( data );
		let failures = 0;
		for ( const name of names ) {
			const user = await open( browser );
			await visit( user.page, `User:${ name }` );
			const status = await user.page.evaluate( () => document.querySelector( '.oan-account-status' )?.textContent );
			const safe = await pageSafety( user.page );
			if ( status !== 'This account was banned by a Wikimedia Foundation office action on September 13, 2021.' || safe.pwned !== undefined || safe.badLinks.length || user.errors.length ) {
				failures++;
			}
			await user.context.close();

			const rights = await open( browser, { storageState: bureaucrat } );
			await visit( rights.page, `Special:UserRights/${ name }` );
			const warning = await rights.page.evaluate( () => document.querySelector( '.oan-ur-status' )?.textContent );
			// As MediaWiki stores the name: underscores are spaces, runs folded, ends trimmed, first letter up.
			const folded = name.replace( /[_\s]+/g, ' ' ).trim();
			const canonical = folded.charAt( 0 ).toUpperCase() + folded.slice( 1 );
			if ( warning !== `${ canonical } was banned by a Wikimedia Foundation office action on September 13, 2021.` || rights.errors.length ) {
				failures++;
				process.stdout.write( `user rights for ${ name }: ${ warning } ${ rights.errors.join( '; ' ) }\n` );
			}
			await rights.context.close();
		}
		process.stdout.write( `hostile user names: ${ names.length } names, ${ names.length * 2 } pages, ${ failures } failures\n` );
		expect( failures ).toBe( 0 );
	}, 120000 );
} );
