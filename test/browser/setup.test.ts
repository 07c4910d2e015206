// The local farm's failure paths: each gets a clear message naming the fix, and nothing
// half-written is left behind as if it had worked.
import fs from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Farm, FARM_WIKIS } from '../../scripts/lib/farm.mjs';
import { missingSystemPackages, SetupError } from '../../scripts/lib/wiki.mjs';

describe( 'local farm set-up', () => {
	it( 'has every system package it needs here (the test set-up installed them)', () => {
		expect( missingSystemPackages() ).toEqual( [] );
	} );

	it( 'names the port and the variable to change when the port is taken', async () => {
		const blocker = net.createServer();
		await new Promise<void>( ( resolve ) => {
			blocker.listen( 0, '127.0.0.1', () => resolve() );
		} );
		const port = ( blocker.address() as net.AddressInfo ).port;
		try {
			const farm = new Farm( 'port-taken', port );
			fs.mkdirSync( farm.dir, { recursive: true } );
			await expect( farm.startServer() ).rejects.toThrow( SetupError );
			await expect( farm.startServer() ).rejects.toThrow( new RegExp( `Port ${ port } on 127\\.0\\.0\\.1 is taken by another program\\. Free it, or choose another port \\(OAN_PORT for npm start, OAN_TEST_PORT for the tests\\)` ) );
		} finally {
			blocker.close();
			fs.rmSync( new Farm( 'port-taken', port ).dir, { recursive: true, force: true } );
		}
	} );

	it( 'removes a half-finished earlier install and installs again; a second run reuses it', () => {
		// One wiki of the farm: the same steps as for all of them, in a third of the time.
		const farm = new Farm( 'half-done', 8799, { wikis: FARM_WIKIS.slice( 0, 1 ) } );
		fs.rmSync( farm.dir, { recursive: true, force: true } );
		fs.mkdirSync( farm.dataDir, { recursive: true } );
		fs.writeFileSync( `${ farm.dataDir }/metawiki.sqlite`, 'not a database' );
		try {
			expect( farm.install( [] ) ).toBe( true );
			expect( farm.readState() ).toMatchObject( { installed: true, farm: true, port: 8799, extensions: [] } );
			expect( fs.readFileSync( farm.settings, 'utf8' ) ).toMatch( /^require '.*\/scripts\/wiki\/farm\.php';$/m );
			expect( fs.readdirSync( farm.dataDir ).filter( ( f ) => /^[a-z]+\.sqlite$/.test( f ) ).sort() ).toEqual( [ 'metawiki.sqlite', 'wikicache.sqlite' ] );
			expect( fs.readFileSync( farm.settings, 'utf8' ) ).toContain( '"host":"meta.wikimedia.test"' );
			// A second run reuses it.
			expect( farm.install( [] ) ).toBe( false );
		} finally {
			fs.rmSync( farm.dir, { recursive: true, force: true } );
		}
	}, 60000 );
} );
