// @vitest-environment node
// The bench's helpers that need no wiki: the CentralNotice set-up steps (the archive check,
// unpacking, the eval statements) and the control.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { campaignStatements, checkArchives, EVAL_LINE_MAX, parseSums, Skipped, unpackArchives } from '../../scripts/lib/centralnotice.mjs';
import { stripGadget } from '../../scripts/lib/control.mjs';

const sha256 = ( data: Buffer | string ) => crypto.createHash( 'sha256' ).update( data ).digest( 'hex' );

/** A tar.gz holding <name>/extension.json (or only <name>/README when broken). */
function makeArchive( dir: string, file: string, name: string, broken = false ): string {
	const src = fs.mkdtempSync( path.join( dir, 'src-' ) );
	fs.mkdirSync( path.join( src, name ) );
	fs.writeFileSync( path.join( src, name, broken ? 'README' : 'extension.json' ), `{ "name": "${ name }" }\n` );
	execFileSync( 'tar', [ '-czf', path.join( dir, file ), '-C', src, name ] );
	fs.rmSync( src, { recursive: true, force: true } );
	return path.join( dir, file );
}

describe( 'the CentralNotice archives', () => {
	let dir: string;
	const archives = [ { name: 'EventLogging', file: 'EventLogging-test.tar.gz' }, { name: 'CentralNotice', file: 'CentralNotice-test.tar.gz' } ];

	const writeSums = ( lines: string[] ) => fs.writeFileSync( path.join( dir, 'SHA256SUMS' ), lines.join( '\n' ) + '\n' );
	const sumLine = ( file: string ) => `${ sha256( fs.readFileSync( path.join( dir, file ) ) ) }  ${ file }`;
	const skipOf = ( fn: () => unknown ): Skipped => {
		try {
			fn();
		} catch ( e ) {
			expect( e ).toBeInstanceOf( Skipped );
			return e as Skipped;
		}
		throw new Error( 'expected a Skipped' );
	};

	beforeEach( () => {
		dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-archives-' ) );
		for ( const a of archives ) {
			makeArchive( dir, a.file, a.name );
		}
	} );
	afterEach( () => {
		fs.rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'reads SHA256SUMS as sha256sum writes it, text or binary mode', () => {
		const sums = parseSums( `${ 'A'.repeat( 64 ) }  a.tar.gz\n${ 'b'.repeat( 64 ) } *b.tar.gz\nnot a line\n` );
		expect( [ ...sums ] ).toEqual( [ [ 'a.tar.gz', 'a'.repeat( 64 ) ], [ 'b.tar.gz', 'b'.repeat( 64 ) ] ] );
	} );

	it( 'accepts archives that match SHA256SUMS', () => {
		writeSums( archives.map( ( a ) => sumLine( a.file ) ) );
		const checked = checkArchives( dir, archives );
		expect( checked.map( ( c: { name: string } ) => c.name ) ).toEqual( [ 'EventLogging', 'CentralNotice' ] );
		expect( checked[ 1 ].sha256 ).toBe( sha256( fs.readFileSync( path.join( dir, archives[ 1 ].file ) ) ) );
	} );

	it( 'refuses a damaged archive: checksum mismatch, at the archive check, naming the file', () => {
		writeSums( archives.map( ( a ) => sumLine( a.file ) ) );
		fs.appendFileSync( path.join( dir, archives[ 1 ].file ), 'damage' );
		const skip = skipOf( () => checkArchives( dir, archives ) );
		expect( skip.step ).toBe( 'archive check' );
		expect( skip.reason ).toContain( 'CentralNotice-test.tar.gz' );
		expect( skip.reason ).toContain( 'does not match SHA256SUMS' );
		expect( skip.message.split( '\n' ) ).toHaveLength( 1 );
	} );

	it( 'refuses a missing archive that SHA256SUMS lists', () => {
		writeSums( archives.map( ( a ) => sumLine( a.file ) ) );
		fs.rmSync( path.join( dir, archives[ 0 ].file ) );
		const skip = skipOf( () => checkArchives( dir, archives ) );
		expect( skip.step ).toBe( 'archive check' );
		expect( skip.reason ).toMatch( /EventLogging-test\.tar\.gz is missing$/ );
	} );

	it( 'refuses an archive SHA256SUMS does not list, a missing SHA256SUMS, and a missing folder', () => {
		writeSums( [ sumLine( archives[ 0 ].file ) ] );
		expect( skipOf( () => checkArchives( dir, archives ) ).reason ).toContain( 'CentralNotice-test.tar.gz is not listed' );
		fs.rmSync( path.join( dir, 'SHA256SUMS' ) );
		expect( skipOf( () => checkArchives( dir, archives ) ).reason ).toMatch( /SHA256SUMS is missing$/ );
		const gone = path.join( dir, 'no-such-folder' );
		expect( skipOf( () => checkArchives( gone, archives ) ).reason ).toMatch( /no-such-folder does not exist$/ );
	} );

	it( 'unpacks each archive once, and refuses one without its extension.json', () => {
		writeSums( archives.map( ( a ) => sumLine( a.file ) ) );
		const checked = checkArchives( dir, archives );
		const extensions = fs.mkdtempSync( path.join( dir, 'extensions-' ) );
		expect( unpackArchives( checked, extensions ) ).toBe( true );
		expect( fs.existsSync( path.join( extensions, 'CentralNotice', 'extension.json' ) ) ).toBe( true );
		expect( unpackArchives( checked, extensions ) ).toBe( false );
		// Only the unpacked trees are left: no temporary folders.
		expect( fs.readdirSync( extensions ).sort() ).toEqual( [ 'CentralNotice', 'EventLogging' ] );

		makeArchive( dir, 'CentralNotice-test.tar.gz', 'CentralNotice', true );
		writeSums( archives.map( ( a ) => sumLine( a.file ) ) );
		const skip = skipOf( () => unpackArchives( checkArchives( dir, archives ), extensions ) );
		expect( skip.step ).toBe( 'unpacking' );
		expect( skip.reason ).toContain( 'no CentralNotice/extension.json' );
	} );
} );

describe( 'the campaign set-up statements', () => {
	it( 'keep every line short enough for maintenance eval, however long the banner', () => {
		const html = `<div class="oan-bench-sitenotice">${ 'Office action, in a long notice. '.repeat( 300 ) }</div>`;
		const lines = campaignStatements( html, new Date( '2026-01-02T03:04:05Z' ) ).trimEnd().split( '\n' );
		expect( Math.max( ...lines.map( ( l: string ) => Buffer.byteLength( l ) ) ) ).toBeLessThan( EVAL_LINE_MAX );
		const pieces = lines.filter( ( l: string ) => l.startsWith( '$html .= ' ) ).map( ( l: string ) => l.slice( 10, -2 ) );
		expect( Buffer.from( pieces.join( '' ), 'base64' ).toString() ).toBe( html );
		// From a day before to a year after.
		expect( lines.join( '\n' ) ).toContain( "'20260101030405', '20270102030405'" );
		expect( lines[ lines.length - 1 ] ).toContain( 'OAN-CAMPAIGN-OK' );
	} );
} );

describe( 'the control', () => {
	it( 'takes the styles peer out of the head, and the whole link when the peer was all it loaded', () => {
		const head = ( modules: string ) => `<link rel="stylesheet" href="/load.php?lang=en&amp;modules=${ modules }&amp;only=styles&amp;skin=vector-2022">\n`;
		const html = head( 'skins.vector.styles' ) + head( 'ext.gadget.office-action-notice-reserve' ) + head( 'ext.gadget.office-action-notice-reserve%7Csite.styles' ) +
			'<script>RLPAGEMODULES=["ext.gadget.office-action-notice","site"];</script>';
		expect( stripGadget( html ) ).toBe( head( 'skins.vector.styles' ) + head( 'site.styles' ) + '<script>RLPAGEMODULES=["site"];</script>' );
	} );
} );
