// Issue: the rights-restriction warning on Special:UserRights, as a bureaucrat uses it.
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../scripts/lib/accounts.mjs';
import { API_FAULTS, apiClient, DATA_PAGE, enWiki, farmWiki, launch, loginState, open, readPageText, reportCases, savePageText, visit, wiki } from './helpers';

async function groupsOf( name: string, target = wiki ): Promise<Record<string, string>> {
	const client = await apiClient( target );
	const res: any = await client.request( { action: 'query', list: 'users', ususers: name, usprop: 'groupmemberships', formatversion: 2 } );
	return Object.fromEntries( ( res.query.users[ 0 ].groupmemberships || [] ).map( ( g: any ) => [ g.group, g.expiry ] ) );
}

function warning( page: Page ) {
	return page.evaluate( () => {
		const box = document.getElementById( 'oan-ur-warning' );
		const form = document.getElementById( 'mw-userrights-form2' );
		return box ? {
			status: [ ...box.querySelectorAll( '.oan-ur-status' ) ].map( ( p ) => p.textContent ),
			severe: box.classList.contains( 'oan-ur-severe' ),
			live: box.querySelector( '.oan-ur-live' )!.textContent,
			ackShown: !( box.querySelector( '.oan-ur-ack' ) as HTMLElement ).hidden,
			aboveForm: box.nextElementSibling === form,
			statement: box.querySelector( '.oan-statement-link' )?.getAttribute( 'href' )
		} : null;
	} );
}

function notes( page: Page ) {
	return page.evaluate( () => [ ...document.querySelectorAll( '.oan-ur-group-note' ) ].map( ( n ) => {
		const group = n.getAttribute( 'data-oan-group' )!;
		const box = document.getElementById( `wpGroup-${ group }` )!;
		return { group, describedBy: box.getAttribute( 'aria-describedby' ) === n.id, policy: n.querySelector( 'a' )?.getAttribute( 'href' ) };
	} ) );
}

