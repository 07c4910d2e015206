// @vitest-environment node
// The build, definition and deploy helpers (Node side), without a wiki.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertSyntax, build, ES_VERSION } from '../../scripts/build.mjs';
import { validatorPlugin } from '../../scripts/lib/checker.mjs';
import { HELP, OPTIONS } from '../../scripts/deploy.mjs';
import { DESCRIPTIONS } from '../../scripts/lib/deploy/plan.mjs';
import { cutToBytes, deployedCommit, formatSummary, SUMMARY_BYTES } from '../../scripts/lib/deploy/summary.mjs';
import { parseDefinition, readDefinition } from '../../scripts/lib/definition.mjs';
import { mergeDefinition } from '../../scripts/lib/definitionEdit.mjs';
import { lineDiff } from '../../scripts/lib/diff.mjs';
import { PAYLOAD_BUDGET, payloadSizes } from '../../scripts/lib/size.mjs';
import { fallbackPages, readSeedPages, toWikitext } from '../../scripts/lib/seeds.mjs';
import { ROOT } from './helpers';

// mw.* namespaces and the ResourceLoader module that provides each (mediawiki.base ones need none).
const MODULE_OF: Record<string, string | null> = {
	config: null, hook: null, message: null, messages: null, log: null, loader: null, html: null, Message: null, libs: null,
	util: 'mediawiki.util', storage: 'mediawiki.storage', language: 'mediawiki.language', Api: 'mediawiki.api',
	Title: 'mediawiki.Title', ForeignApi: 'mediawiki.ForeignApi', Map: null, user: 'mediawiki.user', notify: 'mediawiki.notification', cookie: 'mediawiki.cookie'
};

