// The local-wiki scripts' failure paths: each gets a clear message naming the fix.
import fs from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { missingSystemPackages, SetupError, Wiki } from '../../scripts/lib/wiki.mjs';

describe( 'local wiki set-up', () => {
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
			const wiki = new Wiki( 'port-taken', port );
			await expect( wiki.startServer() ).rejects.toThrow( SetupError );
			await expect( wiki.startServer() ).rejects.toThrow( new RegExp( `Port ${ port } on 127\\.0\\.0\\.1 is taken by another program\\. Free it, or choose another port \\(OAN_PORT for npm start, OAN_TEST_PORT for the tests\\)` ) );
		} finally {
			blocker.close();
		}
	} );

	it( 'removes a half-finished earlier install and installs again', () => {
		const wiki = new Wiki( 'half-done', 8799 );
		fs.rmSync( wiki.dir, { recursive: true, force: true } );
		fs.mkdirSync( `${ wiki.dir }/data`, { recursive: true } );
		fs.writeFileSync( `${ wiki.dir }/data/oanwiki.sqlite`, 'not a database' );
		try {
			expect( wiki.install() ).toBe( true );
			expect( wiki.readState() ).toMatchObject( { installed: true, port: 8799 } );
			expect( fs.readFileSync( wiki.settings, 'utf8' ) ).toContain( "require __DIR__ . '/oan-settings.php';" );
			expect( fs.readFileSync( `${ wiki.dir }/oan-settings.php`, 'utf8' ) ).toMatch( /^require '.*\/scripts\/wiki\/settings\.php';$/m );
			// A second run reuses it.
			expect( wiki.install() ).toBe( false );
		} finally {
			fs.rmSync( wiki.dir, { recursive: true, force: true } );
		}
	}, 60000 );
} );
