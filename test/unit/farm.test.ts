// The local farm's description and its optional extensions (the farm itself runs in the browser tests).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CENTRALAUTH_ARCHIVES, ensureFarmExtensions, MOBILEFRONTEND_ARCHIVES, TRANSLATE_ARCHIVES } from '../../scripts/lib/extensions.mjs';
import { Farm, FARM_WIKIS } from '../../scripts/lib/farm.mjs';

describe( 'the farm', () => {
	it( 'has the office action\'s wikis, each on its own host name, the statement\'s wiki first', () => {
		expect( FARM_WIKIS.map( ( w ) => [ w.id, w.host, w.lang ] ) ).toEqual( [
			[ 'metawiki', 'meta.wikimedia.test', 'en' ],
			[ 'zhwiki', 'zh.wikipedia.test', 'zh' ],
			[ 'enwiki', 'en.wikipedia.test', 'en' ],
			[ 'zhwikibooks', 'zh.wikibooks.test', 'zh' ]
		] );
		expect( FARM_WIKIS.filter( ( w ) => w.mobileHost ).map( ( w ) => w.mobileHost ) ).toEqual( [ 'zh.m.wikipedia.test' ] );
	} );

	it( 'describes itself in the farm file\'s format', () => {
		const farm = new Farm( 'unit-description', 8400 );
		const accounts = { bot: { username: 'Admin@deploy', password: 'x' } };
		const file = farm.description( accounts );
		expect( file.accounts ).toBe( accounts );
		expect( file.wikis[ 0 ] ).toEqual( { id: 'metawiki', url: 'http://meta.wikimedia.test:8400/index.php', api: 'http://meta.wikimedia.test:8400/api.php', language: 'en' } );
		expect( file.wikis[ 1 ].mobileUrl ).toBe( 'http://zh.m.wikipedia.test:8400/index.php' );
		expect( file.wikis.filter( ( w: any ) => 'mobileUrl' in w ) ).toHaveLength( 1 );
	} );

	it( 'runs without the extensions whose archives are missing or damaged, saying so in one line each', () => {
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-archives-' ) );
		try {
			// CentralAuth's archives present, but one of them not what SHA256SUMS says.
			const sums: string[] = [];
			for ( const file of CENTRALAUTH_ARCHIVES ) {
				fs.writeFileSync( path.join( dir, file ), 'not an archive' );
				sums.push( `${ crypto.createHash( 'sha256' ).update( file === CENTRALAUTH_ARCHIVES[ 1 ] ? 'tampered' : 'not an archive' ).digest( 'hex' ) }  ${ file }` );
			}
			fs.writeFileSync( path.join( dir, 'SHA256SUMS' ), sums.join( '\n' ) + '\n' );
			const result = ensureFarmExtensions( dir );
			expect( result.loaded ).toEqual( [] );
			expect( result.missing ).toHaveLength( 3 );
			expect( result.missing[ 0 ] ).toMatch( new RegExp( `^AntiSpoof and CentralAuth not installed \\(.*${ CENTRALAUTH_ARCHIVES[ 1 ] } does not match its checksum in SHA256SUMS\\): local accounts on each wiki, no global locks$` ) );
			expect( result.missing[ 1 ] ).toMatch( new RegExp( `^MobileFrontend not installed \\(no .*${ MOBILEFRONTEND_ARCHIVES[ 0 ] }\\): no mobile site` ) );
			expect( result.missing[ 2 ] ).toContain( TRANSLATE_ARCHIVES[ 0 ] );
		} finally {
			fs.rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );
