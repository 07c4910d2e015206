// @vitest-environment node
// The statement's translations from Translate's statistics (src/completeness/), the
// rewrite of the notices data that records them, the pairing of the seeds' paragraphs into
// units, and the decision whether Translate can be installed at all.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { alignParagraphs } from '../../scripts/lib/align.mjs';
import { checkArchives, TRANSLATE_ARCHIVES } from '../../scripts/lib/extensions.mjs';
import { readSeeds, SEEDS_DIR, translatableStatement } from '../../scripts/lib/seeds.mjs';
import { sourceText, withoutUnitMarkers } from '../../scripts/lib/translatable.mjs';
import { rewriteTranslations } from '../../src/completeness/rewriteInPlace';
import { barPercent, completenessFromStats, fetchPageStats, NoticesDataError, resolveStatementPage, CompletenessError } from '../../src/completeness/statistics';
import { mergeTranslations, updateNoticesText } from '../../src/completeness/updateNoticesText';
import { ROOT } from './helpers';

const DATA = fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' );
const PAGE = 'Office actions/September 2021 statement';
const KNOWN = [ 'bn', 'de', 'en', 'fr', 'zh', 'zh-hant', 'be-x-old' ];

type Params = Record<string, unknown>;

/** A client that answers each request with the next answer (a function of the params, an error to throw, or JSON). */
function fakeClient( ...answers: unknown[] ) {
	const requests: Params[] = [];
	return {
		requests,
		request: vi.fn( async ( params: Params ) => {
			requests.push( params );
			const next = answers.length > 1 ? answers.shift() : answers[ 0 ];
			const answer = typeof next === 'function' ? next( params ) : next;
			if ( answer instanceof Error ) {
				throw answer;
			}
			return answer;
		} )
	};
}

function apiError( code: string ) {
	return Object.assign( new Error( `${ code }: …` ), { code } );
}

const SITE = { extensions: [ { name: 'Gadgets' }, { name: 'Translate' } ], languages: KNOWN.map( ( code ) => ( { code } ) ) };

/** What the statement wiki answers: the page (through m:), then its statistics. */
function statementWiki( rows: unknown[], source = 'en' ) {
	return fakeClient( ( params: Params ) => {
		if ( params.meta === 'messagegroupstats' ) {
			return { batchcomplete: true, query: { messagegroupstats: rows } };
		}
		if ( String( params.titles ).startsWith( 'm:' ) ) {
			return { query: { ...SITE, interwiki: [ { title: params.titles, iw: 'm' } ] } };
		}
		return { query: { ...SITE, pages: [ { title: params.titles, pagelanguage: source } ] } };
	} );
}

const row = ( language: string, translated: number, fuzzy = 0, total = 21 ) => ( { language, code: language, total, translated, fuzzy, proofread: 0 } );

describe( 'barPercent', () => {
	it( 'rounds as the language bar does, to the nearest percent, an exact half to the even one', () => {
		const cases = [ [ 10, 21 ], [ 3, 21 ], [ 0, 21 ], [ 21, 21 ], [ 1, 8 ], [ 3, 8 ], [ 5, 8 ], [ 7, 8 ], [ 1, 40 ], [ 3, 40 ], [ 2, 3 ], [ 0, 0 ] ];
		expect( cases.map( ( [ t, n ] ) => barPercent( t, n ) ) ).toEqual( [ 48, 14, 0, 100, 12, 38, 62, 88, 3, 7, 67, 0 ] );
	} );

	it( 'equals Translate\'s own formula, 100 * sprintf( \'%.2f\', translated / total ) in PHP, for every page of up to 200 units', () => {
		const php = execFileSync( 'php', [ '-r', '$o = []; for ( $n = 1; $n <= 200; $n++ ) { for ( $t = 0; $t <= $n; $t++ ) { $o[] = (int)round( 100 * sprintf( "%.2f", $t / $n ) ); } } echo json_encode( $o );' ], { encoding: 'utf8' } );
		const ours = [];
		for ( let n = 1; n <= 200; n++ ) {
			for ( let t = 0; t <= n; t++ ) {
				ours.push( barPercent( t, n ) );
			}
		}
		expect( ours ).toEqual( JSON.parse( php ) );
	} );
} );

describe( 'completenessFromStats', () => {
	it( 'lists each language with a translated or outdated unit, not the source, in code order; outdated units are untranslated', () => {
		const { translations, notes } = completenessFromStats( [
			row( 'zh', 10 ), row( 'en', 21 ), row( 'de', 0 ), row( 'fr', 0, 2 ), row( 'bn', 3, 1 )
		], { source: 'en', known: KNOWN } );
		expect( translations ).toEqual( [ { language: 'bn', complete: 14 }, { language: 'fr', complete: 0 }, { language: 'zh', complete: 48 } ] );
		expect( notes ).toEqual( [
			'bn: 1 of 21 units outdated (fuzzy), counted as untranslated: 14%',
			'fr: 2 of 21 units outdated (fuzzy), counted as untranslated: 0%'
		] );
	} );

	it( 'refuses a language code MediaWiki or the gadget does not know', () => {
		expect( () => completenessFromStats( [ row( 'xx-made-up', 4 ) ], { source: 'en', known: KNOWN } ) )
			.toThrow( new CompletenessError( 'Translate counts a translation into "xx-made-up", a language code MediaWiki does not know' ) );
		expect( () => completenessFromStats( [ row( 'be-x-old', 4 ) ], { source: 'en', known: KNOWN } ) )
			.toThrow( /"be-x-old", a language code the gadget does not know/ );
	} );
} );

describe( 'fetchPageStats', () => {
	const noWait = () => Promise.resolve();

	it( 'asks for the page\'s group and gives its rows', async () => {
		const client = statementWiki( [ row( 'zh', 10 ) ] );
		expect( await fetchPageStats( client, PAGE ) ).toEqual( [ { language: 'zh', total: 21, translated: 10, fuzzy: 0 } ] );
		expect( client.requests[ 0 ] ).toMatchObject( { action: 'query', meta: 'messagegroupstats', mgsgroup: `page-${ PAGE }` } );
	} );

	it( 'follows the continuation of a partial answer', async () => {
		const client = fakeClient(
			{ continue: { mgsoffset: 'de', continue: '-||' }, query: { messagegroupstats: [ row( 'bn', 3 ) ] } },
			{ batchcomplete: true, query: { messagegroupstats: [ row( 'zh', 10 ) ] } }
		);
		expect( ( await fetchPageStats( client, PAGE, { wait: noWait } ) ).map( ( r ) => r.language ) ).toEqual( [ 'bn', 'zh' ] );
		expect( client.requests[ 1 ] ).toMatchObject( { mgsoffset: 'de', continue: '-||' } );
	} );

	it( 'asks again while the cache is cold, then gives up with one line', async () => {
		const cold = { continue: { mgsoffset: 'aa', continue: '-||' }, query: { messagegroupstats: [] } };
		const wait = vi.fn( noWait );
		const warm = fakeClient( cold, cold, { batchcomplete: true, query: { messagegroupstats: [ row( 'zh', 10 ) ] } } );
		expect( await fetchPageStats( warm, PAGE, { wait } ) ).toHaveLength( 1 );
		expect( wait ).toHaveBeenCalledTimes( 2 );

		const stays = fakeClient( cold );
		await expect( fetchPageStats( stays, PAGE, { tries: 4, pause: 500, wait: noWait } ) )
			.rejects.toThrow( new CompletenessError( 'Translate\'s statistics for "Office actions/September 2021 statement" are still being computed (asked 4 times over 1.5 s); run the job queue, or try again later' ) );
		expect( stays.requests ).toHaveLength( 4 );
	} );

	it( 'names an unknown group and a wiki without Translate', async () => {
		await expect( fetchPageStats( fakeClient( apiError( 'badparameter' ) ), 'Plain page' ) )
			.rejects.toThrow( new CompletenessError( '"Plain page" is not a translatable page (Translate knows no message group page-Plain page)' ) );
		await expect( fetchPageStats( fakeClient( { batchcomplete: true, warnings: { query: { warnings: 'Unrecognized value for parameter "meta": messagegroupstats' } } } ), PAGE ) )
			.rejects.toThrow( /does not run Translate/ );
	} );
} );

describe( 'resolveStatementPage', () => {
	it( 'takes off the interwiki prefixes the statement wiki knows, and gives the page\'s source language', async () => {
		const client = statementWiki( [] );
		expect( await resolveStatementPage( client, `m:${ PAGE }` ) ).toEqual( { title: PAGE, source: 'en', known: KNOWN } );
		expect( client.requests.map( ( r ) => r.titles ) ).toEqual( [ `m:${ PAGE }`, PAGE ] );
	} );

	it( 'says so for a missing page, a wiki without Translate and an answer that is not the API\'s', async () => {
		await expect( resolveStatementPage( fakeClient( { query: { ...SITE, pages: [ { title: 'Nope', missing: true } ] } } ), 'Nope' ) ).rejects.toThrow( 'there is no page "Nope"' );
		await expect( resolveStatementPage( fakeClient( { query: { ...SITE, extensions: [ { name: 'Gadgets' } ], pages: [ { title: PAGE } ] } } ), PAGE ) ).rejects.toThrow( 'the wiki does not run Translate' );
		await expect( resolveStatementPage( fakeClient( '<html>' ), PAGE ) ).rejects.toThrow( 'the answer is not a MediaWiki API answer' );
	} );
} );

