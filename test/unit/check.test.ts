// @vitest-environment node
// The notices checker: src/config/check.ts with the validation code ajv generates from
// schema/notices.schema.json, loaded as the Node tools load it (scripts/lib/checker.mjs); the
// check command; and the agreement of the schema, src/config/types.ts and docs/notices.md.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertSyntax, build } from '../../scripts/build.mjs';
import { CHECK_ENTRY, formatProblem, loadChecker, parseNoticesText, validatorSource } from '../../scripts/lib/checker.mjs';
import { checkNotices as checkNoticesHere, CheckContext, Problem } from '../../src/config/check';
import { DATE_PATTERN, LANGUAGE_CODE_PATTERN } from '../../src/config/patterns';
import { readJson, ROOT } from './helpers';

const run = promisify( execFile );
const en = readJson( 'i18n/en.json' ) as Record<string, string>;
const qqq = readJson( 'i18n/qqq.json' ) as Record<string, string>;
const schema = readJson( 'schema/notices.schema.json' ) as any;
const base = readJson( 'data/notices.json' ) as any;

let checkNotices: ( data: unknown, context?: CheckContext ) => Problem[];

beforeAll( async () => {
	( { checkNotices } = await loadChecker() as any );
} );

function clone<T>( value: T ): T {
	return JSON.parse( JSON.stringify( value ) );
}

/** The default data with one change. */
function changed( edit: ( d: any ) => void ): any {
	const data = clone( base );
	edit( data );
	return data;
}

/** Each problem as `path key params…`, for compact expectations. */
function brief( problems: Problem[] ): string[] {
	return problems.map( ( p ) => [ p.path, p.key, ...p.params ].join( ' ' ).trim() );
}

/** Every problem the tests below make, to check their messages at the end. */
const seen: Problem[] = [];
function check( data: unknown, context?: CheckContext ): string[] {
	const problems = checkNotices( data, context );
	seen.push( ...problems );
	return brief( problems );
}

