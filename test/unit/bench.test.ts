// @vitest-environment node
// The bench's helpers that need no wiki: the CentralNotice set-up steps (the archive check,
// unpacking, the eval statements), the comparison table with and without a skipped
// CentralNotice, and the control.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addedItems, comparisonSummary, comparisonTable, floorVerdict, ratioInterval, unpackModules } from '../../scripts/lib/benchReport.mjs';
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

describe( 'the comparison table', () => {
	const s = ( median: number ) => ( { median, min: median, max: median, n: 1 } );
	const row = ( page: string, variant: string, visible: number | null, extra: Partial<Record<string, unknown>> = {} ) => ( {
		page, variant, visible: visible === null ? null : s( visible ), visibleRatio: null, floorRatio: null,
		clsAdded: 0, extraRequests: s( 0 ), added: { modules: [], other: [] }, bytesAdded: 0, ...extra
	} );
	const pages = [ 'Vector 2022, 1280×800', 'Minerva, 390×844' ];
	const base = pages.flatMap( ( page ) => [ '', ', returning reader' ].flatMap( ( kind ) => [
		row( page, `None${ kind }`, null ),
		row( page, `Sitenotice${ kind }`, 300, { visibleRatio: 1, floorRatio: 0.6 } ),
		row( page, `Empty module${ kind }`, 500, { visibleRatio: 1.67, floorRatio: 1, clsAdded: 0.0248 } ),
		row( page, `Gadget${ kind }`, 550, {
			visibleRatio: 1.83, floorRatio: 1.1, extraRequests: s( kind ? 0 : 1 ), bytesAdded: kind ? 0 : 10237,
			added: { modules: kind ? [] : [ 'ext.gadget.office-action-notice-reserve (styles)', 'ext.gadget.office-action-notice' ], other: [] }
		} )
	] ) );

	it( 'shows a skipped CentralNotice, and why, in every place it would have had', () => {
		const skipped = { step: 'archive check', reason: '../shared/extensions does not exist' };
		const table = comparisonTable( base, skipped );
		const lines = table.split( '\n' );
		expect( lines[ 0 ] ).toContain( '| time to visible (ms) | × Sitenotice | × empty module | layout shift added | requests added | bytes added (gzip) |' );
		// 2 pages × 2 kinds of view × 4 variants, after the head.
		expect( lines ).toHaveLength( 2 + 16 );
		const skips = lines.filter( ( l: string ) => l.includes( 'CentralNotice' ) );
		expect( skips ).toHaveLength( 4 );
		expect( skips[ 0 ] ).toBe( '| Vector 2022, 1280×800 | first | CentralNotice | skipped at archive check: ../shared/extensions does not exist | — | — | — | — | — |' );
		expect( table ).not.toMatch( /\| None/ );
		expect( lines[ 4 ] ).toBe( '| Vector 2022, 1280×800 | first | Gadget | 550 | 1.83 | 1.10 | 0.0000 | 1 (modules ext.gadget.office-action-notice-reserve (styles), ext.gadget.office-action-notice) | 10237 |' );
		expect( comparisonSummary( base, skipped ) ).toBe( 'CentralNotice was not measured in this run (skipped at archive check: ../shared/extensions does not exist), so there is nothing to set the gadget against.' );
	} );

	it( 'says for each page and view whether the gadget met the bar against the empty module: 1.10× first, 1.05× returning', () => {
		const rows = base.map( ( r ) => r.page.startsWith( 'Minerva' ) && r.variant === 'Gadget' ? { ...r, floorRatio: 1.11 } : r );
		expect( floorVerdict( rows ).split( '\n' ) ).toEqual( [
			'- **Vector 2022, 1280×800, first view**: time to visible 1.10× the empty module\'s (bar ≤ 1.10×): met.',
			'- **Vector 2022, 1280×800, returning reader**: time to visible 1.10× the empty module\'s (bar ≤ 1.05×): missed.',
			'- **Minerva, 390×844, first view**: time to visible 1.11× the empty module\'s (bar ≤ 1.10×): missed.',
			'- **Minerva, 390×844, returning reader**: time to visible 1.10× the empty module\'s (bar ≤ 1.05×): missed.'
		] );
		expect( floorVerdict( [ { ...base[ 3 ], floorRatio: null } ] ) ).toBe( '- **Vector 2022, 1280×800, first view**: time to visible over the empty module\'s not measured (bar ≤ 1.10×): missed.' );
		// Beside the floor, the inline job (no module, no request of its own) where the run has it.
		expect( floorVerdict( [ { ...base[ 3 ], floorRatio: 1.08, inlineRatio: 1.21 } ] ) ).toBe( '- **Vector 2022, 1280×800, first view**: time to visible 1.08× the empty module\'s (bar ≤ 1.10×): met (1.21× the inline job\'s).' );
	} );

	it( 'gives the ratio of two medians its 95 % bootstrap interval, the same from the same samples', () => {
		const floor = [ 150, 160, 170, 180, 190, 200, 210, 220, 230, 240, 250, 260, 270, 280, 290 ];
		const same = ratioInterval( floor, floor );
		expect( same![ 0 ] ).toBeLessThan( 1 );
		expect( same![ 1 ] ).toBeGreaterThan( 1 );
		expect( ratioInterval( floor, floor ) ).toEqual( same );
		// Twice as slow, with this spread: an interval well above 1.05 and around 2.
		const slow = ratioInterval( floor.map( ( x ) => 2 * x ), floor )!;
		expect( slow[ 0 ] ).toBeGreaterThan( 1.5 );
		expect( slow[ 1 ] ).toBeLessThan( 2.8 );
		// No spread at all: exactly the ratio.
		expect( ratioInterval( [ 110, 110, 110, 110, 110 ], [ 100, 100, 100, 100, 100 ] )!.map( ( x ) => x.toFixed( 3 ) ) ).toEqual( [ '1.100', '1.100' ] );
		// Too few views to resample: no interval rather than a point that looks certain.
		expect( ratioInterval( [], floor ) ).toBeNull();
		expect( ratioInterval( [ 110, 120, 130, 140 ], floor ) ).toBeNull();
		expect( ratioInterval( floor, [ 100 ] ) ).toBeNull();
	} );

	it( 'says whether the interval of the ratio lets the run tell met from missed', () => {
		const row = { ...base[ 3 ], floorRatio: 1.08 };
		expect( floorVerdict( [ { ...row, floorInterval: [ 0.97, 1.09 ] } ] ) ).toBe( '- **Vector 2022, 1280×800, first view**: time to visible 1.08× the empty module\'s (bar ≤ 1.10×): met. 95 % interval 0.97–1.09×: met beyond this run\'s noise.' );
		expect( floorVerdict( [ { ...row, floorInterval: [ 0.97, 1.19 ] } ] ) ).toBe( '- **Vector 2022, 1280×800, first view**: time to visible 1.08× the empty module\'s (bar ≤ 1.10×): met. 95 % interval 0.97–1.19×, the bar inside it: this run cannot tell met from missed.' );
		expect( floorVerdict( [ { ...row, floorRatio: 1.2, floorInterval: [ 1.12, 1.3 ] } ] ) ).toBe( '- **Vector 2022, 1280×800, first view**: time to visible 1.20× the empty module\'s (bar ≤ 1.10×): missed. 95 % interval 1.12–1.30×: missed beyond this run\'s noise.' );
	} );

	it( 'states from the numbers where the gadget stands against CentralNotice', () => {
		const rows = [ ...base, ...pages.flatMap( ( page ) => [ '', ', returning reader' ].map( ( kind ) => row( page, `CentralNotice${ kind }`, kind ? 400 : 760, {
			clsAdded: 0.0547, extraRequests: s( 1 ), bytesAdded: kind ? 500 : 17500,
			added: { modules: [ 'ext.centralNotice.startUp' ], other: [ 'Special:BannerLoader' ] }
		} ) ) ) ];
		const table = comparisonTable( rows, null );
		expect( table ).toContain( '| Minerva, 390×844 | returning | CentralNotice | 400 | — | — | 0.0547 | 1 (Special:BannerLoader; modules ext.centralNotice.startUp) | 500 |' );
		const summary = comparisonSummary( rows, null );
		expect( summary ).toContain( '- **Vector 2022, 1280×800, first view**: the gadget is visible at 550 ms against CentralNotice\'s 760 (0.72×, 210 ms sooner); layout shift added 0.0000 against 0.0547; 1 request added against 1; 10.2 kB added as served against 17.5 kB (0.58×).' );
		// A returning reader: the gadget is later there, and that is said.
		expect( summary ).toContain( '550 ms against CentralNotice\'s 400 (1.38×, 150 ms later)' );
		expect( summary ).toContain( '0 requests added against 1; nothing added as served against 0.5 kB.' );
		expect( summary ).toContain( 'Where CentralNotice does better in this run: time to visible (Vector 2022, 1280×800, returning reader), time to visible (Minerva, 390×844, returning reader).' );
	} );
} );

