// @vitest-environment node
// The reader's languages: MediaWiki's variant first where it applies, then the fallback chains.
// The variant table is what the deploy command wrote on the local zh wiki (meta=languageinfo).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickLocalized } from '../../src/i18n/fallbackChain';
import { chooseReaderLanguages, readLanguageNames, readVariantTable, VariantTable } from '../../src/i18n/readerLanguages';
import { pickStatementLanguage } from '../../src/statement/pickStatementLanguage';
import { autonym, formatDate } from '../../src/util/dates';
import { languagesPageText, statementLanguages } from '../../scripts/lib/languages.mjs';
import { defaultNotices } from './helpers';

const ZH: VariantTable = {
	zh: { bcp47: 'zh', fallbacks: [ 'zh-hans', 'zh-hant', 'zh-cn', 'zh-tw', 'zh-hk' ] },
	'zh-hans': { bcp47: 'zh-Hans', fallbacks: [ 'zh-cn', 'zh', 'zh-hant' ] },
	'zh-hant': { bcp47: 'zh-Hant', fallbacks: [ 'zh-tw', 'zh-hk', 'zh', 'zh-hans' ] },
	'zh-cn': { bcp47: 'zh-Hans-CN', fallbacks: [ 'zh-hans', 'zh', 'zh-hant' ] },
	'zh-hk': { bcp47: 'zh-Hant-HK', fallbacks: [ 'zh-hant', 'zh-tw', 'zh', 'zh-hans' ] },
	'zh-mo': { bcp47: 'zh-Hant-MO', fallbacks: [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans' ] },
	'zh-my': { bcp47: 'zh-Hans-MY', fallbacks: [ 'zh-sg', 'zh-hans', 'zh-cn', 'zh', 'zh-hant' ] },
	'zh-sg': { bcp47: 'zh-Hans-SG', fallbacks: [ 'zh-hans', 'zh-cn', 'zh', 'zh-hant' ] },
	'zh-tw': { bcp47: 'zh-Hant-TW', fallbacks: [ 'zh-hant', 'zh-hk', 'zh', 'zh-hans' ] }
};
/** mw.language.getFallbackLanguageChain() as MediaWiki 1.43 gives it for these interface languages. */
const CHAINS: Record<string, string[]> = {
	zh: [ 'zh', 'zh-hans', 'zh-hant', 'zh-cn', 'zh-tw', 'zh-hk', 'en' ],
	'zh-hk': [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans', 'en' ],
	'zh-cn': [ 'zh-cn', 'zh-hans', 'zh', 'zh-hant', 'en' ],
	en: [ 'en' ],
	sr: [ 'sr', 'sr-ec', 'sr-cyrl', 'sr-el', 'sr-latn', 'en' ]
};
// mw.language.bcp47 without its bcp47Map: the case rules only.
const bcp47 = ( code: string ): string => code.split( '-' ).map( ( s, i ) => i === 0 ? s : s.length === 2 ? s.toUpperCase() : s.length === 4 ? s[ 0 ].toUpperCase() + s.slice( 1 ) : s ).join( '-' );

describe( 'chooseReaderLanguages', () => {
	it( 'puts the reader\'s variant and its own fallbacks before the interface language\'s chain', () => {
		// Logged in with the interface in plain zh and the variant preference zh-hk.
		expect( chooseReaderLanguages( CHAINS.zh, 'zh-hk', ZH, bcp47 ) ).toEqual( {
			chain: [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans', 'zh-cn', 'en' ],
			locale: 'zh-Hant-HK'
		} );
		expect( chooseReaderLanguages( CHAINS.zh, 'zh-cn', ZH, bcp47 ) ).toEqual( {
			chain: [ 'zh-cn', 'zh-hans', 'zh', 'zh-hant', 'zh-tw', 'zh-hk', 'en' ],
			locale: 'zh-Hans-CN'
		} );
	} );

	it( 'keeps MediaWiki\'s own chain where the interface already is the variant (anonymous readers)', () => {
		expect( chooseReaderLanguages( CHAINS[ 'zh-hk' ], 'zh-hk', ZH, bcp47 ) ).toEqual( { chain: CHAINS[ 'zh-hk' ], locale: 'zh-Hant-HK' } );
	} );

	it( 'leaves an interface language outside the family alone: English on a Chinese wiki stays English', () => {
		expect( chooseReaderLanguages( CHAINS.en, 'zh-tw', ZH, bcp47 ) ).toEqual( { chain: [ 'en' ], locale: 'en' } );
	} );

	it( 'follows a wiki without variants (no wgUserVariant) by the interface language', () => {
		expect( chooseReaderLanguages( [ 'bn', 'en' ], null, {}, bcp47 ) ).toEqual( { chain: [ 'bn', 'en' ], locale: 'bn' } );
	} );

	it( 'serves other languages with variants by the same rule, also without a variant table', () => {
		const sr = chooseReaderLanguages( CHAINS.sr, 'sr-el', {}, bcp47 );
		expect( sr.chain.slice( 0, 2 ) ).toEqual( [ 'sr-el', 'sr' ] );
		expect( sr.locale ).toBe( 'sr-EL' );
		// Inuktitut: the variants do not share the first subtag; the table says they belong together.
		const iu = { iu: { bcp47: 'iu', fallbacks: [ 'ike-cans' ] }, 'ike-cans': { bcp47: 'iu-Cans', fallbacks: [ 'iu' ] }, 'ike-latn': { bcp47: 'iu-Latn', fallbacks: [ 'iu' ] } };
		expect( chooseReaderLanguages( [ 'iu', 'en' ], 'ike-latn', iu, bcp47 ) ).toEqual( { chain: [ 'ike-latn', 'iu', 'en' ], locale: 'iu-Latn' } );
	} );

	it( 'ignores a malformed variant and malformed chain entries, and never returns an empty chain', () => {
		expect( chooseReaderLanguages( CHAINS.zh, '<script>', ZH, bcp47 ).chain ).toEqual( CHAINS.zh );
		expect( chooseReaderLanguages( [], null, {}, bcp47 ) ).toEqual( { chain: [ 'en' ], locale: 'en' } );
		expect( chooseReaderLanguages( [ 'zh', '', 'x y', 'en' ], 'zh-tw', {}, bcp47 ).chain ).toEqual( [ 'zh-tw', 'zh', 'en' ] );
	} );

	it.each( [
		// variant, title language the data has, expected: a region code beats the script code, which beats zh.
		[ 'zh-hk', [ 'zh-hk', 'zh-hant', 'zh' ], 'zh-hk' ],
		[ 'zh-hk', [ 'zh-tw', 'zh-hant', 'zh' ], 'zh-hant' ],
		[ 'zh-hk', [ 'zh', 'zh-hans' ], 'zh' ],
		[ 'zh-tw', [ 'zh-hans', 'zh-hant' ], 'zh-hant' ],
		[ 'zh-mo', [ 'zh-hk', 'zh-hant' ], 'zh-hk' ],
		[ 'zh-my', [ 'zh-hans', 'zh-hant', 'zh-sg' ], 'zh-sg' ],
		[ 'zh-sg', [ 'zh-hans', 'zh-hant' ], 'zh-hans' ],
		[ 'zh-cn', [ 'zh-hant' ], 'zh-hant' ],
		[ 'zh-cn', [], 'en' ]
	] )( 'interface zh, variant %s, data in %j: text in %s', ( variant, have, expected ) => {
		const text: Record<string, string> = { en: 'English' };
		for ( const code of have ) {
			text[ code ] = code;
		}
		expect( pickLocalized( text, chooseReaderLanguages( CHAINS.zh, variant, ZH, bcp47 ).chain ).lang ).toBe( expected );
	} );

	it( 'links the statement through the same chain, and formats dates in the variant\'s locale', () => {
		const notice = defaultNotices()[ 0 ];
		const reader = chooseReaderLanguages( CHAINS.zh, 'zh-tw', ZH, bcp47 );
		expect( pickStatementLanguage( notice.statement, reader.chain ).chosen.language ).toBe( 'zh' );
		expect( formatDate( '2021-09-13', reader.locale ) ).toBe( new Intl.DateTimeFormat( 'zh-Hant-TW', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ).format( Date.UTC( 2021, 8, 13 ) ) );
		expect( formatDate( '2021-09-13', 'not a locale!' ) ).toBe( '2021-09-13' );
	} );
} );

describe( 'readVariantTable', () => {
	it( 'reads the page deploy wrote, and leaves out entries not of its shape', () => {
		const table = readVariantTable( { variants: { ...ZH, 'bad code': { bcp47: 'x', fallbacks: [] }, 'zh-xx': { fallbacks: 'zh' }, 'zh-yy': null } } );
		expect( table ).toEqual( ZH );
	} );

	it.each( [ [ null ], [ [] ], [ 'text' ], [ { variants: [] } ], [ { variants: 'zh' } ], [ {} ] ] )( 'gives an empty table for %j', ( raw ) => {
		expect( readVariantTable( raw ) ).toEqual( {} );
	} );
} );

describe( 'dates and names without Intl', () => {
	afterEach( () => {
		vi.restoreAllMocks();
	} );
	const intl = ( locale: string, time: number ): string => new Intl.DateTimeFormat( locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ).format( time );
	// Every month, first and last days, a leap day, an hour past midnight in UTC+8 (still the day before in UTC).
	const DATES = [ '2021-09-13', '2021-09-16T00:30:00+08:00', '2024-02-29', '2000-01-01', '2099-12-31T23:59:59Z' ]
		.concat( Array.from( { length: 12 }, ( _, m ) => `2023-${ String( m + 1 ).padStart( 2, '0' ) }-0${ 1 + ( m % 9 ) }` ) );
	const FAST = [ 'en', 'en-US', 'zh', 'zh-Hans', 'zh-Hant', 'zh-Hans-CN', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-Hant-MO', 'zh-Hans-SG', 'zh-Hans-MY' ];

	it.each( FAST )( 'writes %s dates as Intl does, without calling it', ( locale ) => {
		const expected = DATES.map( ( d ) => intl( locale, Date.parse( d ) ) );
		const spy = vi.spyOn( Intl, 'DateTimeFormat' );
		expect( DATES.map( ( d ) => formatDate( d, locale ) ) ).toEqual( expected );
		expect( spy ).not.toHaveBeenCalled();
	} );

	it.each( [ 'en-GB', 'bn', 'de', 'he' ] )( 'leaves %s dates to Intl', ( locale ) => {
		const spy = vi.spyOn( Intl, 'DateTimeFormat' );
		expect( formatDate( '2021-09-13', locale ) ).toBe( intl( locale, Date.UTC( 2021, 8, 13 ) ) );
		expect( spy ).toHaveBeenCalled();
	} );

	it( 'names a language from the languages page, else from the browser, else by its code', () => {
		const names = readLanguageNames( JSON.parse( languagesPageText( {}, { zh: '中文', bn: 'বাংলা' } ) ) );
		const spy = vi.spyOn( Intl, 'DisplayNames' );
		expect( autonym( 'zh', names ) ).toBe( '中文' );
		expect( spy ).not.toHaveBeenCalled();
		spy.mockRestore();
		expect( autonym( 'de', names ) ).toBe( 'Deutsch' );
		expect( autonym( 'qqq-not-a-language', names ) ).toBe( 'qqq-not-a-language' );
	} );

	it( 'reads only codes with a name from the languages page', () => {
		expect( readLanguageNames( { autonyms: { zh: '中文', 'bad code': 'x', bn: '', fr: 3, __proto__: 'p' } } ) ).toEqual( { zh: '中文' } );
		for ( const raw of [ null, 'text', { autonyms: [ 'zh' ] }, { variants: {} } ] ) {
			expect( readLanguageNames( raw ) ).toEqual( {} );
		}
	} );

	it( 'asks the wiki for the statements\' languages of every notices page it is given', () => {
		const one = JSON.stringify( { notices: [ { statement: { page: 'P', translations: [ { language: 'zh' }, { language: 'bn' } ] } } ] } );
		const two = JSON.stringify( { notices: [ { statement: { page: 'Q', language: 'fr', translations: [ { language: 'zh' }, { language: 'x y' } ] } }, { statement: null } ] } );
		expect( statementLanguages( one, two, 'not json', '' ) ).toEqual( [ 'bn', 'en', 'fr', 'zh' ] );
	} );
} );
