// The authoring gadget's decisions and DOM builders (issue #13): when a notice runs, whom it
// reaches, which languages a preview offers, where a statement's wiki answers, the report, the
// preview, the save guard, and the one-click update of the translations' numbers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { updateCompleteness } from '../../src/authoring/completeness';
import { describeTarget, previewChain, previewLanguages, scheduleOf, textLanguages } from '../../src/authoring/describe';
import { renderNoticePreview, suffixIds } from '../../src/authoring/preview';
import { problemText, renderReport } from '../../src/authoring/report';
import { guardSave } from '../../src/authoring/saveGuard';
import { readLanguageInfo, readRevisions, readSiteFacts, statementApi } from '../../src/authoring/wikiRead';
import { NOTICES_PAGE } from '../../src/config/loadNoticesData';
import { clone, defaultNotices, deps, readJson, ROOT } from './helpers';

const NOW = new Date( '2026-06-01T00:00:00Z' );
/** Messages as keys with their parameters, so a test sees what was asked for. */
const keyMsg = ( key: string, ...params: string[] ): string => [ key, ...params ].join( '|' );

describe( 'the notices page', () => {
	it( 'is the package file the main gadget requires and the definition lists', () => {
		const source = fs.readFileSync( path.join( ROOT, 'src/config/loadNoticesData.ts' ), 'utf8' );
		const required = ( source.match( /OAN_PACKAGE_REQUIRE\( '\.\/([^']+)' \)/ ) || [] )[ 1 ];
		expect( NOTICES_PAGE ).toBe( `MediaWiki:Gadget-${ required }` );
		expect( fs.readFileSync( path.join( ROOT, 'gadget-definition.txt' ), 'utf8' ) ).toContain( `|${ required }` );
	} );
} );

describe( 'scheduleOf', () => {
	it( 'tells not yet, now (with or without bounds) and no longer', () => {
		expect( scheduleOf( {}, NOW ) ).toEqual( { state: 'always' } );
		expect( scheduleOf( { start: '2026-01-01' }, NOW ) ).toEqual( { state: 'since', start: '2026-01-01' } );
		expect( scheduleOf( { end: '2027-01-01' }, NOW ) ).toEqual( { state: 'until', end: '2027-01-01' } );
		expect( scheduleOf( { start: '2026-01-01', end: '2027-01-01' }, NOW ) ).toEqual( { state: 'between', start: '2026-01-01', end: '2027-01-01' } );
		expect( scheduleOf( { start: '2026-07-01', end: '2027-01-01' }, NOW ) ).toEqual( { state: 'starts', start: '2026-07-01' } );
		expect( scheduleOf( { start: '2020-01-01', end: '2026-05-31T23:59:59Z' }, NOW ) ).toEqual( { state: 'ended', end: '2026-05-31T23:59:59Z' } );
	} );
} );

describe( 'describeTarget', () => {
	it( 'names the readers, then each condition that narrows them', () => {
		expect( describeTarget( { users: 'all' } ) ).toEqual( [ { key: 'oan-author-target-users-all' } ] );
		expect( describeTarget( { users: 'anonymous', wikis: [ 'zhwiki', 'zhwikisource' ], namespaces: [ 0, 2 ], groups: [ 'sysop' ], contentLanguages: [ 'zh' ] } ) ).toEqual( [
			{ key: 'oan-author-target-users-anonymous' },
			{ key: 'oan-author-target-wikis', list: 'zhwiki, zhwikisource' },
			{ key: 'oan-author-target-languages', list: 'zh' },
			{ key: 'oan-author-target-namespaces', list: '0, 2' },
			{ key: 'oan-author-target-groups', list: 'sysop' }
		] );
	} );
} );

describe( 'preview languages', () => {
	it( 'offers every language with text, English first, then the wiki\'s variants', () => {
		const [ notice ] = defaultNotices();
		expect( textLanguages( notice ) ).toEqual( [ 'en', 'bn', 'zh-hans', 'zh-hant' ] );
		const withUpdateOnly = clone( notice );
		withUpdateOnly.updates[ 0 ].text.de = 'Ein Konto …';
		expect( textLanguages( withUpdateOnly ) ).toContain( 'de' );
		expect( previewLanguages( notice, [ 'zh', 'zh-hans', 'zh-hant', 'zh-hk' ] ) ).toEqual( [ 'en', 'bn', 'zh-hans', 'zh-hant', 'zh', 'zh-hk' ] );
		expect( previewLanguages( notice, [] ) ).toEqual( [ 'en', 'bn', 'zh-hans', 'zh-hant' ] );
	} );

	it( 'reads a preview language as MediaWiki falls back from it, English last', () => {
		expect( previewChain( 'zh-hk', [ 'zh-hant', 'zh-tw', 'zh', 'zh-hans' ] ) ).toEqual( [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans', 'en' ] );
		expect( previewChain( 'en', [] ) ).toEqual( [ 'en' ] );
	} );
} );

describe( 'what the authoring view reads', () => {
	it( 'takes revision texts, site facts and language fallbacks from the answers, leaving out what is malformed', async () => {
		const get = vi.fn().mockResolvedValueOnce( { query: { pages: [ { revisions: [ { revid: 7, slots: { main: { content: '{}' } } }, { revid: 8, slots: {} } ] } ] } } );
		expect( await readRevisions( get, [ 7, 8 ] ) ).toEqual( { 7: '{}' } );
		expect( get ).toHaveBeenCalledWith( expect.objectContaining( { revids: '7|8', rvslots: 'main' } ) );

		get.mockResolvedValueOnce( { query: {
			general: { variants: [ { code: 'zh' }, { code: 'zh-hk' }, { code: 3 } ] },
			languages: [ { code: 'en' }, { code: 'zh-hk' }, {} ],
			interwikimap: [ { prefix: 'M', api: 'https://meta.example/w/api.php', url: 'https://meta.example/wiki/$1', wikiid: 'metawiki' }, { prefix: 'w', url: 'x', wikiid: '' }, { prefix: 'c', api: '' }, null ],
			pages: [ { revisions: [ { revid: 9, slots: { main: { content: '{"variants":{},"autonyms":{"zh":"中文","bad code":"x"}}' } } } ] } ]
		} } );
		expect( await readSiteFacts( get ) ).toEqual( {
			languages: [ 'en', 'zh-hk' ], variants: [ 'zh', 'zh-hk' ], interwikiApis: { m: 'https://meta.example/w/api.php' }, languageNames: { zh: '中文' },
			interwikis: [ { prefix: 'm', url: 'https://meta.example/wiki/$1', api: 'https://meta.example/w/api.php', wikiid: 'metawiki' }, { prefix: 'w', url: 'x' } ]
		} );
		expect( get ).toHaveBeenLastCalledWith( expect.objectContaining( { titles: 'MediaWiki:Gadget-office-action-notice-languages.json', rvslots: 'main' } ) );
		get.mockResolvedValueOnce( { query: { general: { variants: [ { code: 'en' } ] }, pages: [ { missing: true } ] } } );
		expect( await readSiteFacts( get ) ).toEqual( expect.objectContaining( { variants: [], languageNames: {} } ) );
		get.mockResolvedValueOnce( { query: { pages: [ { revisions: [ { revid: 10, slots: { main: { content: 'not json' } } } ] } ] } } );
		expect( ( await readSiteFacts( get ) ).languageNames ).toEqual( {} );

		get.mockResolvedValueOnce( { query: { languageinfo: { bn: { fallbacks: [], bcp47: 'bn' }, 'zh-hk': { fallbacks: [ 'zh-hant', 5 ], bcp47: 'zh-Hant-HK' }, xx: { bcp47: 'xx' } } } } );
		expect( await readLanguageInfo( get, [ 'bn', 'zh-hk', 'xx' ] ) ).toEqual( { bn: { fallbacks: [], bcp47: 'bn' }, 'zh-hk': { fallbacks: [ 'zh-hant' ], bcp47: 'zh-Hant-HK' } } );
		get.mockClear();
		expect( await readLanguageInfo( get, [] ) ).toEqual( {} );
		expect( get ).not.toHaveBeenCalled();
	} );

	it( 'finds the statement\'s wiki by its interwiki prefix; none for a local page or an unknown prefix', () => {
		const apis = { m: 'https://meta.example/w/api.php' };
		expect( statementApi( 'm:Office actions/September 2021 statement', apis ) ).toBe( 'https://meta.example/w/api.php' );
		expect( statementApi( 'M:Office actions', apis ) ).toBe( 'https://meta.example/w/api.php' );
		expect( statementApi( 'Office actions', apis ) ).toBeNull();
		expect( statementApi( 'Project:Office actions', apis ) ).toBeNull();
		expect( statementApi( 'constructor:x', apis ) ).toBeNull();
	} );
} );

describe( 'the report', () => {
	it( 'says the data is valid, or lists each problem with its path and sentence', () => {
		const valid = renderReport( [], null, keyMsg );
		expect( valid.querySelector( '[role="status"]' )!.textContent ).toBe( 'oan-author-valid' );
		const problems = [ { path: 'notices[0].revision', key: 'oan-check-type', params: [ 'integer' ] }, { path: '', key: 'oan-check-required', params: [ 'notices' ] } ];
		const invalid = renderReport( problems, null, keyMsg );
		expect( invalid.querySelector( '[role="status"]' )!.textContent ).toBe( 'oan-author-invalid|2' );
		expect( [ ...invalid.querySelectorAll( 'li' ) ].map( ( li ) => li.textContent ) ).toEqual( [
			'notices[0].revision oan-check-type|notices[0].revision|integer',
			'/ oan-check-required|/|notices'
		] );
		// A sentence that starts with its path says it once, the path set as code.
		const sentence = renderReport( [ problems[ 0 ] ], null, ( ...args ) => `${ args[ 1 ] } must be a whole number.` );
		expect( sentence.querySelector( 'li' )!.textContent ).toBe( 'notices[0].revision must be a whole number.' );
		expect( sentence.querySelector( 'li code' )!.textContent ).toBe( 'notices[0].revision' );
		expect( problemText( problems[ 0 ], keyMsg ) ).toBe( 'oan-check-type|notices[0].revision|integer' );
		expect( renderReport( [], 'Unexpected token } in JSON', keyMsg ).textContent ).toBe( 'oan-author-syntax|Unexpected token } in JSON' );
	} );

	it( 'puts hostile paths and parameters in as text', () => {
		const report = renderReport( [ { path: 'notices[0].<img src=x onerror=alert(1)>', key: 'k', params: [ '<script>x</script>' ] } ], null, keyMsg );
		expect( report.querySelectorAll( 'img, script' ) ).toHaveLength( 0 );
		expect( report.textContent ).toContain( '<script>x</script>' );
	} );
} );

describe( 'the preview', () => {
	const ctx = {
		msg: keyMsg,
		getUrl: ( page: string ) => `/index.php?title=${ encodeURIComponent( page ) }`,
		languages: [ 'en', 'zh-hant' ],
		readerDeps: ( language: string ) => deps( language === 'en' ? [ 'en' ] : [ language, 'zh-hans', 'en' ] ),
		now: NOW,
		locale: 'en'
	};

	it( 'shows the facts, the notice collapsed and opened in the picked language, and the accounts with their pages', () => {
		const [ notice ] = defaultNotices();
		const section = renderNoticePreview( notice, 0, ctx );
		document.body.appendChild( section );
		expect( [ ...section.querySelectorAll( '.oan-author-facts li' ) ].map( ( li ) => li.textContent ) ).toEqual( [
			'oan-author-runs-always', 'oan-author-target-users-all', `oan-author-revision|${ notice.revision }`
		] );
		const toggles = () => [ ...section.querySelectorAll( '.oan-notice-toggle' ) ].map( ( t ) => t.getAttribute( 'aria-expanded' ) );
		expect( toggles() ).toEqual( [ 'false', 'true' ] );
		const titles = () => [ ...section.querySelectorAll( '.oan-notice-title strong' ) ].map( ( t ) => t.textContent );
		expect( titles() ).toEqual( [ notice.title.en, notice.title.en ] );
		const picker = section.querySelector( 'select' )!;
		expect( section.querySelector( `label[for="${ picker.id }"]` ) ).not.toBeNull();
		picker.value = 'zh-hant';
		picker.dispatchEvent( new Event( 'change' ) );
		expect( titles() ).toEqual( [ notice.title[ 'zh-hant' ], notice.title[ 'zh-hant' ] ] );
		expect( toggles() ).toEqual( [ 'false', 'true' ] );
		const rows = [ ...section.querySelectorAll( '.oan-author-accounts tbody tr' ) ];
		expect( rows ).toHaveLength( notice.accounts.length );
		expect( [ ...rows[ 4 ].querySelectorAll( 'a' ) ].map( ( a ) => decodeURIComponent( a.getAttribute( 'href' )!.split( '=' )[ 1 ] ) ) ).toEqual( [
			'User:玄客', 'Special:Contributions/玄客', 'Special:UserRights/玄客'
		] );
		// Unique ids beside the page's own notice, and references that still resolve.
		const ids = [ ...document.querySelectorAll( '[id]' ) ].map( ( e ) => e.id );
		expect( new Set( ids ).size ).toBe( ids.length );
		for ( const node of section.querySelectorAll( '[aria-labelledby], [aria-controls]' ) ) {
			for ( const id of ( node.getAttribute( 'aria-labelledby' ) || node.getAttribute( 'aria-controls' ) )!.split( ' ' ) ) {
				expect( document.getElementById( id ), id ).not.toBeNull();
			}
		}
		section.remove();
	} );

	it( 'says in one line when a notice cannot be drawn, never throws', () => {
		const broken = { ...defaultNotices()[ 0 ], target: undefined } as never;
		const section = renderNoticePreview( broken, 1, ctx );
		expect( section.querySelector( '.oan-author-preview-failed' )!.textContent ).toMatch( /^oan-author-preview-failed\|/ );
	} );

	it( 'suffixes every id and every reference to one', () => {
		const root = document.createElement( 'div' );
		root.id = 'a';
		root.innerHTML = '<p id="b" aria-labelledby="a b"></p><button aria-controls="b" aria-describedby="a"></button>';
		suffixIds( root, '-x' );
		expect( root.outerHTML ).toBe( '<div id="a-x"><p id="b-x" aria-labelledby="a-x b-x"></p><button aria-controls="b-x" aria-describedby="a-x"></button></div>' );
	} );
} );

describe( 'the save guard', () => {
	function form(): { form: HTMLFormElement; save: HTMLButtonElement; preview: HTMLButtonElement } {
		document.body.innerHTML = '<form id="editform"><textarea id="wpTextbox1"></textarea><div class="editOptions"><div class="editButtons">' +
			'<button id="wpSave" type="submit">Save</button><button id="wpPreview" type="submit">Preview</button></div></div></form>';
		const f = document.getElementById( 'editform' ) as HTMLFormElement;
		return { form: f, save: document.getElementById( 'wpSave' ) as HTMLButtonElement, preview: document.getElementById( 'wpPreview' ) as HTMLButtonElement };
	}

	function submitVia( f: HTMLFormElement, button: HTMLButtonElement ): boolean {
		const event = new Event( 'submit', { cancelable: true } );
		Object.defineProperty( event, 'submitter', { value: button } );
		return f.dispatchEvent( event );
	}

	it( 'holds back a save with problems once, then lets it through only with the box ticked', () => {
		const { form: f, save } = form();
		let problems = 2;
		guardSave( f, () => problems, keyMsg );
		expect( submitVia( f, save ) ).toBe( false );
		const box = f.querySelector( '.oan-author-confirm' )!;
		expect( box.getAttribute( 'role' ) ).toBe( 'alert' );
		expect( box.textContent ).toContain( 'oan-author-confirm-needed|2' );
		// By the buttons, and the focus is on the checkbox.
		expect( box.nextElementSibling!.className ).toBe( 'editButtons' );
		const tick = f.querySelector<HTMLInputElement>( '#oan-author-confirm' )!;
		expect( document.activeElement ).toBe( tick );
		expect( submitVia( f, save ) ).toBe( false );
		tick.checked = true;
		expect( submitVia( f, save ) ).toBe( true );
		problems = 0;
		tick.checked = false;
		expect( submitVia( f, save ) ).toBe( true );
	} );

	it( 'never holds back a preview or a diff, nor a save of valid data', () => {
		const { form: f, preview } = form();
		guardSave( f, () => 1, keyMsg );
		expect( submitVia( f, preview ) ).toBe( true );
		expect( f.querySelector( '.oan-author-confirm' ) ).toBeNull();
		const valid = form();
		guardSave( valid.form, () => 0, keyMsg );
		expect( submitVia( valid.form, valid.save ) ).toBe( true );
	} );
} );

describe( 'the one-click update of the translations\' numbers', () => {
	const text = JSON.stringify( readJson( 'data/notices.json' ), null, '\t' );

	/** A statement's wiki that runs Translate and counts bn at 3 of 7 units, zh at 7 of 7. */
	function translateWiki() {
		return {
			request: vi.fn( ( params: Record<string, unknown> ) => {
				if ( params.meta === 'messagegroupstats' ) {
					return Promise.resolve( { query: { messagegroupstats: [
						{ language: 'en', total: 7, translated: 7, fuzzy: 0 },
						{ language: 'zh', total: 7, translated: 7, fuzzy: 0 },
						{ language: 'bn', total: 7, translated: 3, fuzzy: 0 }
					] } } );
				}
				return Promise.resolve( { query: {
					extensions: [ { name: 'Translate' } ],
					languages: [ { code: 'en' }, { code: 'zh' }, { code: 'bn' } ],
					pages: [ { title: params.titles, pagelanguage: 'en' } ]
				} } );
			} )
		};
	}

	it( 'asks the wiki the statement\'s prefix names and rewrites only the numbers', async () => {
		const client = translateWiki();
		const clientFor = vi.fn( () => client );
		const done = await updateCompleteness( text, { m: 'https://meta.example/w/api.php' }, clientFor );
		expect( clientFor ).toHaveBeenCalledWith( 'https://meta.example/w/api.php' );
		expect( done.changes ).toEqual( [ 'office-action-2021-09: bn 19 → 43' ] );
		expect( done.text ).toBe( text.replace( '"complete": 19', '"complete": 43' ) );
	} );

	it( 'fails as a whole with the statement wiki\'s error, and with text that is not JSON', async () => {
		const failing = { request: vi.fn().mockRejectedValue( Object.assign( new Error( 'http' ), { code: 'http' } ) ) };
		await expect( updateCompleteness( text, {}, () => failing ) ).rejects.toThrow( 'http' );
		await expect( updateCompleteness( '{', {}, () => failing ) ).rejects.toThrow();
	} );
} );
