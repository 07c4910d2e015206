import { describe, expect, it } from 'vitest';
import { parseNoticesJson, validateNoticesData } from '../../src/config/validate';
import { clone, readJson } from './helpers';

const base = readJson( 'data/notices.json' ) as { notices: Record<string, unknown>[]; restrictedGroups: unknown[] };

function withNotice( patch: ( n: Record<string, any> ) => void ) {
	const data = clone( base );
	patch( data.notices[ 0 ] );
	return validateNoticesData( data );
}

describe( 'validateNoticesData', () => {
	it( 'accepts the default data without a warning', () => {
		const { data, warnings } = validateNoticesData( base );
		expect( warnings ).toEqual( [] );
		expect( data.notices ).toHaveLength( 1 );
		expect( data.notices[ 0 ].statement.translations.map( ( t ) => [ t.language, t.complete, t.page ] ) ).toEqual( [
			[ 'zh', 100, 'm:Office actions/September 2021 statement/zh' ],
			[ 'bn', 19, 'm:Office actions/September 2021 statement/bn' ]
		] );
		expect( data.notices[ 0 ].accounts.find( ( a ) => a.name === '玄客' )?.action ).toBe( 'restored' );
		expect( data.restrictedGroups.map( ( g ) => g.group ) ).toContain( 'checkuser' );
	} );

	it.each( [
		[ 'revision', ( n: any ) => {
			n.revision = '2';
		}, 'notices[0].revision' ],
		[ 'title without English', ( n: any ) => {
			delete n.title.en;
		}, 'notices[0].title.en' ],
		[ 'bad language code', ( n: any ) => {
			n.summary[ 'EN US' ] = 'x';
		}, 'notices[0].summary key "EN US"' ],
		[ 'unparsable date', ( n: any ) => {
			n.published = '13/09/2021';
		}, 'notices[0].published' ],
		[ 'a day that does not exist', ( n: any ) => {
			n.published = '2021-02-30';
		}, 'notices[0].published' ],
		[ 'impossible date', ( n: any ) => {
			n.updates[ 0 ].date = '2021-13-45';
		}, 'notices[0].updates[0].date' ],
		[ 'unknown action', ( n: any ) => {
			n.accounts[ 0 ].action = 'vanished';
		}, 'notices[0].accounts[0].action' ],
		[ 'URL as statement page', ( n: any ) => {
			n.statement.page = 'javascript:alert(1)//'; // eslint-disable-line no-script-url
		}, 'notices[0].statement.page' ],
		[ 'https URL as page', ( n: any ) => {
			n.statement.page = 'https://evil.example/';
		}, 'notices[0].statement.page' ],
		[ 'completeness over 100', ( n: any ) => {
			n.statement.translations[ 1 ].complete = 190;
		}, 'notices[0].statement.translations[1].complete' ],
		[ 'duplicate translation', ( n: any ) => {
			n.statement.translations.push( { language: 'zh', complete: 5 } );
		}, 'notices[0].statement.translations[2].language' ],
		[ 'end before start', ( n: any ) => {
			n.start = '2022-01-01';
			n.end = '2021-01-01';
		}, 'notices[0].end' ],
		[ 'bad audience', ( n: any ) => {
			n.target = { users: 'bots' };
		}, 'notices[0].target.users' ],
		[ 'namespace not a number', ( n: any ) => {
			n.target = { namespaces: [ '0' ] };
		}, 'notices[0].target.namespaces[0]' ],
		[ 'user name with a bracket', ( n: any ) => {
			n.accounts[ 0 ].name = 'A[b]';
		}, 'notices[0].accounts[0].name' ],
		[ 'lone surrogate', ( n: any ) => {
			n.title.en = 'a\ud800b';
		}, 'notices[0].title.en' ],
		[ 'a bidi override', ( n: any ) => {
			n.title.en = 'abc\u202edef';
		}, 'notices[0].title.en' ],
		[ 'a control character', ( n: any ) => {
			n.updates[ 0 ].text.en = 'bell\u0007';
		}, 'notices[0].updates[0].text.en' ],
		[ 'empty summary', ( n: any ) => {
			n.summary.en = '   ';
		}, 'notices[0].summary.en' ]
	] )( 'skips a notice with %s and names the field', ( _name, patch, field ) => {
		const { data, warnings } = withNotice( patch );
		expect( data.notices ).toHaveLength( 0 );
		expect( warnings ).toHaveLength( 1 );
		expect( warnings[ 0 ].startsWith( field + ' ' ) ).toBe( true );
	} );

	it( 'keeps the valid notices when one is invalid', () => {
		const data = clone( base );
		const second = clone( data.notices[ 0 ] );
		second.id = 'second';
		data.notices.unshift( { id: 'broken' } );
		data.notices.push( second );
		const result = validateNoticesData( data );
		expect( result.data.notices.map( ( n ) => n.id ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		expect( result.warnings ).toHaveLength( 1 );
		expect( result.warnings[ 0 ] ).toMatch( /^notices\[0\]\.revision/ );
	} );

	it( 'rejects a repeated id', () => {
		const data = clone( base );
		data.notices.push( clone( data.notices[ 0 ] ) );
		const result = validateNoticesData( data );
		expect( result.data.notices ).toHaveLength( 1 );
		expect( result.warnings[ 0 ] ).toMatch( /notices\[1\]\.id .* used twice/ );
	} );

	it.each( [ null, 42, 'text', [ 1, 2 ] ] )( 'warns once and shows nothing for %j', ( raw ) => {
		const result = validateNoticesData( raw );
		expect( result.data.notices ).toEqual( [] );
		expect( result.warnings ).toHaveLength( 1 );
	} );

	it( 'warns once for malformed JSON and never throws', () => {
		const result = parseNoticesJson( '{"notices": [' );
		expect( result.data.notices ).toEqual( [] );
		expect( result.warnings ).toHaveLength( 1 );
		expect( result.warnings[ 0 ] ).toMatch( /not valid JSON/ );
	} );

	it( 'drops an invalid restricted group and keeps the others', () => {
		const data = clone( base );
		( data.restrictedGroups as any[] ).push( { group: 'oversight', kind: 'secret', policy: 'm:X' } );
		const result = validateNoticesData( data );
		expect( result.data.restrictedGroups ).toHaveLength( 5 );
		expect( result.warnings[ 0 ] ).toMatch( /^restrictedGroups\[5\]\.kind/ );
	} );
} );

describe( 'schema/notices.schema.json', () => {
	const schema = readJson( 'schema/notices.schema.json' ) as any;
	const validated = validateNoticesData( base ).data;

	it( 'names every field the validator keeps, and requires what it requires', () => {
		const notice = schema.$defs.notice;
		const kept = new Set<string>();
		for ( const n of validated.notices ) {
			Object.keys( n ).forEach( ( k ) => kept.add( k ) );
		}
		for ( const key of [ ...kept, 'start', 'end' ] ) {
			expect( Object.keys( notice.properties ) ).toContain( key );
		}
		for ( const required of notice.required as string[] ) {
			const data = clone( base );
			delete data.notices[ 0 ][ required ];
			expect( validateNoticesData( data ).data.notices, required ).toHaveLength( 0 );
		}
		expect( schema.$defs.account.properties.action.enum ).toEqual( [ 'banned', 'desysopped', 'restored', 'locked', 'restricted' ] );
	} );

	it( 'has the same patterns as the validator for ids, dates and language codes', () => {
		const lang = new RegExp( schema.$defs.languageCode.pattern );
		expect( [ 'en', 'zh-hant', 'de-at', 'EN', 'zh_hant', 'e' ].map( ( c ) => lang.test( c ) ) ).toEqual( [ true, true, true, false, false, false ] );
		const date = new RegExp( schema.$defs.date.pattern );
		expect( [ '2021-09-16', '2021-09-16T21:47:00Z', '16 September 2021' ].map( ( d ) => date.test( d ) ) ).toEqual( [ true, true, false ] );
	} );
} );

describe( 'the hostile corpus, given to the validator directly', () => {
	const { strings } = readJson( 'test/fixtures/hostile-strings.json' ) as { strings: string[] };

	it( 'never throws, and rejects every string that is no wiki page name', () => {
		let rejectedPages = 0;
		for ( const s of strings ) {
			const data = clone( base ) as any;
			data.notices[ 0 ].title = { en: s };
			data.notices[ 0 ].statement.page = s;
			const result = validateNoticesData( data );
			expect( result.data.notices.length + result.warnings.length ).toBe( 1 );
			if ( result.warnings.length ) {
				rejectedPages++;
			}
		}
		expect( strings.length ).toBeGreaterThanOrEqual( 50 );
		expect( rejectedPages ).toBeGreaterThan( 20 );
		// eslint-disable-next-line no-script-url
		for ( const url of [ 'javascript:window.oanPwned=7', 'https://evil.example/', '//evil.example/path', 'Foo|bar', '\ud800 lone high surrogate', '..', 'User:Admin/../../evil', 'm:..', './x', 'a/.', '~~~~' ] ) {
			const data = clone( base ) as any;
			data.notices[ 0 ].statement.page = url;
			expect( validateNoticesData( data ).data.notices, url ).toHaveLength( 0 );
		}
	} );
} );