describe( 'Special:UserRights', () => {
	let browser: Browser;
	let bureaucrat: BrowserContextOptions[ 'storageState' ];
	reportCases( 'UserRights API faults', ( name ) => name.startsWith( 'keeps the warning and the form working after' ) );
	beforeAll( async () => {
		browser = await launch();
		bureaucrat = await loginState( browser, wiki.admin.user, wiki.admin.password );
	} );
	afterAll( () => browser.close() );

	async function openRights( title: string, query: Record<string, string>, setup?: ( page: Page ) => Promise<unknown> ) {
		const w = await open( browser, { storageState: bureaucrat } );
		const apiRequests: string[] = [];
		w.page.on( 'request', ( r ) => {
			if ( r.url().includes( '/api.php' ) ) {
				apiRequests.push( r.url() );
			}
		} );
		if ( setup ) {
			await setup( w.page );
		}
		await visit( w.page, title, query );
		return { ...w, apiRequests };
	}

	it( 'warns about a banned account above the form, with the live check, in one API request', async () => {
		const { context, page, errors, apiRequests } = await openRights( 'Special:UserRights/Example_banned_user_1', {} );
		expect( await warning( page ) ).toEqual( {
			status: [ 'Example banned user 1 was banned by a Wikimedia Foundation office action on September 13, 2021.' ],
			severe: true,
			live: expect.stringMatching( /^Groups now: none\. Blocked now \(expires: infinit[ey]\)\. The global account is locked\. Edits: 0\. Registered: / ),
			ackShown: false,
			aboveForm: true,
			statement: '/index.php/m:Office_actions/September_2021_statement'
		} );
		expect( apiRequests ).toHaveLength( 1 );
		expect( apiRequests[ 0 ] ).toContain( 'meta=globaluserinfo' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it.each( [
		[ 'a lower-case name with underscores', 'Special:UserRights/example_banned_user_1', {} ],
		[ 'a target given by ?user=', 'Special:UserRights', { user: 'Example banned user 1' } ]
	] )( 'finds the account from %s', async ( _name, title, query ) => {
		const { context, page } = await openRights( title, query );
		expect( ( await warning( page ) )?.status ).toEqual( [ 'Example banned user 1 was banned by a Wikimedia Foundation office action on September 13, 2021.' ] );
		await context.close();
	} );

	it( 'notes restricted groups as they are ticked and unticked, and shows nothing for other groups', async () => {
		const { context, page, errors } = await openRights( 'Special:UserRights/Unaffected_editor', {} );
		expect( await warning( page ) ).toBeNull();
		await page.check( '#wpGroup-bot' );
		expect( await notes( page ) ).toEqual( [] );
		await page.check( '#wpGroup-checkuser' );
		expect( await notes( page ) ).toEqual( [ { group: 'checkuser', describedBy: true, policy: '/index.php/m:Access_to_nonpublic_personal_data_policy' } ] );
		expect( await page.textContent( '.oan-ur-group-note' ) ).toContain( 'confidentiality agreement' );
		await page.check( '#wpGroup-sysop' );
		expect( ( await notes( page ) ).map( ( n ) => n.group ).sort() ).toEqual( [ 'checkuser', 'sysop' ] );
		await page.uncheck( '#wpGroup-checkuser' );
		expect( ( await notes( page ) ).map( ( n ) => n.group ) ).toEqual( [ 'sysop' ] );
		expect( await page.getAttribute( '#wpGroup-checkuser', 'aria-describedby' ) ).toBeNull();
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'gives 玄客 a neutral notice and lets a restricted group be saved without acknowledgement', async () => {
		const { context, page } = await openRights( 'Special:UserRights/玄客', {} );
		const w = await warning( page );
		expect( w?.severe ).toBe( false );
		expect( w?.status ).toEqual( [ 'An office action against 玄客 was reversed on September 16, 2021; the account is restored.' ] );
		await page.check( '#wpGroup-sysop' );
		expect( ( await warning( page ) )?.ackShown ).toBe( false );
		await Promise.all( [ page.waitForNavigation(), page.click( 'input[name="saveusergroups"]' ) ] );
		expect( Object.keys( await groupsOf( '玄客' ) ) ).toEqual( [ 'sysop' ] );
		await context.close();
	} );

	it( 'requires the acknowledgement to promote a desysopped account, keeping everything typed', async () => {
		const { context, page, errors } = await openRights( 'Special:UserRights/Example_desysopped_admin_1', {} );
		await page.check( '#wpGroup-sysop' );
		await page.selectOption( '#mw-input-wpExpiry-sysop', '1 week' );
		await page.fill( '#wpReason', 'Re-promotion after review' );
		expect( ( await warning( page ) )?.ackShown ).toBe( true );
		expect( ( await notes( page ) ).map( ( n ) => n.group ) ).toEqual( [ 'sysop' ] );

		await page.click( 'input[name="saveusergroups"]' );
		await page.waitForTimeout( 500 );
		expect( decodeURIComponent( page.url() ) ).toContain( 'Special:UserRights/Example_desysopped_admin_1' );
		expect( await page.textContent( '#oan-ur-ack-error' ) ).toBe( 'Tick the acknowledgement in the warning before saving.' );
		expect( await page.evaluate( () => document.activeElement?.id ) ).toBe( 'oan-ur-ack' );
		expect( await groupsOf( 'Example desysopped admin 1' ) ).toEqual( {} );
		expect( await page.inputValue( '#wpReason' ) ).toBe( 'Re-promotion after review' );
		expect( await page.inputValue( '#mw-input-wpExpiry-sysop' ) ).toBe( '1 week' );
		expect( await page.isChecked( '#wpGroup-sysop' ) ).toBe( true );

		// Keyboard: the acknowledgement is a real checkbox.
		await page.focus( '#oan-ur-ack' );
		await page.keyboard.press( 'Space' );
		expect( await page.isChecked( '#oan-ur-ack' ) ).toBe( true );
		const posted: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.method() === 'POST' ) {
				posted.push( r.postData() || '' );
			}
		} );
		await Promise.all( [ page.waitForNavigation(), page.click( 'input[name="saveusergroups"]' ) ] );
		const saved = await groupsOf( 'Example desysopped admin 1' );
		expect( Object.keys( saved ) ).toEqual( [ 'sysop' ] );
		expect( saved.sysop ).not.toBe( 'infinity' );
		// Exactly MediaWiki's own fields: nothing of the gadget's went with the form.
		const fields = [ ...new URLSearchParams( posted[ 0 ] ).keys() ];
		expect( fields.filter( ( f ) => /oan/.test( f ) ) ).toEqual( [] );
		expect( new URLSearchParams( posted[ 0 ] ).get( 'user-reason' ) ).toBe( 'Re-promotion after review' );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'asks nothing to remove rights from an affected account', async () => {
		const { context, page } = await openRights( 'Special:UserRights/Example_desysopped_admin_1', {} );
		expect( await page.isChecked( '#wpGroup-sysop' ) ).toBe( true );
		await page.uncheck( '#wpGroup-sysop' );
		expect( ( await warning( page ) )?.ackShown ).toBe( false );
		expect( await notes( page ) ).toEqual( [] );
		await Promise.all( [ page.waitForNavigation(), page.click( 'input[name="saveusergroups"]' ) ] );
		expect( await groupsOf( 'Example desysopped admin 1' ) ).toEqual( {} );
		await context.close();
	} );

	it( 'warns about an account of another wiki of the farm (Name@enwiki), and the acknowledged groups land there', async () => {
		// An account made on enwiki: global (CentralAuth), attached there only.
		createAccounts( farmWiki( enWiki ), [ 'Remote editor' ] );
		const original = ( await readPageText( DATA_PAGE ) )!;
		const data = JSON.parse( original );
		data.notices[ 0 ].accounts.push( { name: 'Remote editor', action: 'desysopped', date: '2021-09-13' } );
		await savePageText( DATA_PAGE, JSON.stringify( data ) );
		try {
			const { context, page, errors, apiRequests } = await openRights( 'Special:UserRights/Remote_editor@enwiki', {} );
			const w = await warning( page );
			expect( w?.status ).toEqual( [ 'Remote editor@enwiki had administrator rights removed by a Wikimedia Foundation office action on September 13, 2021.' ] );
			// Another wiki's account: what CentralAuth says of the global account, and nothing of local groups.
			expect( w?.live ).toBe( 'The global account is not locked.' );
			expect( apiRequests ).toHaveLength( 1 );
			expect( apiRequests[ 0 ] ).not.toContain( 'list=users' );
			await page.check( '#wpGroup-sysop' );
			await page.click( 'input[name="saveusergroups"]' );
			await page.waitForTimeout( 300 );
			expect( await page.textContent( '#oan-ur-ack-error' ) ).toBe( 'Tick the acknowledgement in the warning before saving.' );
			expect( await groupsOf( 'Remote editor', enWiki ) ).toEqual( {} );
			await page.check( '#oan-ur-ack' );
			await Promise.all( [ page.waitForNavigation(), page.click( 'input[name="saveusergroups"]' ) ] );
			expect( Object.keys( await groupsOf( 'Remote editor', enWiki ) ) ).toEqual( [ 'sysop' ] );
			expect( errors ).toEqual( [] );
			await context.close();
		} finally {
			await savePageText( DATA_PAGE, original );
		}
	} );

	it.each( API_FAULTS )( 'keeps the warning and the form working after %s', async ( _name, setup ) => {
		const { context, page, errors } = await openRights( 'Special:UserRights/Example_desysopped_admin_2', {}, setup );
		const w = await warning( page );
		expect( w?.status ).toEqual( [ 'Example desysopped admin 2 had administrator rights removed by a Wikimedia Foundation office action on September 13, 2021.' ] );
		expect( w?.live ).toBe( 'The live check of this account could not be made; this warning uses the notices data only.' );
		expect( errors.filter( ( e ) => e.startsWith( 'pageerror' ) ) ).toEqual( [] );
		expect( await page.evaluate( () => ( window as any ).oanOnError ) ).toBe( 0 );
		await page.check( '#wpGroup-bot' );
		await page.fill( '#wpReason', `Checked by hand (${ _name })` );
		const posted: string[] = [];
		page.on( 'request', ( r ) => {
			if ( r.method() === 'POST' ) {
				posted.push( r.postData() || '' );
			}
		} );
		await Promise.all( [ page.waitForNavigation(), page.click( 'input[name="saveusergroups"]' ) ] );
		expect( Object.keys( await groupsOf( 'Example desysopped admin 2' ) ) ).toEqual( [ 'bot' ] );
		// What the bureaucrat typed reached MediaWiki.
		expect( new URLSearchParams( posted[ 0 ] ).get( 'user-reason' ) ).toBe( `Checked by hand (${ _name })` );
		// Undo, for the next case.
		const again = await openRights( 'Special:UserRights/Example_desysopped_admin_2', {} );
		await again.page.uncheck( '#wpGroup-bot' );
		await Promise.all( [ again.page.waitForNavigation(), again.page.click( 'input[name="saveusergroups"]' ) ] );
		await again.context.close();
		await context.close();
	} );
} );