describe( 'checkNotices', () => {
	it( 'finds nothing in the default data and the examples of docs/notices.md', () => {
		expect( check( base ) ).toEqual( [] );
		const text = fs.readFileSync( path.join( ROOT, 'docs/notices.md' ), 'utf8' );
		const pages = [ ...text.matchAll( /^```json\n([\s\S]*?)^```$/gm ) ].map( ( m ) => m[ 1 ] ).filter( ( b ) => b.trim().startsWith( '{' ) && !b.includes( '…' ) );
		expect( pages.length ).toBeGreaterThan( 0 );
		for ( const page of pages ) {
			expect( check( JSON.parse( page ) ), page ).toEqual( [] );
		}
	} );

	it( 'says what is wrong with the page as a whole', () => {
		for ( const page of [ null, [], 'notices', 3 ] ) {
			expect( check( page ) ).toEqual( [ 'oan-check-page-type' ] );
		}
		expect( check( {} ) ).toEqual( [ 'notices oan-check-missing' ] );
		expect( check( { notices: {} } ) ).toEqual( [ 'notices oan-check-type-array' ] );
	} );

	it( 'names a wrong type by the kind of value wanted', () => {
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].revision = '2';
			d.notices[ 0 ].published = 20210913;
			d.notices[ 0 ].title = 'Office action';
			d.notices[ 0 ].statement.translations[ 0 ].complete = '100';
			d.notices[ 0 ].accounts = {};
			d.restrictedGroups[ 0 ].policy = [ 'm:Office actions' ];
		} ) ) ).toEqual( [
			'notices[0].revision oan-check-type-integer',
			'notices[0].published oan-check-date',
			'notices[0].title oan-check-type-object',
			'notices[0].statement.translations[0].complete oan-check-type-number',
			'notices[0].accounts oan-check-type-array',
			'restrictedGroups[0].policy oan-check-page'
		] );
	} );

	it( 'names missing fields and unknown ones, with the fields known there', () => {
		expect( check( changed( ( d ) => {
			delete d.notices[ 0 ].title;
			d.notices[ 0 ].sumary = d.notices[ 0 ].summary;
			delete d.notices[ 0 ].summary;
			delete d.notices[ 0 ].statement.translations[ 1 ].complete;
			d.notices[ 0 ].target = { user: 'all' };
			d.extra = true;
			// sumary came last into the object, so it comes after target on the page.
		} ) ) ).toEqual( [
			'notices[0].title oan-check-missing',
			'notices[0].summary oan-check-missing',
			'notices[0].statement.translations[1].complete oan-check-missing',
			'notices[0].sumary oan-check-unknown-field id, revision, title, summary, published, updates, statement, start, end, target, accounts',
			'notices[0].target.user oan-check-unknown-field wikis, contentLanguages, namespaces, groups, users',
			'extra oan-check-unknown-field notices, restrictedGroups, copiedFrom'
		] );
	} );

	it( 'checks dates by form, then that the day exists, and that a notice ends after it starts', () => {
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].published = '13 September 2021';
			d.notices[ 0 ].updates[ 0 ].date = '2021-02-29';
			d.notices[ 0 ].start = '2021-09-13T25:00Z';
			d.notices[ 0 ].accounts[ 0 ].date = '2020-02-29';
		} ) ) ).toEqual( [
			'notices[0].published oan-check-date',
			'notices[0].updates[0].date oan-check-no-such-date 2021-02-29',
			'notices[0].start oan-check-no-such-date 2021-09-13T25:00Z'
		] );
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].start = '2021-09-13T18:00:00Z';
			d.notices[ 0 ].end = '2021-09-13';
		} ) ) ).toEqual( [ 'notices[0].end oan-check-end-before-start 2021-09-13 2021-09-13T18:00:00Z' ] );
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].start = '2021-09-13';
			d.notices[ 0 ].end = '2021-09-13T00:00:00+00:00';
		} ) ) ).toEqual( [] );
	} );

	it( 'checks language codes by pattern, and by the wiki when it knows them', () => {
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].title[ 'zh-Hant' ] = 'x';
			d.notices[ 0 ].statement.language = 'English';
		} ) ) ).toEqual( [
			'notices[0].title.zh-Hant oan-check-language-key zh-Hant',
			'notices[0].statement.language oan-check-language-code'
		] );
		const data = changed( ( d ) => {
			d.notices[ 0 ].summary.xx = 'x';
			d.notices[ 0 ].target = { contentLanguages: [ 'zh', 'qqq-zz' ] };
		} );
		expect( check( data ) ).toEqual( [] );
		const known = new Set( [ 'en', 'zh', 'zh-hans', 'zh-hant', 'bn' ] );
		expect( check( data, { isKnownLanguage: ( code ) => known.has( code ) } ) ).toEqual( [
			'notices[0].summary.xx oan-check-unknown-language xx',
			'notices[0].target.contentLanguages[1] oan-check-unknown-language qqq-zz'
		] );
	} );

	it( 'finds an id used twice, a statement language listed twice, and a revision lower than the saved page\'s', () => {
		const data = changed( ( d ) => {
			d.notices.push( clone( d.notices[ 0 ] ) );
			d.notices[ 1 ].revision = 1;
			d.notices[ 0 ].statement.translations.push( { language: 'en', complete: 100 } );
		} );
		expect( check( data ) ).toEqual( [
			'notices[0].statement.translations[2].language oan-check-duplicate-language en',
			'notices[1].id oan-check-duplicate-id office-action-2021-09 notices[0]'
		] );
		const saved = changed( ( d ) => {
			d.notices[ 0 ].revision = 2;
		} );
		expect( check( data, { saved } ) ).toContain( 'notices[1].revision oan-check-revision-lower 1 2' );
		expect( check( base, { saved } ) ).toEqual( [] );
		expect( check( base, { saved: changed( ( d ) => {
			d.notices[ 0 ].revision = 3;
		} ) } ) ).toEqual( [ 'notices[0].revision oan-check-revision-lower 2 3' ] );
		// A saved page that is no notices data, or none: nothing to compare with.
		expect( check( base, { saved: null } ) ).toEqual( [] );
		expect( check( base, { saved: 'garbage' } ) ).toEqual( [] );
	} );

	it( 'names odd keys as they are written, "/" and "~" included', () => {
		expect( check( changed( ( d ) => {
			d.notices[ 0 ][ '<script>x</script>' ] = 1;
			d.notices[ 0 ].title[ 'a/b~c' ] = 'x';
			d.notices[ 0 ].summary[ 'zz/1' ] = '\u0000';
			d.notices[ 0 ].target = { 'x/y': 1 };
		} ) ) ).toEqual( [
			'notices[0].title["a/b~c"] oan-check-language-key a/b~c',
			'notices[0].summary["zz/1"] oan-check-language-key zz/1',
			'notices[0].summary["zz/1"] oan-check-text',
			'notices[0]["<script>x</script>"] oan-check-unknown-field id, revision, title, summary, published, updates, statement, start, end, target, accounts',
			'notices[0].target["x/y"] oan-check-unknown-field wikis, contentLanguages, namespaces, groups, users'
		] );
	} );

	it( 'checks enums, limits and lengths', () => {
		expect( check( changed( ( d ) => {
			d.notices[ 0 ].revision = 0;
			d.notices[ 0 ].statement.translations[ 0 ].complete = 101;
			d.notices[ 0 ].accounts[ 0 ].action = 'nuked';
			d.notices[ 0 ].title.en = 'x'.repeat( 2001 );
			d.notices[ 0 ].statement.page = 'P'.repeat( 256 );
			d.restrictedGroups[ 0 ].kind = 'secret';
		} ) ) ).toEqual( [
			'notices[0].revision oan-check-minimum 1',
			'notices[0].title.en oan-check-too-long 2000',
			'notices[0].statement.page oan-check-too-long 255',
			'notices[0].statement.translations[0].complete oan-check-maximum 100',
			'notices[0].accounts[0].action oan-check-enum banned, desysopped, restored, locked, restricted',
			'restrictedGroups[0].kind oan-check-enum nonpublic, office-action'
		] );
	} );

	it( 'rejects the hostile strings the schema forbids, and takes the others as plain text', () => {
		const { strings } = readJson( 'test/fixtures/hostile-strings.json' ) as { strings: string[] };
		const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/; // eslint-disable-line no-control-regex
		let pagesRejected = 0;
		for ( const s of strings ) {
			const asText = check( changed( ( d ) => {
				d.notices[ 0 ].title = { en: s };
			} ) );
			expect( asText, JSON.stringify( s ) ).toEqual( unsafe.test( s ) || !s.trim() ? [ 'notices[0].title.en oan-check-text' ] : s.length > 2000 ? [ 'notices[0].title.en oan-check-too-long 2000' ] : [] );
			const asPage = check( changed( ( d ) => {
				d.notices[ 0 ].statement.page = s;
			} ) );
			pagesRejected += asPage.length ? 1 : 0;
		}
		expect( strings.length ).toBeGreaterThanOrEqual( 50 );
		expect( pagesRejected ).toBeGreaterThan( 20 );
		// eslint-disable-next-line no-script-url
		for ( const page of [ 'javascript:window.oanPwned=7', 'JaVaScRiPt:x', 'https://evil.example/', '//evil.example/path', 'Foo|bar', '\ud800 lone high surrogate', '..', 'User:Admin/../../evil', 'm:..', './x', 'a/.', '~~~~', ' x', 'a%20b', 'a&amp;b', 'x\u202ey' ] ) {
			expect( check( changed( ( d ) => {
				d.notices[ 0 ].statement.page = page;
			} ) ), page ).toEqual( [ 'notices[0].statement.page oan-check-page' ] );
		}
		for ( const page of [ 'm:Office actions/September 2021 statement', 'Project:Office actions', 'x\ud83d\ude00y', 'A.B/c..d' ] ) {
			expect( check( changed( ( d ) => {
				d.notices[ 0 ].statement.page = page;
			} ) ), page ).toEqual( [] );
		}
		for ( const name of [ 'User/sub', 'a@b', 'Name:x', '\u0000', ' ', 'x\u2066' ] ) {
			expect( check( changed( ( d ) => {
				d.notices[ 0 ].accounts[ 0 ].name = name;
			} ) ), name ).toEqual( [ 'notices[0].accounts[0].name oan-check-user-name' ] );
		}
	} );

	it( 'puts the schema\'s problems first, each group in the order of the page', () => {
		const problems = check( changed( ( d ) => {
			d.restrictedGroups[ 0 ].group = 'Bad group';
			d.notices[ 0 ].end = '2021-02-30';
			d.notices[ 0 ].id = '-bad';
			d.notices[ 0 ].published = '2021-13-01';
		} ) );
		expect( problems ).toEqual( [
			'notices[0].id oan-check-notice-id',
			'restrictedGroups[0].group oan-check-group',
			'notices[0].published oan-check-no-such-date 2021-13-01',
			'notices[0].end oan-check-no-such-date 2021-02-30'
		] );
	} );

	it( 'uses only message keys of i18n/en.json and i18n/qqq.json, each with its parameters', () => {
		// The checker and the rules it applies beyond the schema.
		const source = [ 'src/config/check.ts', 'src/config/noticeRules.ts' ].map( ( f ) => fs.readFileSync( path.join( ROOT, f ), 'utf8' ) ).join( '\n' );
		const used = new Set( source.match( /oan-check-[a-z-]+/g ) );
		const defined = Object.keys( en ).filter( ( k ) => k.startsWith( 'oan-check-' ) );
		expect( [ ...used ].filter( ( k ) => k.endsWith( '-' ) ) ).toEqual( [] );
		expect( defined.sort() ).toEqual( [ ...used ].sort() );
		for ( const key of defined ) {
			expect( qqq[ key ], key ).toMatch( /\$1 - / );
		}
		// Translations, where there are some, use the same parameters as English.
		for ( const file of fs.readdirSync( path.join( ROOT, 'i18n' ) ).filter( ( f ) => ![ 'en.json', 'qqq.json' ].includes( f ) ) ) {
			const messages = readJson( `i18n/${ file }` ) as Record<string, string>;
			for ( const key of defined.filter( ( k ) => messages[ k ] !== undefined ) ) {
				const params = ( text: string ) => [ ...new Set( text.match( /\$\d+/g ) ) ].sort();
				expect( params( messages[ key ] ), `${ file } ${ key }` ).toEqual( params( en[ key ] ) );
			}
		}
		expect( seen.length ).toBeGreaterThan( 40 );
		for ( const p of seen ) {
			const highest = Math.max( 1, ...[ ...en[ p.key ].matchAll( /\$(\d+)/g ) ].map( ( m ) => Number( m[ 1 ] ) ) );
			expect( p.params.length, `${ p.key } ${ p.params }` ).toBe( highest - 1 );
			for ( let n = 2; n <= highest; n++ ) {
				expect( qqq[ p.key ], p.key ).toContain( `$${ n } - ` );
			}
			expect( p.params.every( ( x ) => typeof x === 'string' ) ).toBe( true );
		}
	} );

	it( 'formats a problem as its English sentence, naming the path once', () => {
		expect( formatProblem( { path: 'notices[0].published', key: 'oan-check-date', params: [] }, en ) )
			.toBe( 'notices[0].published must be a date such as 2021-09-13, or a time with its zone such as 2021-09-13T18:00:00Z.' );
		expect( formatProblem( { path: '', key: 'oan-check-page-type', params: [] }, en ) ).toBe( en[ 'oan-check-page-type' ] );
		expect( parseNoticesText( '{\n\t"notices": [ 1, ]\n}' ) ).toEqual( { error: 'not valid JSON at line 2, column 18: unexpected "]"' } );
	} );
} );

