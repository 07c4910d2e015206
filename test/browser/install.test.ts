// Foundation: the gadget is installed by the deploy command and loads by default everywhere.
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, GADGET, launch, loginState, open, SKINS, visit, wiki } from './helpers';

const ROOT = path.resolve( __dirname, '../..' );

describe( 'installed through the deploy command', () => {
	it( 'created the gadget pages and the definition lines', async () => {
		expect( wiki.deployLog ).toMatch( /created\s+MediaWiki:Gadget-office-action-notice\.js/ );
		expect( wiki.deployLog ).toMatch( /created\s+MediaWiki:Gadgets-definition/ );
		const client = await apiClient();
		const res: any = await client.request( {
			action: 'query', titles: 'MediaWiki:Gadgets-definition|MediaWiki:Gadget-office-action-notice.js',
			prop: 'revisions', rvprop: 'content|comment', rvslots: 'main', formatversion: 2
		} );
		const pages = Object.fromEntries( res.query.pages.map( ( p: any ) => [ p.title, p.revisions[ 0 ] ] ) );
		const definition = fs.readFileSync( path.join( ROOT, 'gadget-definition.txt' ), 'utf8' ).trim();
		expect( pages[ 'MediaWiki:Gadgets-definition' ].slots.main.content ).toContain( definition );
		expect( pages[ 'MediaWiki:Gadget-office-action-notice.js' ].comment ).toMatch( /^Git commit [0-9a-f]{12}: .+/ );
		const gadgets: any = await client.request( { action: 'query', list: 'gadgets', gaprop: 'id|metadata', formatversion: 2 } );
		const ours = gadgets.query.gadgets.find( ( g: any ) => g.id === 'office-action-notice' );
		expect( ours.metadata.settings.default ).toBe( true );
		expect( ours.metadata.module.peers ).toEqual( [ 'office-action-notice-reserve' ] );
	} );
} );

describe( 'loads by default on every skin', () => {
	let browser: Browser;
	let loggedIn: BrowserContextOptions[ 'storageState' ];
	beforeAll( async () => {
		browser = await launch();
		loggedIn = await loginState( browser, wiki.admin.user, wiki.admin.password );
	} );
	afterAll( () => browser.close() );

	for ( const who of [ 'anonymous reader', 'logged-in user' ] ) {
		for ( const skin of SKINS ) {
			it( `${ skin }, ${ who }: runs once, without a console error`, async () => {
				const { context, page, errors } = await open( browser, who === 'logged-in user' ? { storageState: loggedIn } : {} );
				await visit( page, 'Main_Page', { useskin: skin } );
				await page.waitForTimeout( 300 );
				const state = await page.evaluate( ( name ) => ( {
					module: ( window as any ).mw.loader.getState( name ),
					peer: ( window as any ).mw.loader.getState( name + '-reserve' ),
					ready: ( window as any ).oanReadyCount,
					user: ( window as any ).mw.config.get( 'wgUserName' ),
					skin: ( window as any ).mw.config.get( 'skin' )
				} ), GADGET );
				expect( state ).toEqual( {
					module: 'ready',
					peer: 'ready',
					ready: 1,
					user: who === 'logged-in user' ? wiki.admin.user : null,
					skin
				} );
				expect( errors ).toEqual( [] );
				await context.close();
			} );
		}
	}
} );
