// The office action's wikis as a farm: one code base serving every host name, global accounts
// (CentralAuth) with the banned accounts locked, central login across one family, and the
// gadget's account checks reading the global account on every wiki.
import fs from 'node:fs';
import { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../scripts/lib/accounts.mjs';
import { apiClient, booksWiki, enWiki, farm, farmWiki, launch, loginState, open, visit, wiki, zhWiki } from './helpers';

const WIKIS = [ wiki, zhWiki, enWiki, booksWiki ];
/** A locked account that no notice lists: the bureaucrat's question is whom not to promote. */
const LOCKED_ONLY = 'Locked but unlisted';

async function globalInfo( name: string, target = wiki ): Promise<Record<string, unknown>> {
	const client = await apiClient( target );
	const res: any = await client.request( { action: 'query', meta: 'globaluserinfo', guiuser: name, formatversion: 2 } );
	return res.query.globaluserinfo;
}

describe( 'the farm', () => {
	let browser: Browser;
	beforeAll( async () => {
		browser = await launch();
	} );
	afterAll( () => browser.close() );

	it( 'serves every wiki by its host name from one server, and describes itself in farm.json', async () => {
		const file = JSON.parse( fs.readFileSync( `${ new URL( '../../.wiki/test/farm.json', import.meta.url ).pathname }`, 'utf8' ) );
		expect( file.wikis.map( ( w: any ) => [ w.id, w.language ] ) ).toEqual( [ [ 'metawiki', 'en' ], [ 'zhwiki', 'zh' ], [ 'enwiki', 'en' ], [ 'zhwikibooks', 'zh' ] ] );
		expect( file.wikis[ 1 ] ).toEqual( { id: 'zhwiki', url: `${ zhWiki.server }/index.php`, api: zhWiki.api, mobileUrl: `${ zhWiki.mobileServer }/index.php`, language: 'zh' } );
		expect( file.accounts.bot ).toEqual( wiki.bot );
		const { page, context, errors } = await open( browser );
		for ( const target of WIKIS ) {
			await visit( page, 'Special:BlankPage', {}, target );
			expect( await page.evaluate( () => [ ( window as any ).mw.config.get( 'wgDBname' ), location.host ] ) ).toEqual( [ target.id, new URL( target.server ).host ] );
		}
		const unknown = await page.goto( `http://fr.wikipedia.test:${ farm.port }/index.php` );
		expect( unknown!.status() ).toBe( 404 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'has global accounts: the banned ones locked, the desysopped and the restored one not', async () => {
		expect( farm.extensions ).toEqual( expect.arrayContaining( [ 'CentralAuth', 'MobileFrontend' ] ) );
		for ( const target of [ zhWiki, booksWiki ] ) {
			expect( await globalInfo( 'Example banned user 1', target ) ).toMatchObject( { home: 'metawiki', locked: true } );
		}
		expect( await globalInfo( 'Example desysopped admin 1' ) ).not.toHaveProperty( 'locked' );
		expect( await globalInfo( '玄客' ) ).not.toHaveProperty( 'locked' );
		expect( farm.locked ).toEqual( [ 'Example banned user 1', 'Example banned user 2' ] );
	} );

	it( 'logs a reader in on the whole family at once (central login), but not on another site without its own visit', async () => {
		const state = await loginState( browser, farm.reader.user, farm.reader.password, zhWiki );
		const { page, context } = await open( browser, { storageState: state } );
		const userOn = async ( target: typeof wiki, server = target.server ) => {
			await page.goto( `${ server }/index.php?title=Special:BlankPage` );
			return page.evaluate( () => ( window as any ).mw.config.get( 'wgUserName' ) );
		};
		expect( await userOn( enWiki ) ).toBe( farm.reader.user );
		expect( await userOn( zhWiki, zhWiki.mobileServer! ) ).toBe( farm.reader.user );
		// Another site: browsers send no third-party cookies, so central login's hidden requests
		// cannot log the reader in there (the same holds on Wikimedia's own sites).
		expect( await userOn( booksWiki ) ).toBe( null );
		await context.close();
	} );
} );

describe( 'the account checks read CentralAuth', () => {
	let browser: Browser;
	let bureaucrat: BrowserContextOptions[ 'storageState' ];
	beforeAll( async () => {
		browser = await launch();
		bureaucrat = await loginState( browser, enWiki.admin.user, enWiki.admin.password, enWiki );
		createAccounts( farmWiki( wiki ), [ LOCKED_ONLY ] );
		farmWiki( wiki ).maintenance( 'CentralAuth:LockUser', [ '--username', LOCKED_ONLY, '--reason', 'test' ] );
		// Local accounts on enwiki and zhwiki for the global one, as a first visit there would make.
		for ( const target of [ enWiki, zhWiki ] ) {
			farmWiki( target ).evalPhp( `MediaWiki\\Extension\\CentralAuth\\CentralAuthServices::getForcedLocalCreationService()->attemptAutoCreateLocalUserFromName( ${ JSON.stringify( LOCKED_ONLY ) } );\n` );
		}
	} );
	afterAll( () => browser.close() );

	it( 'warns a bureaucrat on another wiki about a locked account no notice lists, and asks for the acknowledgement', async () => {
		const { page, context, errors } = await open( browser, { storageState: bureaucrat } );
		const api: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.url().includes( '/api.php' ) ) {
				api.push( r.url() );
			}
		} );
		await visit( page, `Special:UserRights/${ LOCKED_ONLY }`, {}, enWiki );
		const box = page.locator( '#oan-ur-warning' );
		expect( await box.locator( '.oan-ur-status' ).allTextContents() ).toEqual( [ `${ LOCKED_ONLY }'s global account is locked: it cannot log in on any wiki of this family.` ] );
		expect( await box.getAttribute( 'class' ) ).toContain( 'oan-ur-severe' );
		expect( await box.locator( '.oan-ur-live' ).textContent() ).toBe( 'Groups now: none. The global account is locked. Edits: 0. Registered: ' + await page.evaluate( () => new Intl.DateTimeFormat( 'en', { dateStyle: 'long', timeZone: 'UTC' } ).format( new Date() ) ) + '.' );
		expect( api ).toHaveLength( 1 );
		await page.check( '#wpGroup-sysop' );
		await page.fill( '#wpReason', 'kept while the gadget asks' );
		await page.click( 'input[name="saveusergroups"]' );
		expect( await page.textContent( '#oan-ur-ack-error' ) ).toBe( 'Tick the acknowledgement in the warning before saving.' );
		expect( await page.inputValue( '#wpReason' ) ).toBe( 'kept while the gadget asks' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'names the lock on the pages of a locked account no notice lists, and of a banned one; nothing for an unlocked one', async () => {
		const { page, context, errors } = await open( browser );
		await visit( page, `Special:Contributions/${ LOCKED_ONLY }`, { uselang: 'en' }, enWiki );
		expect( await page.locator( '.oan-account-global-locked' ).textContent() ).toBe( 'This account\'s global account is locked: it cannot log in on any wiki of this family.' );
		expect( await page.locator( '.oan-account-global-locked' ).getAttribute( 'role' ) ).toBe( 'note' );
		await visit( page, 'User:Example banned user 1', {}, enWiki );
		expect( await page.locator( '.oan-account-live' ).textContent() ).toContain( 'The global account is locked.' );
		await visit( page, 'User:Unaffected editor', {}, enWiki );
		expect( await page.locator( '.oan-account, .oan-account-global-locked' ).count() ).toBe( 0 );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'shows zhwiki readers the lock in their variant', async () => {
		const { page, context } = await open( browser );
		await visit( page, `User:${ LOCKED_ONLY }`, { variant: 'zh-tw' }, zhWiki );
		expect( await page.locator( '.oan-account-global-locked' ).textContent() ).toBe( '此帳號的全域帳號已被鎖定：無法登入本系列的任何維基。' );
		await visit( page, `User:${ LOCKED_ONLY }`, { variant: 'zh-cn' }, zhWiki );
		expect( await page.locator( '.oan-account-global-locked' ).textContent() ).toBe( '此账户的全域账户已被锁定：无法登录本系列的任何维基。' );
		await context.close();
	} );
} );