// Modules code uses without an mw.* name of their own: how to tell it does. mw.message() handles
// {{PLURAL:…}} and the like only with mediawiki.jqueryMsg loaded: code that names such a message uses it.
// In any language: a translation may add {{PLURAL:…}} where English has none.
const WITH_MAGIC_WORDS = fs.readdirSync( path.join( ROOT, 'i18n' ) ).filter( ( f ) => f.endsWith( '.json' ) && f !== 'qqq.json' ).flatMap( ( f ) => {
	const messages: Record<string, string> = JSON.parse( fs.readFileSync( path.join( ROOT, 'i18n', f ), 'utf8' ) );
	return Object.keys( messages ).filter( ( k ) => k !== '@metadata' && messages[ k ].includes( '{{' ) );
} );
const USED_WITHOUT_MW: Record<string, ( code: string ) => boolean> = {
	'jquery.textSelection': ( code ) => /\.textSelection\(/.test( code ),
	'mediawiki.jqueryMsg': ( code ) => /\.parseDom\(|\.parse\(\)/.test( code ) || WITH_MAGIC_WORDS.some( ( k ) => code.includes( `'${ k }'` ) ),
	'codex-styles': ( code ) => /['" ]cdx-/.test( code )
};

describe( 'gadget-definition.txt', () => {
	const def = readDefinition();

	it( 'declares one default package gadget with a hidden styles peer, the hidden accounts gadget and the authoring gadget only interface admins load, nothing else', () => {
		expect( def.main.options ).toMatchObject( { ResourceLoader: true, default: true, package: true } );
		const accounts = def.gadgets.find( ( g: { name: string } ) => g.name === 'office-action-notice-accounts' ) as any;
		expect( accounts.options ).toMatchObject( { ResourceLoader: true, hidden: true, package: true } );
		expect( accounts.options.default ).toBeUndefined();
		expect( def.peers ).toHaveLength( 1 );
		expect( def.peers[ 0 ].options ).toMatchObject( { hidden: true, type: [ 'styles' ] } );
		expect( def.main.pages[ 0 ] ).toMatch( /\.js$/ );
		expect( def.gadgets.map( ( g: { name: string } ) => g.name ) ).toEqual( [ 'office-action-notice', 'office-action-notice-reserve', 'office-action-notice-accounts', 'office-action-notice-authoring' ] );
		// Hidden and on by default, but only for those who may edit site JSON, only on JSON pages of
		// the MediaWiki namespace, only viewing, editing or previewing: never on a reader's page.
		const authoring = def.gadgets.find( ( g: { name: string } ) => g.name === 'office-action-notice-authoring' ) as any;
		expect( authoring.options ).toMatchObject( {
			ResourceLoader: true, hidden: true, default: true, package: true,
			rights: [ 'editsitejson' ], namespaces: [ '8' ], contentModels: [ 'json' ], actions: [ 'view', 'edit', 'submit' ]
		} );
		// The package carries the wiki's languages page (written by deploy) beside the notices.
		expect( def.main.pages ).toEqual( [ 'office-action-notice.js', 'office-action-notice-notices.json', 'office-action-notice-languages.json' ] );
	} );

	it( 'declares, for each script, every ResourceLoader module its code uses, and none it does not', async () => {
		const entries: Record<string, string> = {
			'office-action-notice': 'src/index.ts', 'office-action-notice-accounts': 'src/accounts/accountsGadget.ts', 'office-action-notice-authoring': 'src/authoring/authoringGadget.ts'
		};
		for ( const [ name, entry ] of Object.entries( entries ) ) {
			const gadget = def.gadgets.find( ( g: { name: string } ) => g.name === name ) as any;
			expect( gadget, name ).toBeDefined();
			const deps = new Set<string>( ( gadget.options as Record<string, string[]> ).dependencies || [] );
			const result = await esbuild.build( {
				entryPoints: [ path.join( ROOT, entry ) ], bundle: true, write: false, metafile: true, logLevel: 'silent',
				plugins: [ { name: 'stub', setup( b ) {
					b.onResolve( { filter: /^oan:messages$/ }, () => ( { path: 'm', namespace: 'stub' } ) );
					b.onLoad( { filter: /.*/, namespace: 'stub' }, () => ( { contents: '{}', loader: 'json' } ) );
				} }, validatorPlugin() ]
			} );
			const missing: string[] = [];
			const used = new Set<string>();
			for ( const file of Object.keys( result.metafile!.inputs ).filter( ( f ) => f.startsWith( 'src/' ) ) ) {
				const code = fs.readFileSync( path.join( ROOT, file ), 'utf8' );
				for ( const [ mod, usedBy ] of Object.entries( USED_WITHOUT_MW ) ) {
					if ( usedBy( code ) ) {
						used.add( mod );
						if ( !deps.has( mod ) ) {
							missing.push( `${ mod } (in ${ file })` );
						}
					}
				}
				// A module the code loads itself, when it needs it, need not be declared.
				const lazy = new Set( [ ...code.matchAll( /mw\.loader\.using\( '([^']+)' \)/g ) ].map( ( m ) => m[ 1 ] ) );
				for ( const m of code.matchAll( /\bmw\.([A-Za-z]+)\b(?:\.([A-Za-z]+))?/g ) ) {
					expect( Object.keys( MODULE_OF ), `${ file } uses mw.${ m[ 1 ] }` ).toContain( m[ 1 ] );
					// mediawiki.base makes mw.user.options and .tokens; user.options fills them in.
					const mod = m[ 1 ] === 'user' && ( m[ 2 ] === 'options' || m[ 2 ] === 'tokens' ) ? 'user.options' : MODULE_OF[ m[ 1 ] ];
					if ( mod ) {
						used.add( mod );
					}
					if ( mod && !deps.has( mod ) && !lazy.has( mod ) ) {
						missing.push( `${ mod } (mw.${ m[ 1 ] } in ${ file })` );
					}
				}
			}
			expect( missing, `${ name } needs these in dependencies=` ).toEqual( [] );
			// Each declared module is one more for the page to load and wait for before the script runs.
			expect( [ ...deps ].filter( ( d ) => !used.has( d ) ), `${ name } declares these and does not use them` ).toEqual( [] );
		}
		// The lazily loaded gadget is one the definition declares.
		const loader = fs.readFileSync( path.join( ROOT, 'src/accounts/loadAccountsGadget.ts' ), 'utf8' );
		const lazy = loader.match( /ACCOUNTS_MODULE = 'ext\.gadget\.([^']+)'/ );
		expect( def.gadgets.map( ( g: { name: string } ) => g.name ) ).toContain( lazy && lazy[ 1 ] );
	} );

	it( 'gives every gadget its description page (MediaWiki:Gadget-<name>), and no gadget it does not declare', () => {
		const names = readDefinition().gadgets.map( ( g: { name: string } ) => g.name ).sort();
		expect( Object.keys( DESCRIPTIONS ).sort() ).toEqual( names );
	} );

	it( 'parses options and pages like MediaWikiGadgetsDefinitionRepo', () => {
		const [ g ] = parseDefinition( '* my-gadget [ResourceLoader | default |dependencies=a.b, c.d|peers=x] | one.js|two.css \n' );
		expect( g.name ).toBe( 'my-gadget' );
		expect( g.options ).toEqual( { ResourceLoader: true, default: true, dependencies: [ 'a.b', 'c.d' ], peers: [ 'x' ] } );
		expect( g.pages ).toEqual( [ 'one.js', 'two.css' ] );
	} );
} );

/**
 * What makes a deployed script harder to read than its source, in the code of every module of ours
 * (esbuild marks each module with a "// path" line; only node_modules and ajv's generated validator
 * are left alone): a name
 * esbuild changed to keep two modules' names apart, syntax shortened (if statements turned into
 * && or ?: expressions, statements joined by commas, !0 for true), and esbuild's helpers for
 * syntax newer than ES2016 (__async and the generator it runs, __spreadValues, __objRest…): the
 * source should say it in ES2016 (promises, Object.assign) so the script reads as written.
 */
function readabilityProblems( code: string ): string[] {
	const ours: boolean[] = [];
	let inOurs = false;
	code.split( '\n' ).forEach( ( line, i ) => {
		const section = line.match( /^ {2}\/\/ (\S+)$/ );
		if ( section ) {
			// ajv's validation code, generated from the schema, names its variables as ajv does.
			inOurs = !section[ 1 ].startsWith( 'node_modules/' ) && section[ 1 ] !== 'oan-validator:notices-validator';
		}
		ours[ i + 1 ] = inOurs;
	} );
	const declared = new Set<string>();
	const nodes: any[] = [];
	const walk = ( node: any ): void => {
		if ( !node || typeof node.type !== 'string' ) {
			return;
		}
		nodes.push( node );
		for ( const key of Object.keys( node ) ) {
			const value = node[ key ];
			for ( const child of Array.isArray( value ) ? value : [ value ] ) {
				if ( child && typeof child === 'object' && key !== 'loc' ) {
					walk( child );
				}
			}
		}
	};
	walk( acorn.parse( code, { ecmaVersion: ES_VERSION, sourceType: 'script', locations: true } ) );
	const names = ( node: any ): any[] => node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration' ? [ node.id ] :
		node.type === 'VariableDeclarator' ? [ node.id ] :
			/Function/.test( node.type ) ? node.params : [];
	for ( const node of nodes ) {
		for ( const id of names( node ) ) {
			if ( id && id.type === 'Identifier' ) {
				declared.add( id.name );
			}
		}
	}
	const problems: string[] = [];
	for ( const node of nodes.filter( ( n ) => ours[ n.loc.start.line ] ) ) {
		const at = `line ${ node.loc.start.line }`;
		for ( const id of names( node ) ) {
			const base = id && id.type === 'Identifier' && id.name.match( /^(.*[A-Za-z_$])\d+$/ );
			if ( base && declared.has( base[ 1 ] ) ) {
				problems.push( `${ at }: ${ id.name } is a name esbuild gave (${ base[ 1 ] } is taken): give one of them another name` );
			}
		}
		if ( node.type === 'ExpressionStatement' && /^(SequenceExpression|LogicalExpression|ConditionalExpression)$/.test( node.expression.type ) ) {
			problems.push( `${ at }: a statement written as an expression (${ node.expression.type }): ${ node.expression.type === 'SequenceExpression' ? 'statements were minified into one' : 'an if statement was minified' }` );
		}
		if ( node.type === 'ReturnStatement' && node.argument && node.argument.type === 'SequenceExpression' ) {
			problems.push( `${ at }: return of a comma sequence: statements were minified into one` );
		}
		if ( node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'Literal' && typeof node.argument.value === 'number' ) {
			problems.push( `${ at }: !${ node.argument.value } where the source says true or false` );
		}
		if ( node.type === 'Identifier' && /^__[A-Za-z]/.test( node.name ) ) {
			problems.push( `${ at }: ${ node.name }, an esbuild helper: the source uses syntax ES2016 lacks (async, object spread or rest…)` );
		}
		if ( /Function/.test( node.type ) && node.generator ) {
			problems.push( `${ at }: a generator function: async code lowered for ES2016` );
		}
	}
	return problems;
}

describe( 'build', () => {
	const out = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-build-' ) );
	let manifest: { pages: { title: string; file: string; contentModel: string; createOnly: boolean }[] };
	beforeAll( async () => {
		manifest = await build( { outDir: out, quiet: true } );
	} );

	it( 'builds every page gadget-definition.txt names, and nothing else', () => {
		const def = readDefinition();
		const named = [ ...new Set( def.gadgets.flatMap( ( g: { pages: string[] } ) => g.pages ) ) ].map( ( p ) => `MediaWiki:Gadget-${ p }` );
		expect( manifest.pages.map( ( p ) => p.title ).sort() ).toEqual( named.sort() );
		for ( const p of manifest.pages ) {
			expect( fs.existsSync( path.join( out, p.file ) ) ).toBe( true );
		}
		expect( manifest.pages.filter( ( p ) => p.createOnly ).map( ( p ) => p.contentModel ) ).toEqual( [ 'json' ] );
	} );

	it( 'writes ES2016 wrapped in nowiki with a header naming the commit, and no bundled jQuery', () => {
		const js = fs.readFileSync( path.join( out, 'Gadget-office-action-notice.js' ), 'utf8' );
		expect( js ).toMatch( /^\/\*! office-action-notice [0-9a-f]{12}(-dirty)?\n/ );
		const accounts = fs.readFileSync( path.join( out, 'Gadget-office-action-notice-accounts.js' ), 'utf8' );
		expect( () => assertSyntax( accounts, 'accounts' ) ).not.toThrow();
		// Each script carries only its own messages.
		expect( js ).not.toContain( 'oan-ur-ack' );
		expect( accounts ).toContain( 'oan-ur-ack' );
		expect( accounts ).not.toContain( 'oan-notice-dismiss' );
		expect( js ).toContain( '\n// <nowiki>\n' );
		expect( js.trimEnd().endsWith( '// </nowiki>' ) ).toBe( true );
		expect( () => assertSyntax( js, 'built' ) ).not.toThrow();
		expect( js ).not.toMatch( /jQuery JavaScript Library|__require/ );
		expect( js ).toContain( 'require("./office-action-notice-notices.json")' );
		expect( js ).not.toContain( '"@metadata"' );
		expect( js ).not.toContain( 'Accessible name of' );
	} );

	it( 'keeps every page view\'s payload, with readable names and no validator, within the budget', async () => {
		const sizes = await payloadSizes( out ) as any;
		expect( sizes.everyPage.gadgets ).toEqual( [ 'office-action-notice', 'office-action-notice-reserve' ] );
		expect( sizes.everyPage.gzip, JSON.stringify( sizes[ 'office-action-notice' ].parts ) ).toBeLessThanOrEqual( PAYLOAD_BUDGET );
		// The accounts and authoring gadgets are not part of it: ordinary pages never load them.
		expect( sizes[ 'office-action-notice-accounts' ].gzip ).toBeGreaterThan( 0 );
		expect( sizes[ 'office-action-notice-authoring' ].gzip ).toBeGreaterThan( 0 );
		// Readers never download the checker: no ajv code, no schema messages in their script.
		const script = fs.readFileSync( path.join( out, 'Gadget-office-action-notice.js' ), 'utf8' );
		expect( script ).not.toMatch( /oan-check-|ucs2length|instancePath/ );
		expect( fs.readFileSync( path.join( out, 'Gadget-office-action-notice-authoring.js' ), 'utf8' ) ).toMatch( /instancePath/ );
	} );

	it( 'deploys code an interface admin can read and fix: the source\'s names and statements, not minified ones', () => {
		const scripts = manifest.pages.filter( ( p ) => p.contentModel === 'javascript' );
		expect( scripts.length ).toBe( 3 );
		for ( const script of scripts ) {
			expect( readabilityProblems( fs.readFileSync( path.join( out, script.file ), 'utf8' ) ), script.file ).toEqual( [] );
		}
		// The names of the source, as written.
		const js = fs.readFileSync( path.join( out, 'Gadget-office-action-notice.js' ), 'utf8' );
		for ( const name of [ 'runOfficeActionNotice', 'findApplicableNotices', 'showBanners', 'renderBanner', 'pickStatementLanguage', 'guardNoticesData' ] ) {
			expect( js ).toContain( `function ${ name }(` );
		}
	} );

	it( 'finds minified syntax, renamed names and esbuild\'s helpers in our modules, so the test above can fail', () => {
		const code = '  var __async = (t, a, g) => g;\n  // src/x.ts\n  function date() {}\n  function f(a) {\n    const date2 = 1;\n    a && a();\n    a ? f() : f();\n    return f(), !0;\n  }\n' +
			'  // scripts/lib/y.mjs\n  function g() {\n    return __async(this, null, function* () {\n      yield 1;\n    });\n  }\n' +
			'  // node_modules/z/index.js\n  var data0 = 1, data = (data0, 2);\n  __async(0, 0, function* () {});\n';
		expect( readabilityProblems( code ) ).toEqual( [
			'line 5: date2 is a name esbuild gave (date is taken): give one of them another name',
			'line 6: a statement written as an expression (LogicalExpression): an if statement was minified',
			'line 7: a statement written as an expression (ConditionalExpression): an if statement was minified',
			'line 8: return of a comma sequence: statements were minified into one',
			'line 8: !0 where the source says true or false',
			'line 12: __async, an esbuild helper: the source uses syntax ES2016 lacks (async, object spread or rest…)',
			'line 12: a generator function: async code lowered for ES2016'
		] );
	} );

	it( 'is deterministic', async () => {
		const again = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-build-' ) );
		await build( { outDir: again, quiet: true } );
		for ( const p of manifest.pages ) {
			expect( fs.readFileSync( path.join( again, p.file ), 'utf8' ) ).toBe( fs.readFileSync( path.join( out, p.file ), 'utf8' ) );
		}
	} );

	it( 'fails loudly on syntax newer than ES2016', async () => {
		expect( () => assertSyntax( 'async function f() { await 1; }', 'x.js' ) ).toThrow( /not ES2016/ );
		expect( () => assertSyntax( 'const o = { ...a };', 'x.js' ) ).toThrow( /not ES2016/ );
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-es-' ) );
		fs.writeFileSync( path.join( dir, 'entry.ts' ), 'console.log( 12345678901234567890n );\n' );
		await expect( build( { outDir: path.join( dir, 'out' ), quiet: true, entry: path.join( dir, 'entry.ts' ) } ) ).rejects.toThrow( /ES2016/ );
	} );
} );

describe( 'mergeDefinition', () => {
	const def = readDefinition();
	const ours = def.gadgets.map( ( g: { line: string } ) => g.line );

	it( 'appends a section with our lines to a definition without them', () => {
		const current = '== tools ==\n* other[ResourceLoader]|other.js\n';
		expect( mergeDefinition( current, def ) ).toBe( `== tools ==\n* other[ResourceLoader]|other.js\n\n${ def.sectionLine }\n${ ours.join( '\n' ) }\n` );
	} );

	it( 'replaces only our lines, in place, and keeps every other line byte for byte', () => {
		const current = [
			'== tools ==', '* other[ResourceLoader]|other.js', '', def.sectionLine,
			'* office-action-notice[ResourceLoader|default]|old.js', '*office-action-notice-reserve [ResourceLoader|type=styles]|old.css',
			'* office-action-notice-extra[ResourceLoader]|keep.js', '  trailing spaces kept  ', ''
		].join( '\n' );
		const merged = mergeDefinition( current, def );
		expect( merged ).toBe( [
			'== tools ==', '* other[ResourceLoader]|other.js', '', def.sectionLine,
			...ours, '* office-action-notice-extra[ResourceLoader]|keep.js', '  trailing spaces kept  ', ''
		].join( '\n' ) );
		expect( mergeDefinition( merged, def ) ).toBe( merged );
	} );

	it( 'removes the lines of gadgets this project no longer ships, and no one else\'s', () => {
		const current = [ def.sectionLine, ...ours, '* office-action-notice-quiet[ResourceLoader|hidden|type=styles]|office-action-notice-quiet.css', '* office-action-notice-extra[ResourceLoader]|keep.js', '' ].join( '\n' );
		expect( mergeDefinition( current, def ) ).toBe( [ def.sectionLine, ...ours, '* office-action-notice-extra[ResourceLoader]|keep.js', '' ].join( '\n' ) );
	} );

	it( 'creates the page text from nothing', () => {
		expect( mergeDefinition( '', def ) ).toBe( `${ def.sectionLine }\n${ ours.join( '\n' ) }\n` );
	} );
} );

describe( 'lineDiff', () => {
	it( 'shows removed and added lines with context', () => {
		expect( lineDiff( 'a\nb\nc\nd', 'a\nb\nC\nd' ) ).toBe( ' a\n b\n-c\n+C\n d' );
		expect( lineDiff( 'same', 'same' ) ).toBe( '' );
		expect( lineDiff( '', 'new' ) ).toBe( '-\n+new' );
	} );
} );

describe( 'deploy: the edit summary and the help', () => {
	const head = { head: '0123456789ab', subject: 'Fix the banner', dirty: false };

	it( 'reads the commit from the header of a built script', () => {
		expect( deployedCommit( '/*! office-action-notice 0123456789ab\n * Built from …' ) ).toBe( '0123456789ab' );
		expect( deployedCommit( '/*! office-action-notice 0123456789ab-dirty\n' ) ).toBe( '0123456789ab' );
		expect( deployedCommit( '/*! office-action-notice unknown\n' ) ).toBeNull();
		expect( deployedCommit( '// hand-written\n/*! office-action-notice 0123456789ab\n' ) ).toBeNull();
		expect( deployedCommit( '' ) ).toBeNull();
	} );

	it( 'names the commits since the one on the wiki, newest first, or says why it cannot', () => {
		expect( formatSummary( { ...head, since: { sha: 'fedcba987654', subjects: [ 'Fix the banner', 'Add a test' ] } } ) )
			.toBe( 'Git commit 0123456789ab: Fix the banner; since fedcba987654: 2 commits: Fix the banner; Add a test' );
		expect( formatSummary( { ...head, since: { sha: 'fedcba987654', subjects: [ 'Fix the banner' ] } } ) )
			.toBe( 'Git commit 0123456789ab: Fix the banner; since fedcba987654: 1 commit: Fix the banner' );
		expect( formatSummary( { ...head, since: { sha: '0123456789ab', subjects: [] } } ) )
			.toBe( 'Git commit 0123456789ab: Fix the banner; since 0123456789ab: no new commits' );
		expect( formatSummary( { ...head, since: { sha: 'deadbeefdead', unknown: true } } ) )
			.toBe( 'Git commit 0123456789ab: Fix the banner; since deadbeefdead: not in this repository' );
		expect( formatSummary( { ...head, since: { sha: null } } ) ).toBe( 'Git commit 0123456789ab: Fix the banner; the wiki\'s script names no commit' );
		expect( formatSummary( { ...head, since: { missing: true } } ) ).toBe( 'Git commit 0123456789ab: Fix the banner; the wiki had no script yet' );
		expect( formatSummary( { ...head, dirty: true, since: { missing: true } } ) ).toMatch( /^Git commit 0123456789ab: Fix the banner \(uncommitted changes\);/ );
	} );

	it( 'keeps within MediaWiki\'s summary limit: whole subjects while they fit, then "…"', () => {
		const subjects = Array.from( { length: 40 }, ( _, i ) => `Commit number ${ i } with a subject of some length` );
		const text = formatSummary( { ...head, since: { sha: 'fedcba987654', subjects } } );
		expect( Buffer.byteLength( text ) ).toBeLessThanOrEqual( SUMMARY_BYTES );
		expect( text ).toMatch( /^Git commit 0123456789ab: Fix the banner; since fedcba987654: 40 commits: Commit number 0 with .*; Commit number \d+ with a subject of some length; …$/ );
		// Chinese subjects: cut by bytes, never inside a character.
		const long = formatSummary( { ...head, subject: '修正'.repeat( 200 ), since: { sha: 'fedcba987654', subjects: [ 'x' ] } } );
		expect( Buffer.byteLength( long ) ).toBeLessThanOrEqual( SUMMARY_BYTES );
		expect( long ).toMatch( /^Git commit 0123456789ab: (修正)+修?…$/ );
		expect( cutToBytes( 'abc', 3 ) ).toBe( 'abc' );
		expect( cutToBytes( 'abcdef', 5 ) ).toBe( 'ab…' );
	} );

	it( 'lists every option in --help', () => {
		for ( const name of Object.keys( OPTIONS ) ) {
			expect( HELP ).toContain( `--${ name }` );
		}
		expect( HELP ).toMatch( /--yes\s+save without asking/ );
	} );
} );

describe( 'seeds', () => {
	it( 'splits a statement mail into the English original and its Chinese translation, and reads a partial translation', () => {
		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-seeds-' ) );
		// Made-up texts in the shape of the real seeds.
		fs.writeFileSync( path.join( dir, '000.txt' ), 'Hi,\n\na question first.\n\n(note - 中文见下文)\n\nHello all.\n\nSecond paragraph [[x]].\n\n这是第一段中文。\n\n这是第二段。\n' );
		fs.writeFileSync( path.join( dir, '001.txt' ), 'পাতার শিরোনাম\n\nThis page is a translated version of the page Some page and the translation is 42% complete.\nপ্রথম অনুচ্ছেদ।\n\nUntranslated English.\n\nUpdated Office Action on User X\n\nThe update text.\n\nReferences' );
		const pages = readSeedPages( dir )!;
		expect( pages.map( ( p ) => [ p.title, p.language, p.complete ] ) ).toEqual( [
			[ 'Office actions/September 2021 statement', 'en', undefined ],
			[ 'Office actions/September 2021 statement/zh', 'zh', 100 ],
			[ 'Office actions/September 2021 statement/bn', 'bn', 42 ]
		] );
		expect( pages[ 0 ].text ).toBe( 'Hello all.\n\nSecond paragraph &#91;&#91;x]].\n\nUpdated Office Action on User X\n\nThe update text.\n' );
		expect( pages[ 1 ].text ).toBe( '这是第一段中文。\n\n这是第二段。\n' );
		expect( pages[ 2 ].text ).toContain( 'প্রথম অনুচ্ছেদ।' );
		expect( pages[ 2 ].text ).not.toContain( 'translated version' );
		expect( pages[ 2 ].text ).not.toContain( 'References' );
	} );

	it( 'gives null without seeds, and the demo then uses stand-in pages under the same titles', () => {
		expect( readSeedPages( path.join( os.tmpdir(), 'no-such-dir-oan' ) ) ).toBeNull();
		const pages = fallbackPages();
		expect( pages.map( ( p: { title: string } ) => p.title ) ).toEqual( [
			'Office actions/September 2021 statement', 'Office actions/September 2021 statement/zh', 'Office actions/September 2021 statement/bn'
		] );
		// Stand-ins in the project's own words: none of the statement's sentences.
		for ( const p of pages ) {
			expect( p.text ).not.toMatch( /Maggie Dennis|infiltration|Wikimedians of Mainland China/ );
		}
	} );

	it( 'neutralises wikitext markup', () => {
		expect( toWikitext( [ '{{x}} <b> ~~~~ * item', '#1 __TOC__' ] ) ).toBe( '&#123;&#123;x}} &lt;b> &#126;~~~ * item\n\n<nowiki/>#1 &#95;_TOC&#95;_\n' );
	} );
} );
