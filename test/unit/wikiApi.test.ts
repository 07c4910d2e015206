// @vitest-environment node
// The scripts' wiki API layer (scripts/lib/wikiApi.mjs): local `*.test` names reach this machine
// without DNS, and a save carries what makes any edit made since the read a conflict.
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGetter, conflictSafeEdit, explain, fetchText, httpGet, isTestHost, testHostLookup, ToolError, wikiClient } from '../../scripts/lib/wikiApi.mjs';

function lookup( hostname: string, options: object ): Promise<unknown[]> {
	return new Promise( ( resolve, reject ) => {
		testHostLookup( hostname, options, ( err: Error | null, ...rest: unknown[] ) => err ? reject( err ) : resolve( rest ) );
	} );
}

describe( 'test host names', () => {
	it( 'knows *.test names, and only those', () => {
		expect( isTestHost( 'zh.wikipedia.test' ) ).toBe( true );
		expect( isTestHost( 'meta.wikimedia.test.' ) ).toBe( true );
		expect( isTestHost( 'ZH.WIKIPEDIA.TEST' ) ).toBe( true );
		expect( isTestHost( 'test' ) ).toBe( false );
		expect( isTestHost( 'wikipedia.test.org' ) ).toBe( false );
		expect( isTestHost( 'contest' ) ).toBe( false );
		expect( isTestHost( '127.0.0.1' ) ).toBe( false );
	} );

	it( 'answers 127.0.0.1 for them, as one address or as a list', async () => {
		expect( await lookup( 'zh.wikipedia.test', {} ) ).toEqual( [ '127.0.0.1', 4 ] );
		expect( await lookup( 'zh.wikipedia.test', { family: 0 } ) ).toEqual( [ '127.0.0.1', 4 ] );
		expect( await lookup( 'zh.wikipedia.test', { all: true } ) ).toEqual( [ [ { address: '127.0.0.1', family: 4 } ] ] );
	} );

	it( 'leaves other names to the system resolver', async () => {
		const [ address ] = await lookup( 'localhost', { family: 4 } );
		expect( address ).toBe( '127.0.0.1' );
		await expect( lookup( 'no-such-host.invalid', {} ) ).rejects.toMatchObject( { code: expect.stringMatching( /^(ENOTFOUND|EAI_AGAIN)$/ ) } );
	} );
} );

describe( 'requests to a *.test host', () => {
	let server: http.Server;
	let port: number;
	const hosts: string[] = [];
	beforeAll( async () => {
		server = http.createServer( ( req, res ) => {
			hosts.push( String( req.headers.host ) );
			if ( req.url!.startsWith( '/api.php' ) ) {
				res.setHeader( 'Content-Type', 'application/json' );
				res.end( JSON.stringify( { query: { asked: new URL( req.url!, 'http://x' ).searchParams.get( 'meta' ) } } ) );
			} else if ( req.url === '/moved' ) {
				res.writeHead( 301, { Location: '/raw' } ).end();
			} else if ( req.url === '/silent' ) {
				// Never answers.
			} else if ( req.url === '/raw' ) {
				res.end( 'raw text' );
			} else {
				res.writeHead( 404 ).end( 'no' );
			}
		} );
		await new Promise<void>( ( resolve ) => {
			server.listen( 0, '127.0.0.1', resolve );
		} );
		port = ( server.address() as AddressInfo ).port;
	} );
	afterAll( () => new Promise<void>( ( resolve ) => {
		server.closeAllConnections();
		server.close( () => resolve() );
	} ) );

	it( 'reach this machine with the name as Host, following redirects', async () => {
		expect( await fetchText( `http://zh.wikipedia.test:${ port }/moved` ) ).toBe( 'raw text' );
		expect( hosts.slice( -2 ) ).toEqual( [ `zh.wikipedia.test:${ port }`, `zh.wikipedia.test:${ port }` ] );
		const get = apiGetter( `http://meta.wikimedia.test:${ port }/api.php`, 'tests' );
		expect( await get( { action: 'query', meta: 'siteinfo' } ) ).toEqual( { query: { asked: 'siteinfo' } } );
		// mwn, through the same agent.
		const client = wikiClient( `http://zh.wikipedia.test:${ port }/api.php`, 'tests' );
		expect( await client.request( { action: 'query', meta: 'userinfo' } ) ).toEqual( { query: { asked: 'userinfo' } } );
		expect( hosts[ hosts.length - 1 ] ).toBe( `zh.wikipedia.test:${ port }` );
	} );

	it( 'explain their failures in one line', async () => {
		const missing = await fetchText( `http://zh.wikipedia.test:${ port }/nothing` ).catch( ( e ) => e );
		expect( explain( missing, 'there' ).message ).toBe( 'there answered HTTP 404; is this the api.php URL?' );
		const api = `http://zh.wikipedia.test:${ port }/nothing/api.php`;
		await expect( apiGetter( api, 'tests' )( { action: 'query' } ) ).rejects.toThrow( `${ api } answered HTTP 404; is this the api.php URL?` );
		await expect( apiGetter( 'http://127.0.0.1:9/api.php', 'tests' )( { action: 'query' } ) ).rejects.toThrow( /^cannot reach http:\/\/127\.0\.0\.1:9\/api\.php \(ECONNREFUSED\)/ );
		expect( () => apiGetter( 'not a url', 'tests' ) ).toThrow( ToolError );
		const silent = await httpGet( `http://zh.wikipedia.test:${ port }/silent`, { timeout: 100 } ).catch( ( e ) => e );
		expect( explain( silent, 'there' ).message ).toMatch( /^cannot reach there \(ETIMEDOUT\)/ );
	} );
} );

describe( 'saving with conflict detection', () => {
	const base = { title: 'MediaWiki:X.js', text: 'new', summary: 'why' };

	it( 'edits an existing page only from the revision it read, never creating it anew', () => {
		const current = { exists: true, content: 'old', timestamp: '2026-12-01T10:00:00Z', curtimestamp: '2026-12-06T01:00:00Z' };
		expect( conflictSafeEdit( { ...base, current, contentModel: 'javascript' } ) ).toEqual( {
			action: 'edit', title: 'MediaWiki:X.js', text: 'new', summary: 'why', formatversion: 2,
			basetimestamp: '2026-12-01T10:00:00Z', starttimestamp: '2026-12-06T01:00:00Z', nocreate: true
		} );
	} );

	it( 'creates a missing page only while it is still missing, with its content model', () => {
		const current = { exists: false, content: '', timestamp: null, curtimestamp: '2026-12-06T01:00:00Z' };
		expect( conflictSafeEdit( { ...base, current, contentModel: 'json' } ) ).toEqual( {
			action: 'edit', title: 'MediaWiki:X.js', text: 'new', summary: 'why', formatversion: 2,
			starttimestamp: '2026-12-06T01:00:00Z', createonly: true, contentmodel: 'json'
		} );
		expect( conflictSafeEdit( { ...base, current } ) ).not.toHaveProperty( 'contentmodel' );
	} );

	it( 'explains a conflict as one line saying nothing was overwritten', () => {
		expect( explain( { code: 'editconflict' }, 'api' ).message ).toMatch( /^edit conflict: .*nothing was overwritten/ );
		const own = new ToolError( 'as it is' );
		expect( explain( own, 'api' ) ).toBe( own );
	} );
} );
