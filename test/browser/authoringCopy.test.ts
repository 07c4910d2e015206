// Issue 26: on a farm, a wiki's notices page is a copy of Meta's (deploy --farm writes its
// `copiedFrom`). The authoring view there says first whose copy it is, links Meta's notices page
// (edit there), and whether the copy is in step, behind Meta (the next farm deploy brings the
// change) or edited here (the next farm deploy keeps it as a conflict), read from Meta across
// origins. Every page changed here is restored afterwards: the other test files share the farm.
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, DATA_PAGE, enWiki, launch, loginState, notices, noticesRevision, open, readPageText, savePageText, url, wiki } from './helpers';

type Target = typeof wiki;

async function saveNotices( data: unknown, target: Target ): Promise<void> {
	await savePageText( DATA_PAGE, JSON.stringify( data, null, '\t' ), {}, target );
}

/** Opens enwiki's notices page (or its edit form) and waits until the copy's notice has compared. */
async function copyNotice( page: Page, query: Record<string, string> = {} ) {
	await page.goto( url( DATA_PAGE, { uselang: 'en', ...query }, enWiki ) );
	await page.waitForSelector( '.oan-author .oan-author-copy:not([data-oan-copy="checking"])', { timeout: 20000 } );
	return page.evaluate( () => {
		const box = document.querySelector<HTMLElement>( '.oan-author-copy' )!;
		const link = box.querySelector<HTMLAnchorElement>( 'a.oan-author-copy-link' );
		const heading = document.getElementById( 'oan-author-heading' )!;
		return {
			state: box.dataset.oanCopy,
			role: box.getAttribute( 'role' ),
			type: [ ...box.classList ].filter( ( c ) => /^cdx-message--(notice|warning)$/.test( c ) ),
			where: box.querySelector( '.oan-author-copy-where' )!.textContent,
			link: link && link.href,
			editing: ( box.querySelector( '.oan-author-copy-editing' ) || { textContent: null } ).textContent,
			line: box.querySelector( '.oan-author-copy-state' )!.textContent,
			// First in the panel: right under its heading.
			first: heading.nextElementSibling === box
		};
	} );
}

describe( 'the authoring view of a farm\'s copy of the notices data', () => {
	let browser: Browser;
	let admin: BrowserContextOptions[ 'storageState' ];
	const original = new Map<Target, string | null>();

	beforeAll( async () => {
		browser = await launch();
		admin = await loginState( browser, enWiki.admin.user, enWiki.admin.password, enWiki );
		for ( const target of [ wiki, enWiki ] ) {
			original.set( target, await readPageText( DATA_PAGE, target ) );
		}
		// enwiki's page becomes a copy of Meta's current revision, as deploy --farm writes it.
		await saveNotices( Object.assign( { copiedFrom: { wiki: 'metawiki', revision: await noticesRevision( wiki ) } }, await notices( wiki ) ), enWiki );
	} );

	afterAll( async () => {
		for ( const [ target, text ] of original ) {
			if ( text !== null && await readPageText( DATA_PAGE, target ) !== text ) {
				await savePageText( DATA_PAGE, text, {}, target );
			}
		}
		await browser.close();
	} );

	it( 'names Meta with a working link to its notices page, says the copy is in step, and is accessible', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		const revision = await noticesRevision( wiki );
		const seen = await copyNotice( page );
		expect( seen ).toEqual( {
			state: 'in-step',
			role: 'status',
			type: [ 'cdx-message--notice' ],
			where: 'This page is a copy of the notices data of metawiki, kept in step by the farm deploy: edit the notices there, not here. The notices data on metawiki',
			link: expect.any( String ),
			editing: null,
			line: `In step with revision ${ revision } of the notices data of metawiki.`,
			first: true
		} );
		expect( await axe( page, '.oan-author-copy' ) ).toEqual( [] );
		await Promise.all( [ page.waitForNavigation(), page.click( 'a.oan-author-copy-link' ) ] );
		expect( await page.evaluate( () => [ 'wgDBname', 'wgPageName', 'wgCurRevisionId' ].map( ( name ) => ( window as any ).mw.config.get( name ) ) ) ).toEqual( [ 'metawiki', DATA_PAGE, revision ] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'says Meta has changed since, from which revision to which, when Meta\'s data is edited', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		const copied = ( await notices( enWiki ) ).copiedFrom.revision;
		const data = await notices( wiki );
		data.notices[ 0 ].revision++;
		await saveNotices( data, wiki );
		const raised = await noticesRevision( wiki );
		expect( raised ).toBeGreaterThan( copied );
		const seen = await copyNotice( page );
		expect( [ seen.state, seen.type, seen.line ] ).toEqual( [
			'behind', [ 'cdx-message--notice' ],
			`The notices data of metawiki has changed since (revision ${ copied } → ${ raised }): the next farm deploy brings the change here.`
		] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'says the copy was edited here when its data differs from the revision it names, and warns on the edit form', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		const copy = await notices( enWiki );
		copy.notices[ 0 ].title.en = 'Edited on enwiki';
		await saveNotices( copy, enWiki );
		const seen = await copyNotice( page );
		expect( [ seen.state, seen.type, seen.line ] ).toEqual( [
			'edited', [ 'cdx-message--warning' ],
			`This copy was edited here since it was copied from revision ${ copy.copiedFrom.revision } of metawiki: the next farm deploy keeps it as a conflict.`
		] );
		expect( await axe( page, '.oan-author-copy' ) ).toEqual( [] );

		const editing = await copyNotice( page, { action: 'edit' } );
		expect( [ editing.state, editing.type, editing.first ] ).toEqual( [ 'edited', [ 'cdx-message--warning' ], true ] );
		expect( editing.editing ).toBe( 'Changes saved here reach no other wiki, and the next farm deploy keeps this copy as a conflict instead of updating it from metawiki.' );
		expect( await axe( page, '.oan-author-copy' ) ).toEqual( [] );
		expect( errors ).toEqual( [] );
		await context.close();
	} );

	it( 'says in one line when Meta cannot be reached, and the rest of the panel works', async () => {
		const { context, page, errors } = await open( browser, { storageState: admin } );
		await page.route( `${ wiki.api }**`, ( route ) => route.abort() );
		const seen = await copyNotice( page );
		expect( [ seen.state, seen.type ] ).toEqual( [ 'unreachable', [ 'cdx-message--warning' ] ] );
		expect( seen.line ).toMatch( /^Could not read the notices data of metawiki to compare \(.+\)\.$/ );
		await page.waitForSelector( '.oan-author .oan-author-report' );
		expect( errors.filter( ( e ) => !/net::ERR_FAILED/.test( e ) ) ).toEqual( [] );
		await context.close();
	} );
} );
