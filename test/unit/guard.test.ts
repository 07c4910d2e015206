import { describe, expect, it } from 'vitest';
import { guardNoticesData } from '../../src/config/guard';
import { clone, readJson } from './helpers';

const base = readJson( 'data/notices.json' ) as { notices: Record<string, any>[]; restrictedGroups: Record<string, any>[] };

function withNotice( patch: ( n: Record<string, any> ) => void ) {
	const data = clone( base );
	patch( data.notices[ 0 ] );
	return guardNoticesData( data );
}

const OBJECT = { text: 'x' };

describe( 'guardNoticesData', () => {
	it( 'keeps the default data without a warning, with the defaults filled in', () => {
		const { data, warnings } = guardNoticesData( base );
		expect( warnings ).toEqual( [] );
		expect( data.notices ).toHaveLength( 1 );
		expect( data.notices[ 0 ].statement.translations.map( ( t ) => [ t.language, t.complete, t.page ] ) ).toEqual( [
			[ 'zh', 100, 'm:Office actions/September 2021 statement/zh' ],
			[ 'bn', 19, 'm:Office actions/September 2021 statement/bn' ]
		] );
		expect( data.notices[ 0 ].accounts.find( ( a ) => a.name === '玄客' )?.action ).toBe( 'restored' );
		expect( data.notices[ 0 ].accounts ).toHaveLength( base.notices[ 0 ].accounts.length );
		expect( data.restrictedGroups.map( ( g ) => g.group ) ).toContain( 'checkuser' );
		expect( data.restrictedGroups ).toHaveLength( base.restrictedGroups.length );
	} );

	it( 'reads a farm\'s copy as its source: copiedFrom is neither a warning nor kept', () => {
		const copy = { copiedFrom: { wiki: 'metawiki', revision: 123 }, ...clone( base ) };
		const { data, warnings } = guardNoticesData( copy );
		expect( warnings ).toEqual( [] );
		expect( data ).toEqual( guardNoticesData( base ).data );
		expect( 'copiedFrom' in data ).toBe( false );
	} );

	it( 'fills in what may be left out: updates, accounts, target, the original\'s language, a translation\'s page', () => {
		const { data, warnings } = guardNoticesData( { notices: [ {
			id: 'bare', revision: 1, title: { en: 'T' }, summary: { en: 'S' }, published: '2021-09-13',
			statement: { page: 'Statement', translations: [ { language: 'de', complete: 50 } ] }
		} ] } );
		expect( warnings ).toEqual( [] );
		expect( data.restrictedGroups ).toEqual( [] );
		expect( data.notices[ 0 ] ).toMatchObject( {
			updates: [], accounts: [], target: { users: 'all' },
			statement: { page: 'Statement', language: 'en', translations: [ { language: 'de', complete: 50, page: 'Statement/de' } ] }
		} );
		expect( data.notices[ 0 ].target.wikis ).toBeUndefined();
		expect( data.notices[ 0 ].start ).toBeUndefined();
	} );

	it( 'keeps only the fields the gadget knows', () => {
		const { data } = withNotice( ( n ) => {
			n.script = 'alert(1)';
			n.statement.extra = 1;
		} );
		expect( Object.keys( data.notices[ 0 ] ).sort() ).toEqual( [ 'accounts', 'end', 'id', 'published', 'revision', 'start', 'statement', 'summary', 'target', 'title', 'updates' ] );
		expect( Object.keys( data.notices[ 0 ].statement ).sort() ).toEqual( [ 'language', 'page', 'translations' ] );
	} );

	// Every guarded property of a notice: what it must be, and the field the one warning names.
	it( 'skips a notice that is not an object, with one warning', () => {
		const data = clone( base ) as any;
		data.notices.unshift( 'notice' );
		expect( guardNoticesData( data ).warnings ).toEqual( [ 'notices[0] skipped: it is not an object' ] );
		expect( guardNoticesData( data ).data.notices ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'an id that is not a string', ( n: any ) => {
			n.id = 7;
		}, 'id is not a string' ],
		[ 'an empty id', ( n: any ) => {
			n.id = '';
		}, 'id is empty' ],
		[ 'a revision that is not a number', ( n: any ) => {
			n.revision = '2';
		}, 'revision is not a number' ],
		[ 'a title that is a string', ( n: any ) => {
			n.title = 'Title';
		}, 'title is not an object' ],
		[ 'a title that is a list', ( n: any ) => {
			n.title = [ 'Title' ];
		}, 'title is not an object' ],
		[ 'a title without English', ( n: any ) => {
			delete n.title.en;
		}, 'title.en is missing' ],
		[ 'an object where a title is expected', ( n: any ) => {
			n.title.en = OBJECT;
		}, 'title.en is not a string' ],
		[ 'a number in another language', ( n: any ) => {
			n.title.de = 42;
		}, 'title.de is not a string' ],
		[ 'a summary that is null', ( n: any ) => {
			n.summary.zh = null;
		}, 'summary.zh is not a string' ],
		[ 'a published date that does not parse', ( n: any ) => {
			n.published = '13/09/2021';
		}, 'published is not a date' ],
		[ 'a published date that is a number', ( n: any ) => {
			n.published = 20210913;
		}, 'published is not a string' ],
		[ 'updates that are not a list', ( n: any ) => {
			n.updates = 'none';
		}, 'updates is not a list' ],
		[ 'an update that is not an object', ( n: any ) => {
			n.updates.push( 'later' );
		}, `updates[${ base.notices[ 0 ].updates.length }] is not an object` ],
		[ 'an update without a date', ( n: any ) => {
			delete n.updates[ 0 ].date;
		}, 'updates[0].date is not a string' ],
		[ 'an update\'s text that is an object', ( n: any ) => {
			n.updates[ 0 ].text.en = OBJECT;
		}, 'updates[0].text.en is not a string' ],
		[ 'no statement', ( n: any ) => {
			delete n.statement;
		}, 'statement is not an object' ],
		[ 'a statement page that is an object', ( n: any ) => {
			n.statement.page = OBJECT;
		}, 'statement.page is not a string' ],
		[ 'an original language that is no code', ( n: any ) => {
			n.statement.language = 'English';
		}, 'statement.language is not a language code' ],
		[ 'translations that are an object', ( n: any ) => {
			n.statement.translations = { zh: 100 };
		}, 'statement.translations is not a list' ],
		[ 'a translation\'s language that could make a path', ( n: any ) => {
			n.statement.translations[ 0 ].language = '../../evil';
			delete n.statement.translations[ 0 ].page;
		}, 'statement.translations[0].language is not a language code' ],
		[ 'a completeness that is a string', ( n: any ) => {
			n.statement.translations[ 1 ].complete = '19';
		}, 'statement.translations[1].complete is not a number' ],
		[ 'a translation page that is a URL', ( n: any ) => {
			n.statement.translations[ 1 ].page = 'https://evil.example/bn';
		}, 'statement.translations[1].page is not a wiki page name' ],
		[ 'a start that does not parse', ( n: any ) => {
			n.start = 'soon';
		}, 'start is not a date' ],
		[ 'an end that is an object', ( n: any ) => {
			n.end = OBJECT;
		}, 'end is not a string' ],
		[ 'a target that is a string', ( n: any ) => {
			n.target = 'everyone';
		}, 'target is not an object' ],
		[ 'an unknown audience', ( n: any ) => {
			n.target = { users: 'bots' };
		}, 'target.users is not one of all, anonymous, loggedin' ],
		[ 'wikis as one string (it would match by substring)', ( n: any ) => {
			n.target = { wikis: 'enwiki' };
		}, 'target.wikis is not a list' ],
		[ 'a content language that is a number', ( n: any ) => {
			n.target = { contentLanguages: [ 'zh', 4 ] };
		}, 'target.contentLanguages[1] is not a string' ],
		[ 'a namespace that is a string', ( n: any ) => {
			n.target = { namespaces: [ '0' ] };
		}, 'target.namespaces[0] is not a number' ],
		[ 'groups that are an object', ( n: any ) => {
			n.target = { groups: { sysop: true } };
		}, 'target.groups is not a list' ],
		[ 'accounts that are not a list', ( n: any ) => {
			n.accounts = 'Example banned user 1';
		}, 'accounts is not a list' ]
	] )( 'skips a notice with %s, with one warning naming it and why', ( _name, patch, why ) => {
		const data = clone( base ) as any;
		patch( data.notices[ 0 ] );
		const result = guardNoticesData( data );
		expect( result.data.notices ).toHaveLength( 0 );
		const id = typeof data.notices[ 0 ].id === 'string' ? ` ("${ data.notices[ 0 ].id }")` : '';
		expect( result.warnings ).toEqual( [ `notices[0]${ id } skipped: ${ why }` ] );
	} );

	it( 'keeps the valid notices when one is unfit', () => {
		const data = clone( base );
		const second = clone( data.notices[ 0 ] );
		second.id = 'second';
		data.notices.unshift( { id: 'broken', revision: 'one' } );
		data.notices.push( second );
		const result = guardNoticesData( data );
		expect( result.data.notices.map( ( n ) => n.id ) ).toEqual( [ 'office-action-2021-09', 'second' ] );
		expect( result.warnings ).toEqual( [ 'notices[0] ("broken") skipped: revision is not a number' ] );
	} );

	it( 'skips a second notice with an id already used (dismissals and the page\'s ids are per id)', () => {
		const data = clone( base );
		data.notices.push( clone( data.notices[ 0 ] ) );
		const result = guardNoticesData( data );
		expect( result.data.notices ).toHaveLength( 1 );
		expect( result.warnings ).toEqual( [ 'notices[1] ("office-action-2021-09") skipped: id is used by an earlier notice' ] );
	} );

	it.each( [
		[ 'a name that is not a string', ( a: any ) => {
			a.name = [ 'Someone' ];
		}, 'name is not a string' ],
		[ 'an unknown action', ( a: any ) => {
			a.action = 'vanished';
		}, 'action is not one of banned, desysopped, restored, locked, restricted' ],
		[ 'a date that does not parse', ( a: any ) => {
			a.date = 'yesterday';
		}, 'date is not a date' ],
		[ 'a note that is a string', ( a: any ) => {
			a.note = 'note';
		}, 'note is not an object' ],
		[ 'a note in English that is an object', ( a: any ) => {
			a.note = { en: OBJECT };
		}, 'note.en is not a string' ]
	] )( 'skips an account with %s, with one warning, and keeps its notice and the other accounts', ( _name, patch, why ) => {
		const data = clone( base );
		const accounts = data.notices[ 0 ].accounts;
		const others = accounts.filter( ( _a: unknown, i: number ) => i !== 1 ).map( ( a: any ) => a.name );
		patch( accounts[ 1 ] );
		const result = guardNoticesData( data );
		expect( result.data.notices ).toHaveLength( 1 );
		expect( result.data.notices[ 0 ].accounts.map( ( a ) => a.name ) ).toEqual( others );
		expect( result.warnings ).toEqual( [ `notices[0].accounts[1] skipped: ${ why }` ] );
	} );

	it( 'skips an account that is not an object', () => {
		const result = withNotice( ( n ) => n.accounts.push( null ) );
		expect( result.data.notices[ 0 ].accounts ).toHaveLength( base.notices[ 0 ].accounts.length );
		expect( result.warnings ).toEqual( [ `notices[0].accounts[${ base.notices[ 0 ].accounts.length }] skipped: it is not an object` ] );
	} );

	it( 'gives a skipped notice one warning only, even with unfit accounts', () => {
		const result = withNotice( ( n ) => {
			n.accounts = [ null, { name: 1 } ];
			n.revision = null;
		} );
		expect( result.warnings ).toEqual( [ 'notices[0] ("office-action-2021-09") skipped: revision is not a number' ] );
	} );

	it.each( [
		[ 'not an object', () => 'checkuser', 'it is not an object' ],
		[ 'a group that is not a string', ( g: any ) => ( { ...g, group: 5 } ), 'group is not a string' ],
		[ 'an unknown kind', ( g: any ) => ( { ...g, kind: 'secret' } ), 'kind is not one of nonpublic, office-action' ],
		// eslint-disable-next-line no-script-url
		[ 'a policy that is a script URL', ( g: any ) => ( { ...g, policy: 'javascript:alert(1)' } ), 'policy is not a wiki page name' ],
		[ 'a policy that is an object', ( g: any ) => ( { ...g, policy: OBJECT } ), 'policy is not a string' ]
	] )( 'skips a restricted group with %s and keeps the others', ( _name, change, why ) => {
		const data = clone( base );
		data.restrictedGroups[ 2 ] = change( data.restrictedGroups[ 2 ] ) as any;
		const result = guardNoticesData( data );
		expect( result.data.restrictedGroups.map( ( g ) => g.group ) ).toEqual( base.restrictedGroups.filter( ( _g, i ) => i !== 2 ).map( ( g ) => g.group ) );
		expect( result.data.notices ).toHaveLength( 1 );
		expect( result.warnings ).toEqual( [ `restrictedGroups[2] skipped: ${ why }` ] );
	} );

	it.each( [ null, 42, 'text', [ 1, 2 ], true ] )( 'warns once and shows nothing for %j', ( raw ) => {
		const result = guardNoticesData( raw );
		expect( result.data ).toEqual( { notices: [], restrictedGroups: [] } );
		expect( result.warnings ).toEqual( [ 'notices data must be a JSON object with a "notices" list; nothing is shown' ] );
	} );

	it( 'shows nothing, with one warning, when notices is not a list; ignores restrictedGroups that is not one', () => {
		expect( guardNoticesData( { notices: { 0: base.notices[ 0 ] } } ) ).toEqual( {
			data: { notices: [], restrictedGroups: [] }, warnings: [ 'notices is not a list; nothing is shown' ]
		} );
		const result = guardNoticesData( { notices: base.notices, restrictedGroups: 'checkuser' } );
		expect( result.data.notices ).toHaveLength( 1 );
		expect( result.warnings ).toEqual( [ 'restrictedGroups is not a list; ignored' ] );
		expect( guardNoticesData( {} ) ).toEqual( { data: { notices: [], restrictedGroups: [] }, warnings: [] } );
	} );

	it( 'takes huge lists as they are', () => {
		const data = clone( base );
		const n = data.notices[ 0 ];
		n.updates = Array.from( { length: 20000 }, ( _x, i ) => ( { date: '2021-09-16', text: { en: `update ${ i }` } } ) );
		n.accounts = Array.from( { length: 20000 }, ( _x, i ) => ( { name: `User ${ i }`, action: 'banned', date: '2021-09-13' } ) );
		n.target = { namespaces: Array.from( { length: 20000 }, ( _x, i ) => i ) };
		data.notices.push( ...Array.from( { length: 2000 }, ( _x, i ) => ( { ...clone( base.notices[ 0 ] ), id: `n${ i }` } ) ) );
		const result = guardNoticesData( data );
		expect( result.warnings ).toEqual( [] );
		expect( result.data.notices ).toHaveLength( 2001 );
		expect( result.data.notices[ 0 ].updates ).toHaveLength( 20000 );
		expect( result.data.notices[ 0 ].accounts ).toHaveLength( 20000 );
	} );

	it( 'never lets prototype keys from the wiki reach an object\'s prototype', () => {
		const json = JSON.stringify( base ).replace( '"title":{', '"title":{"__proto__":"polluted","constructor":"c","toString":"t",' )
			.replace( '"notices":[', '"__proto__":{"polluted":true},"notices":[' )
			.replace( '"statement":{', '"statement":{"__proto__":{"page":"https://evil.example/"},' );
		const raw = JSON.parse( json );
		const result = guardNoticesData( raw );
		expect( result.warnings ).toEqual( [] );
		const title = result.data.notices[ 0 ].title;
		expect( Object.getPrototypeOf( title ) ).toBe( Object.prototype );
		expect( title.constructor ).toBe( 'c' );
		expect( title.en ).toBe( base.notices[ 0 ].title.en );
		expect( result.data.notices[ 0 ].statement.page ).toBe( base.notices[ 0 ].statement.page );
		expect( ( {} as any ).polluted ).toBeUndefined();
		expect( Object.getPrototypeOf( result.data ) ).toBe( Object.prototype );
		// An object under "__proto__" where a string is expected: skipped like any other object.
		const objectKey = JSON.parse( JSON.stringify( base ).replace( '"title":{', '"title":{"__proto__":{"en":"x"},' ) );
		expect( guardNoticesData( objectKey ).warnings ).toEqual( [ 'notices[0] ("office-action-2021-09") skipped: title.__proto__ is not a string' ] );
		// A notice whose "__proto__" names another notice's id, or an id that is itself "__proto__".
		const protoId = clone( base );
		protoId.notices[ 0 ].id = '__proto__';
		expect( guardNoticesData( protoId ).data.notices.map( ( x ) => x.id ) ).toEqual( [ '__proto__' ] );
	} );

	it( 'never throws, whatever the values, and warns at most once per notice', () => {
		const odd: unknown[] = [ null, undefined, 0, -1, NaN, '', 'x', [], [ null ], {}, { en: {} }, true, () => 1, Symbol( 's' ), Object.create( null ) ];
		const fields = [ 'id', 'revision', 'title', 'summary', 'published', 'updates', 'statement', 'target', 'accounts', 'start', 'end' ];
		for ( const field of fields ) {
			for ( const [ i, value ] of odd.entries() ) {
				const data = clone( base ) as any;
				data.notices[ 0 ][ field ] = value;
				const result = guardNoticesData( data );
				expect( result.data.notices.length + result.warnings.filter( ( w ) => /^notices\[0\] /.test( w ) ).length, `${ field } = odd[${ i }]` ).toBe( 1 );
			}
		}
	} );
} );