describe( 'mergeTranslations', () => {
	it( 'updates each number in its place, adds new languages at the end, drops those Translate has no translation for, keeps entries naming their own page', () => {
		const current = [
			{ language: 'zh', complete: 100 },
			{ language: 'fr', complete: 30 },
			{ language: 'bn', complete: 19, page: `${ PAGE }/bn` },
			{ language: 'de', complete: 70, page: 'Somewhere else/de' }
		];
		const computed = [ { language: 'bn', complete: 14 }, { language: 'de', complete: 5 }, { language: 'es', complete: 10 }, { language: 'zh', complete: 48 } ];
		expect( mergeTranslations( current, computed, PAGE ) ).toEqual( {
			translations: [
				{ language: 'zh', complete: 48 },
				{ language: 'bn', complete: 14, page: `${ PAGE }/bn` },
				{ language: 'de', complete: 70, page: 'Somewhere else/de' },
				{ language: 'es', complete: 10 }
			],
			changes: [ 'zh 100 → 48', '−fr', 'bn 19 → 14', '+es 10' ]
		} );
	} );
} );

describe( 'the notices data, rewritten in place', () => {
	const counted = [ row( 'en', 21 ), row( 'zh', 10 ), row( 'bn', 3 ) ];

	it( 'changes only the two numbers of data/notices.json, every other byte as it was', async () => {
		const result = await updateNoticesText( DATA, statementWiki( counted ) );
		expect( result.text ).toBe( DATA.replace( '"language": "zh", "complete": 100 }', '"language": "zh", "complete": 48 }' ).replace( '"language": "bn", "complete": 19 }', '"language": "bn", "complete": 14 }' ) );
		expect( result.changes ).toEqual( [ 'office-action-2021-09: zh 100 → 48, bn 19 → 14' ] );
		expect( result.report ).toEqual( [ `${ PAGE } (source en): bn 14%, zh 48%` ] );
		// Once up to date, the same text again.
		const again = await updateNoticesText( result.text, statementWiki( counted ) );
		expect( again.text ).toBe( result.text );
		expect( again.changes ).toEqual( [] );
	} );

	it( 'adds a new language on a line of its own, in the data\'s style, and removes one', async () => {
		const added = await updateNoticesText( DATA, statementWiki( [ ...counted, row( 'de', 2 ) ] ) );
		expect( added.text ).toContain( '{ "language": "bn", "complete": 14 },\n\t\t\t\t\t{ "language": "de", "complete": 10 }\n\t\t\t\t]' );
		const removed = await updateNoticesText( DATA, statementWiki( [ row( 'zh', 10 ) ] ) );
		expect( removed.text ).toContain( '"translations": [\n\t\t\t\t\t{ "language": "zh", "complete": 48 }\n\t\t\t\t]' );
		const none = await updateNoticesText( DATA, statementWiki( [] ) );
		expect( none.text ).toContain( '"translations": []' );
		for ( const result of [ added, removed, none ] ) {
			// Outside the list, nothing moved.
			const list = /"translations": \[[^\]]*\]/;
			expect( result.text.replace( list, '' ) ).toBe( DATA.replace( list, '' ) );
		}
	} );

	it( 'fills an empty list, and writes one where the statement has none', () => {
		const empty = '{\n\t"notices": [ {\n\t\t"id": "a",\n\t\t"statement": {\n\t\t\t"page": "m:S",\n\t\t\t"translations": []\n\t\t}\n\t} ]\n}\n';
		const entries = [ { language: 'zh', complete: 48 } ];
		expect( rewriteTranslations( empty, new Map( [ [ 0, entries ] ] ) ) ).toBe( empty.replace( '[]', '[\n\t\t\t\t{ "language": "zh", "complete": 48 }\n\t\t\t]' ) );
		const missing = '{\n\t"notices": [ {\n\t\t"id": "a",\n\t\t"statement": {\n\t\t\t"page": "m:S"\n\t\t}\n\t} ]\n}\n';
		expect( rewriteTranslations( missing, new Map( [ [ 0, entries ] ] ) ) ).toBe( missing.replace( '"m:S"', '"m:S",\n\t\t\t"translations": [\n\t\t\t\t{ "language": "zh", "complete": 48 }\n\t\t\t]' ) );
	} );

	it( 'fails with one line and returns nothing for data that is not JSON, an unknown notice, or a statement in another language than its page', async () => {
		await expect( updateNoticesText( '{ "notices": [ }', statementWiki( counted ) ) ).rejects.toThrow( new NoticesDataError( 'the notices data is not valid JSON (at character 15)' ) );
		await expect( updateNoticesText( DATA, statementWiki( counted ), { notice: 'nope' } ) ).rejects.toThrow( 'the notices data has no notice "nope"' );
		await expect( updateNoticesText( DATA, statementWiki( counted, 'de' ) ) ).rejects.toThrow( `office-action-2021-09: the data says the statement is in "en", but "${ PAGE }" is in "de"` );
	} );
} );

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
