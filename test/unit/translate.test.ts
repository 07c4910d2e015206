// @vitest-environment node
// The pairing of the seeds' paragraphs into the statement's units, and the decision whether
// Translate can be installed at all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../../scripts/lib/align.mjs';
import { checkArchives, TRANSLATE_ARCHIVES } from '../../scripts/lib/extensions.mjs';
import { readSeeds, SEEDS_DIR, translatableStatement } from '../../scripts/lib/seeds.mjs';
import { sourceText, withoutUnitMarkers } from '../../scripts/lib/translatable.mjs';
import { ROOT } from './helpers';

describe( 'the statement\'s units', () => {
	it( 'pairs paragraphs in order by what survives translation, leaving out those with no counterpart', () => {
		const en = [
			'Hello, everyone.',
			'I am Ada Example, writing about the NDA policy [1] and what it means for the many people who hold such rights today.',
			'A long paragraph the translator left out, with nothing that would survive translation into another script at all.',
			'We will hold an office hour on Meta [2] in the coming weeks, and answer the questions we can answer there.',
			'Best regards,'
		];
		const zh = [ '我是 Ada Example，关于 NDA 政策 [1] 的说明，以及它对持有这些权限的人的意义。', '我们会在 Meta 上举办 office hour [2]，回答我们能回答的问题。' ];
		expect( alignParagraphs( en, zh ) ).toEqual( [ [ 1, 0 ], [ 3, 1 ] ] );
		// A page of its own lines first (a shortcut box, a heading), then the text.
		const bn = [ 'শর্টকাট:\nOA2099', 'কিছু বিষয়ে একটি শিরোনাম', 'প্রিয় সবাই,', 'আমি Ada Example, NDA নীতি [1] নিয়ে লিখছি এবং আজ যাঁদের এই অধিকার আছে তাঁদের জন্য এর অর্থ কী।', en[ 2 ], en[ 3 ] ];
		expect( alignParagraphs( en, bn ) ).toEqual( [ [ 0, 2 ], [ 1, 3 ], [ 2, 4 ], [ 3, 5 ] ] );
	} );

	it( 'writes the source page with one unit per paragraph, and knows it again once Translate has marked it', () => {
		const text = sourceText( [ 'One.', 'Two.' ] );
		expect( text ).toBe( '<languages/>\n<translate>\nOne.\n\nTwo.\n</translate>' );
		expect( withoutUnitMarkers( '<languages/>\n<translate>\n<!--T:1-->\nOne.\n\n<!--T:2-->\nTwo.\n</translate>' ) ).toBe( text );
	} );

	it( 'has stand-in units in each language without seeds', () => {
		const statement = translatableStatement( null );
		expect( statement.units ).toHaveLength( 2 );
		expect( statement.translations.map( ( t ) => [ t.language, t.units.length ] ) ).toEqual( [ [ 'zh', 1 ], [ 'bn', 1 ] ] );
	} );

	it.runIf( fs.existsSync( SEEDS_DIR ) )( 'maps the seeds\' paragraphs as documented in docs/translate.md', () => {
		const statement = translatableStatement( readSeeds() );
		expect( statement.units ).toHaveLength( 20 );
		const mapped = Object.fromEntries( statement.translations.map( ( t ) => [
			t.language, { title: Boolean( t.title ), units: t.units.map( ( [ i ] ) => i ) }
		] ) );
		expect( mapped ).toEqual( {
			zh: { title: false, units: [ 1, 2, 3, 5, 6, 7, 8, 9, 10, 13 ] },
			bn: { title: true, units: [ 0, 1 ] }
		} );
	} );
} );

describe( 'whether Translate can be installed', () => {
	const sha = ( text: string ) => crypto.createHash( 'sha256' ).update( text ).digest( 'hex' );
	function folder( files: Record<string, string>, sums: Record<string, string> | null ) {
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-ext-' ) );
		for ( const [ name, text ] of Object.entries( files ) ) {
			fs.writeFileSync( path.join( dir, name ), text );
		}
		if ( sums ) {
			fs.writeFileSync( path.join( dir, 'SHA256SUMS' ), Object.entries( sums ).map( ( [ name, text ] ) => `${ sha( text ) }  ${ name }\n` ).join( '' ) );
		}
		return dir;
	}
	const [ uls, translate ] = TRANSLATE_ARCHIVES;
	const reason = ( dir: string ) => ( checkArchives( TRANSLATE_ARCHIVES, dir ) as { reason?: string } ).reason;

	it( 'not without the folder, its SHA256SUMS, an archive, or its line in SHA256SUMS', () => {
		const nowhere = path.join( os.tmpdir(), 'no-such-dir-oan' );
		expect( checkArchives( TRANSLATE_ARCHIVES, nowhere ) ).toEqual( { ok: false, reason: `no ${ path.relative( ROOT, nowhere ) }/SHA256SUMS` } );
		const noSums = folder( { [ uls ]: 'a', [ translate ]: 'b' }, null );
		expect( reason( noSums ) ).toBe( `no ${ path.relative( ROOT, noSums ) }/SHA256SUMS` );
		const noArchive = folder( { [ uls ]: 'a' }, { [ uls ]: 'a', [ translate ]: 'b' } );
		expect( reason( noArchive ) ).toBe( `no ${ path.relative( ROOT, noArchive ) }/${ translate }` );
		const unlisted = folder( { [ uls ]: 'a', [ translate ]: 'b' }, { [ uls ]: 'a' } );
		expect( reason( unlisted ) ).toBe( `${ translate } is not listed in ${ path.relative( ROOT, unlisted ) }/SHA256SUMS` );
	} );

	it( 'not when an archive fails its checksum', () => {
		const changed = folder( { [ uls ]: 'a', [ translate ]: 'changed' }, { [ uls ]: 'a', [ translate ]: 'b' } );
		expect( checkArchives( TRANSLATE_ARCHIVES, changed ) ).toEqual( { ok: false, reason: `${ path.relative( ROOT, changed ) }/${ translate } does not match its checksum in SHA256SUMS` } );
	} );

	it( 'when each archive is there and matches', () => {
		expect( checkArchives( TRANSLATE_ARCHIVES, folder( { [ uls ]: 'a', [ translate ]: 'b' }, { [ uls ]: 'a', [ translate ]: 'b' } ) ) ).toEqual( {
			ok: true,
			archives: [ { file: uls, name: 'UniversalLanguageSelector', sha256: sha( 'a' ) }, { file: translate, name: 'Translate', sha256: sha( 'b' ) } ]
		} );
	} );
} );