describe( 'requests added', () => {
	it( 'unpacks load.php module lists as mw.loader packs them', () => {
		expect( unpackModules( 'ext.centralNotice.choiceData,display,startUp|ext.eventLogging|jquery,site|mediawiki.String,base' ) ).toEqual( [
			'ext.centralNotice.choiceData', 'ext.centralNotice.display', 'ext.centralNotice.startUp', 'ext.eventLogging', 'jquery', 'site', 'mediawiki.String', 'mediawiki.base'
		] );
	} );

	it( 'names modules added to a batch the control makes too, and requests of their own', () => {
		const control = [ '/index.php?title=Benchmark article', '/load.php?modules=startup&only=scripts', '/load.php?modules=jquery,site|mediawiki.base' ];
		const view = [ '/index.php?title=Benchmark article', '/load.php?modules=startup&only=scripts', '/load.php?modules=ext.centralNotice.startUp|jquery,site|mediawiki.Uri,base',
			'/load.php?modules=ext.gadget.office-action-notice-reserve&only=styles', '/index.php?title=Special:BannerLoader' ];
		expect( addedItems( view, control ) ).toEqual( {
			modules: [ 'ext.centralNotice.startUp', 'mediawiki.Uri', 'ext.gadget.office-action-notice-reserve (styles)' ],
			other: [ 'Special:BannerLoader' ]
		} );
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
