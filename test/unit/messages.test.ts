import { describe, expect, it } from 'vitest';
import { pickLocalized, pickMessages } from '../../src/i18n/fallbackChain';
import { pickStatementLanguage } from '../../src/statement/pickStatementLanguage';
import { renderStatementLinks } from '../../src/statement/statementLinks';
import { bundles, defaultNotices, deps } from './helpers';

const statement = defaultNotices()[ 0 ].statement;
// Chains as MediaWiki 1.43's mw.language.getFallbackLanguageChain() returns them.
const CHAINS: Record<string, string[]> = {
	en: [ 'en' ],
	zh: [ 'zh', 'zh-hans', 'zh-hant', 'zh-cn', 'zh-tw', 'zh-hk', 'en' ],
	'zh-hant': [ 'zh-hant', 'zh-tw', 'zh-hk', 'zh', 'zh-hans', 'en' ],
	'zh-hk': [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans', 'en' ],
	bn: [ 'bn', 'en' ],
	de: [ 'de', 'en' ],
	'de-at': [ 'de-at', 'de', 'en' ]
};

describe( 'pickStatementLanguage', () => {
	it.each( [
		[ 'en', 'en', null ],
		[ 'zh', 'zh', null ],
		[ 'zh-hk', 'zh', null ],
		[ 'zh-hant', 'zh', null ],
		[ 'bn', 'bn', 'en' ],
		[ 'de', 'en', null ],
		[ 'de-at', 'en', null ]
	] )( 'for %s links %s, original offered: %s', ( lang, expected, original ) => {
		const links = pickStatementLanguage( statement, CHAINS[ lang ] );
		expect( links.chosen.language ).toBe( expected );
		expect( links.original ? links.original.language : null ).toBe( original );
	} );

	it( 'picks zh-hant over zh where both exist, as the chain orders them', () => {
		const s = { ...statement, translations: [ { language: 'zh', complete: 100, page: 'S/zh' }, { language: 'zh-hant', complete: 40, page: 'S/zh-hant' } ] };
		expect( pickStatementLanguage( s, CHAINS[ 'zh-hk' ] ).chosen.page ).toBe( 'S/zh-hant' );
		expect( pickStatementLanguage( s, CHAINS.zh ).chosen.page ).toBe( 'S/zh' );
	} );

	it( 'lists every version, original first', () => {
		expect( pickStatementLanguage( statement, [ 'bn' ] ).all.map( ( c ) => `${ c.language }:${ c.complete }` ) ).toEqual( [ 'en:100', 'zh:100', 'bn:19' ] );
	} );
} );

describe( 'renderStatementLinks', () => {
	it( 'links the Bengali translation, its completeness and the original', () => {
		const box = renderStatementLinks( statement, deps( CHAINS.bn ) );
		const main = box.querySelector<HTMLAnchorElement>( '.oan-statement-link' )!;
		expect( main.getAttribute( 'href' ) ).toBe( '/index.php?title=m%3AOffice_actions%2FSeptember_2021_statement%2Fbn' );
		expect( main.textContent ).toBe( 'বিবৃতিটি পড়ুন' );
		expect( box.querySelector( '.oan-statement-meta' )?.textContent ).toContain( '19% অনূদিত' );
		const original = box.querySelector<HTMLAnchorElement>( '.oan-statement-original' )!;
		expect( original.getAttribute( 'href' ) ).toBe( '/index.php?title=m%3AOffice_actions%2FSeptember_2021_statement' );
		expect( original.textContent ).toBe( 'মূল লেখাটি পড়ুন (English)' );
	} );

	it( 'names languages in their own script and marks the current one', () => {
		const box = renderStatementLinks( statement, deps( CHAINS[ 'zh-hk' ] ) );
		const items = [ ...box.querySelectorAll<HTMLAnchorElement>( '.oan-statement-language-list a' ) ];
		expect( items.map( ( a ) => a.textContent ) ).toEqual( [ 'English', '中文', 'বাংলা' ] );
		expect( items.map( ( a ) => a.getAttribute( 'aria-current' ) ) ).toEqual( [ null, 'true', null ] );
		expect( items.map( ( a ) => a.lang ) ).toEqual( [ 'en', 'zh', 'bn' ] );
		expect( box.querySelector( '.oan-statement-original' ) ).toBeNull();
		// Punctuation is the language's own, from the messages.
		expect( box.querySelector( '.oan-statement-meta' )?.textContent ).toBe( ' （中文，已翻譯100%）' );
	} );
} );

describe( 'pickMessages', () => {
	it( 'resolves each key through the chain, English last', () => {
		const messages = pickMessages( bundles(), CHAINS[ 'zh-hk' ] );
		expect( messages[ 'oan-statement-read' ] ).toBe( '閱讀聲明' );
		const bn = pickMessages( bundles(), CHAINS.bn );
		expect( bn[ 'oan-statement-read' ] ).toBe( 'বিবৃতিটি পড়ুন' );
		// Not translated into Bengali yet: English.
		expect( bn[ 'oan-ur-policy' ] ).toBe( 'Policy' );
		expect( pickMessages( bundles(), [ 'zh' ] )[ 'oan-statement-read' ] ).toBe( 'Read the statement' );
		expect( pickMessages( bundles(), CHAINS.zh )[ 'oan-statement-read' ] ).toBe( '阅读声明' );
	} );

	it( 'never hands over metadata or documentation', () => {
		const messages = pickMessages( bundles(), [ 'qqq' ] );
		expect( messages[ '@metadata' ] ).toBeUndefined();
		expect( messages[ 'oan-statement-read' ] ).not.toBe( bundles().qqq[ 'oan-statement-read' ] );
	} );

	it( 'pickLocalized falls back to English', () => {
		expect( pickLocalized( { en: 'E', 'zh-hant': 'T' }, CHAINS[ 'zh-hk' ] ) ).toEqual( { lang: 'zh-hant', text: 'T' } );
		expect( pickLocalized( { en: 'E', 'zh-hant': 'T' }, CHAINS.bn ) ).toEqual( { lang: 'en', text: 'E' } );
	} );
} );

describe( 'uselang=qqx', () => {
	it( 'shows message keys with their parameters', () => {
		const messages = pickMessages( bundles(), [ 'qqx', 'en' ] );
		expect( messages[ 'oan-statement-read' ] ).toBe( '(oan-statement-read)' );
		expect( messages[ 'oan-ur-banned' ] ).toBe( '(oan-ur-banned: $1, $2)' );
	} );
} );