describe( 'links', () => {
	it.each( [
		// eslint-disable-next-line no-script-url
		'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
		'http://evil.example/', 'https://evil.example/', 'HTTPS://evil.example/', '//evil.example/path', '/\\evil.example', '/wiki/Foo',
		' javascript:alert(1)', 'Foo|bar', 'm:Foo#<script>', '[[Main Page]]', '{{SITENAME}}', '<b>x</b>',
		'..', '.', './x', '../x', 'a/.', 'a/..', 'User:Admin/../../evil', 'm:..', 'm:../x', 'line\nbreak', 'tab\tx', '\u0000null', ''
	] )( 'a page %j is no wiki page: its notice is skipped', ( page ) => {
		const result = withNotice( ( n ) => {
			n.statement.page = page;
		} );
		expect( result.data.notices ).toHaveLength( 0 );
		expect( result.warnings ).toEqual( [ 'notices[0] ("office-action-2021-09") skipped: statement.page is not a wiki page name' ] );
	} );

	it.each( [ 'Main Page', 'm:Office actions/September 2021 statement', 'Special:UserLogout', '玄客', 'A.B', 'a..b', '$1 $2', 'Foo:bar/baz' ] )( 'a page %j is a wiki page', ( page ) => {
		const result = withNotice( ( n ) => {
			n.statement.page = page;
		} );
		expect( result.warnings ).toEqual( [] );
		expect( result.data.notices[ 0 ].statement.page ).toBe( page );
	} );
} );