describe( 'the generated validator', () => {
	it( 'is the same imported here (vitest.config.ts makes it as the build does) as in the Node tools\' bundle', () => {
		const data = changed( ( d ) => {
			d.notices[ 0 ].title = { en: '', EN: 'x' };
			d.notices[ 0 ].end = '2021-02-30';
			d.extra = 1;
		} );
		expect( checkNoticesHere( data ) ).toEqual( checkNotices( data ) );
		expect( checkNoticesHere( data ) ).toHaveLength( 4 );
	} );

	it( 'is ajv\'s standalone code, and bundles for the wiki as ES2016', async () => {
		const code = validatorSource();
		expect( code ).toMatch( /export default validate\d+/ );
		expect( code ).not.toMatch( /\bnew Function\b|\beval\(/ );
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-check-' ) );
		fs.writeFileSync( path.join( dir, 'entry.ts' ), `import { checkNotices } from ${ JSON.stringify( CHECK_ENTRY ) };\n( window as any ).oanCheck = checkNotices;\n` );
		// build() checks every script it writes with assertSyntax; the entry stands in for each.
		await build( { outDir: path.join( dir, 'out' ), quiet: true, entry: path.join( dir, 'entry.ts' ) } );
		const script = fs.readFileSync( path.join( dir, 'out', 'Gadget-office-action-notice.js' ), 'utf8' );
		expect( script ).toContain( 'oanCheck' );
		expect( () => assertSyntax( script, 'x.js' ) ).not.toThrow();
	} );
} );

describe( 'npm run check', () => {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-check-cli-' ) );

	async function cli( args: string[] ) {
		try {
			const { stdout, stderr } = await run( process.execPath, [ path.join( ROOT, 'scripts/check.mjs' ), ...args ], { cwd: dir } );
			return { code: 0, stdout, stderr };
		} catch ( e: any ) {
			return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
		}
	}

	it( 'exits 0 for valid data, 1 with one line per problem and a summary', async () => {
		const ok = await cli( [ path.join( ROOT, 'data/notices.json' ) ] );
		expect( ok ).toMatchObject( { code: 0, stderr: '' } );
		expect( ok.stdout ).toMatch( /notices\.json: valid, no problems\n$/ );

		fs.writeFileSync( path.join( dir, 'draft.json' ), JSON.stringify( changed( ( d ) => {
			d.notices[ 0 ].published = '2021-02-30';
			d.notices[ 0 ].sumary = 'x';
		} ), null, '\t' ) );
		const bad = await cli( [ 'draft.json' ] );
		expect( bad.code ).toBe( 1 );
		expect( bad.stdout ).toBe( [
			'notices[0].sumary is not a field the gadget knows here (it knows: id, revision, title, summary, published, updates, statement, start, end, target, accounts).',
			'notices[0].published names a day or time that does not exist: 2021-02-30.',
			'draft.json: 2 problems',
			''
		].join( '\n' ) );
	} );

	it( 'gives a JSON syntax error as one line with its line and column, exit 1', async () => {
		fs.writeFileSync( path.join( dir, 'broken.json' ), '{\n\t"notices": [\n\t\t{ "id": "a", }\n\t]\n}\n' );
		const r = await cli( [ 'broken.json' ] );
		expect( r.code ).toBe( 1 );
		expect( r.stdout ).toBe( 'broken.json: not valid JSON at line 3, column 16: unexpected "}"\n' );
	} );

	it( 'exits 2 on usage errors, and prints its help', async () => {
		const none = await cli( [] );
		expect( none ).toMatchObject( { code: 2, stdout: '' } );
		expect( none.stderr ).toMatch( /^check failed: give a FILE, or --api URL, or both; see --help\n$/ );
		expect( ( await cli( [ 'missing.json' ] ) ).stderr ).toMatch( /^check failed: cannot read missing\.json \(ENOENT\)/ );
		expect( ( await cli( [ '--nope' ] ) ).code ).toBe( 2 );
		expect( ( await cli( [ '--api', 'not a url' ] ) ).stderr ).toMatch( /is not a URL/ );
		const help = await cli( [ '--help' ] );
		expect( help.code ).toBe( 0 );
		expect( help.stdout ).toMatch( /^Usage: npm run check -- FILE/ );
		expect( help.stdout ).toContain( '--api URL' );
	} );
} );

describe( 'the schema and src/config/patterns.ts', () => {
	it( 'hold the same language-code and date patterns', () => {
		expect( LANGUAGE_CODE_PATTERN ).toBe( schema.$defs.languageCode.pattern );
		expect( DATE_PATTERN ).toBe( schema.$defs.date.pattern );
	} );
} );

describe( 'the schema, src/config/types.ts and docs/notices.md', () => {
	/** Each object of the schema ($defs, and the page itself) and the interface it becomes. */
	const INTERFACES: Record<string, string> = {
		'': 'NoticesData',
		notice: 'Notice',
		update: 'NoticeUpdate',
		statement: 'Statement',
		translation: 'StatementTranslation',
		target: 'NoticeTarget',
		account: 'AffectedAccount',
		restrictedGroup: 'RestrictedGroup',
		copiedFrom: 'CopiedFrom'
	};
	/** The tables of docs/notices.md, by heading (and first column where a heading has two). */
	const TABLES: Record<string, string> = {
		'The page': '',
		'A notice': 'notice',
		'`updates`': 'update',
		'`statement`': 'statement',
		'`statement` / field of a translation': 'translation',
		'`target`': 'target',
		'`accounts`': 'account',
		'`restrictedGroups`': 'restrictedGroup',
		'`copiedFrom`': 'copiedFrom'
	};
	/** Optional in the data, always there in the types, with a default no schema value can say. */
	const DEFAULTED_IN_CODE = [ 'translation.page' ];

	type Fields = Record<string, { required: boolean }>;

	function schemaObjects( schema: any ): Record<string, { fields: Fields; defaults: string[] }> {
		const out: Record<string, { fields: Fields; defaults: string[] }> = {};
		const objects: [string, any][] = [ [ '', schema ], ...Object.entries<any>( schema.$defs ).filter( ( [ , d ] ) => d.type === 'object' && d.properties && d.additionalProperties === false ) ];
		for ( const [ name, def ] of objects ) {
			out[ name ] = {
				fields: Object.fromEntries( Object.keys( def.properties ).map( ( f ) => [ f, { required: ( def.required || [] ).includes( f ) } ] ) ),
				defaults: Object.keys( def.properties ).filter( ( f ) => 'default' in def.properties[ f ] )
			};
		}
		return out;
	}

	function typeInterfaces(): Record<string, Fields> {
		const file = path.join( ROOT, 'src/config/types.ts' );
		const source = ts.createSourceFile( file, fs.readFileSync( file, 'utf8' ), ts.ScriptTarget.ES2020, true );
		const out: Record<string, Fields> = {};
		source.forEachChild( ( node ) => {
			if ( ts.isInterfaceDeclaration( node ) ) {
				const properties = node.members.filter( ts.isPropertySignature );
				out[ node.name.text ] = Object.fromEntries( properties.map( ( m ) => [ m.name.getText( source ), { required: !m.questionToken } ] ) );
			}
		} );
		return out;
	}

	function docTables( text: string ): Record<string, Fields> {
		const out: Record<string, Fields> = {};
		let heading = '';
		let table: Fields | null = null;
		for ( const line of text.replace( /^```[^\n]*\n[\s\S]*?^```$/gm, '' ).split( '\n' ) ) {
			const h = /^#+ (.*)$/.exec( line );
			if ( h ) {
				heading = h[ 1 ];
			}
			const cells = line.startsWith( '|' ) ? line.split( /(?<!\\)\|/ ).slice( 1, -1 ).map( ( c ) => c.trim() ) : null;
			if ( !cells ) {
				table = null;
			} else if ( /^field\b/.test( cells[ 0 ] ) && cells[ 1 ] === 'required' ) {
				table = {};
				out[ cells[ 0 ] === 'field' ? heading : `${ heading } / ${ cells[ 0 ] }` ] = table;
			} else if ( table && /^`\w+`$/.test( cells[ 0 ] ) ) {
				table[ cells[ 0 ].slice( 1, -1 ) ] = { required: /^yes\b/.test( cells[ 1 ] ) };
			}
		}
		return out;
	}

	/** Where the three disagree, one line each. */
	function disagreements( objects: ReturnType<typeof schemaObjects>, types: Record<string, Fields>, docs: Record<string, Fields> ): string[] {
		const problems: string[] = [];
		for ( const [ name, { fields, defaults } ] of Object.entries( objects ) ) {
			const where = name || 'the page';
			const type = types[ INTERFACES[ name ] ];
			const table = docs[ Object.keys( TABLES ).find( ( t ) => TABLES[ t ] === name )! ] || {};
			if ( !type ) {
				problems.push( `${ where }: no interface ${ INTERFACES[ name ] } in src/config/types.ts` );
				continue;
			}
			const all = new Set( [ ...Object.keys( fields ), ...Object.keys( type ), ...Object.keys( table ) ] );
			for ( const field of all ) {
				const s = fields[ field ];
				const t = type[ field ];
				const d = table[ field ];
				if ( !s || !t || !d ) {
					problems.push( `${ where }.${ field }: in ${ [ s && 'the schema', t && 'the types', d && 'the docs' ].filter( Boolean ).join( ' and ' ) } only` );
					continue;
				}
				if ( s.required !== d.required ) {
					problems.push( `${ where }.${ field }: ${ s.required ? 'required' : 'optional' } in the schema, ${ d.required ? 'required' : 'optional' } in the docs` );
				}
				// Optional in the data yet always present in the types: only with a default filled in.
				const defaulted = defaults.includes( field ) || DEFAULTED_IN_CODE.includes( `${ name }.${ field }` );
				if ( s.required && !t.required ) {
					problems.push( `${ where }.${ field }: required in the schema, optional in the types` );
				} else if ( !s.required && t.required && !defaulted ) {
					problems.push( `${ where }.${ field }: optional in the schema, required in the types, and the schema gives no default` );
				} else if ( defaulted && !t.required ) {
					problems.push( `${ where }.${ field }: the schema gives a default, so the types should hold it as always present` );
				}
			}
		}
		return problems;
	}

	const docsText = fs.readFileSync( path.join( ROOT, 'docs/notices.md' ), 'utf8' );

	it( 'name the same fields, and the same ones as required', () => {
		const objects = schemaObjects( schema );
		const docs = docTables( docsText );
		expect( Object.keys( objects ).sort() ).toEqual( Object.keys( INTERFACES ).sort() );
		expect( Object.keys( docs ).sort() ).toEqual( Object.keys( TABLES ).sort() );
		expect( disagreements( objects, typeInterfaces(), docs ) ).toEqual( [] );
	} );

	it( 'would notice a field the schema, the types or the docs lack, or disagree on', () => {
		const wrongSchema = clone( schema );
		delete wrongSchema.$defs.account.properties.note;
		wrongSchema.$defs.notice.required.push( 'start' );
		delete wrongSchema.$defs.statement.properties.language.default;
		const types = typeInterfaces();
		types.NoticeUpdate.extra = { required: false };
		const docs = docTables( docsText.replace( '| `kind` | yes |', '| `kind` | no |' ) );
		expect( disagreements( schemaObjects( wrongSchema ), types, docs ) ).toEqual( [
			'notice.start: required in the schema, optional in the docs',
			'notice.start: required in the schema, optional in the types',
			'update.extra: in the types only',
			'statement.language: optional in the schema, required in the types, and the schema gives no default',
			'account.note: in the types and the docs only',
			'restrictedGroup.kind: required in the schema, optional in the docs'
		] );
		expect( docTables( '## `accounts`\n\n| field | required | meaning |\n|---|---|---|\n| `name` | yes | x |\n| `action` | no (default) | y |\n' ) )
			.toEqual( { '`accounts`': { name: { required: true }, action: { required: false } } } );
	} );
} );