describe( 'the hostile corpus, given to the guards directly', () => {
	const { strings } = readJson( 'test/fixtures/hostile-strings.json' ) as { strings: string[] };

	it( 'keeps every string as text, never throws, and never keeps a URL or a path out of the page as a page', () => {
		let rejectedPages = 0;
		for ( const s of strings ) {
			const data = clone( base ) as any;
			data.notices[ 0 ].title = { en: s, [ s ]: s };
			data.notices[ 0 ].summary = { en: s };
			data.notices[ 0 ].accounts = [ { name: s, action: 'banned', date: '2021-09-13', note: { en: s } } ];
			const text = guardNoticesData( data );
			expect( text.warnings, s ).toEqual( [] );
			expect( text.data.notices[ 0 ].title.en ).toBe( s );
			expect( text.data.notices[ 0 ].accounts[ 0 ].name ).toBe( s );
			data.notices[ 0 ].statement.page = s;
			data.restrictedGroups[ 0 ].policy = s;
			const pages = guardNoticesData( data );
			expect( pages.data.notices.length + pages.warnings.filter( ( w ) => w.startsWith( 'notices[0] ' ) ).length ).toBe( 1 );
			if ( pages.data.notices.length === 0 ) {
				rejectedPages++;
			}
		}
		expect( strings.length ).toBeGreaterThanOrEqual( 50 );
		expect( rejectedPages ).toBeGreaterThan( 20 );
	} );
} );

describe( 'schema/notices.schema.json', () => {
	const schema = readJson( 'schema/notices.schema.json' ) as any;

	it( 'names every field the guards keep, and the guards skip a notice without one the reader needs', () => {
		const notice = schema.$defs.notice;
		const kept = Object.keys( guardNoticesData( base ).data.notices[ 0 ] );
		for ( const key of kept ) {
			expect( Object.keys( notice.properties ) ).toContain( key );
		}
		for ( const required of notice.required as string[] ) {
			const data = clone( base );
			delete data.notices[ 0 ][ required ];
			expect( guardNoticesData( data ).data.notices, required ).toHaveLength( 0 );
		}
		expect( schema.$defs.account.properties.action.enum ).toEqual( [ 'banned', 'desysopped', 'restored', 'locked', 'restricted' ] );
	} );
} );
