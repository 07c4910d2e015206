// @vitest-environment node
// The README and docs/ name only what exists: npm scripts, the deploy command's flags, repository
// files (and the headings links point at), gadgets and their wiki pages, message keys and other
// oan- names, OAN_ variables.
// findDrift() also reads a page of wrong names, so it is known to fail when the docs drift.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS as DEPLOY_OPTIONS } from '../../scripts/deploy.mjs';
import { OPTIONS as TRANSLATIONS_OPTIONS } from '../../scripts/translations.mjs';
import { readDefinition } from '../../scripts/lib/definition.mjs';
import { RETIRED_GADGETS } from '../../scripts/lib/definitionEdit.mjs';
import { guardNoticesData } from '../../src/config/guard';
import { readJson, ROOT } from './helpers';

const PAGES = [ 'README.md', ...fs.readdirSync( path.join( ROOT, 'docs' ) ).filter( ( f ) => f.endsWith( '.md' ) ).sort().map( ( f ) => `docs/${ f }` ) ];

/** npm's own commands the docs may name; any other `npm X` must be a script npm runs without `run`. */
const NPM_COMMANDS = [ 'ci', 'install', 'exec', 'ls', 'outdated' ];
const NPM_RUNS_WITHOUT_RUN = [ 'start', 'stop', 'test', 'restart' ];
/** Flags of tools other than deploy that the docs name, and the tool. */
const OTHER_FLAGS: Record<string, string> = { '--project': 'vitest', '--silent': 'npm', '--now': 'systemctl', '--wiki': 'MediaWiki\'s maintenance scripts', '--host-resolver-rules': 'Chromium' };
/** What a repository path starts with, as the docs write them (from the repository's root). */
const REPO_PATH = /^(?:(?:src|scripts|data|i18n|test|docs|schema|bench|\.ci)\/\S*|gadget-definition\.txt|package(?:-lock)?\.json)$/;

function filesUnder( dir: string, ext: RegExp ): string[] {
	return fs.readdirSync( dir, { withFileTypes: true } ).flatMap( ( d ) => {
		const full = path.join( dir, d.name );
		return d.isDirectory() ? filesUnder( full, ext ) : ext.test( d.name ) ? [ full ] : [];
	} );
}

/** What exists: the names the docs may use. */
function knownNames() {
	const pkg = readJson( 'package.json' ) as { scripts: Record<string, string> };
	const messages = Object.keys( readJson( 'i18n/en.json' ) as object ).filter( ( k ) => !k.startsWith( '@' ) );
	const code = filesUnder( path.join( ROOT, 'src' ), /\.(ts|css)$/ ).map( ( f ) => fs.readFileSync( f, 'utf8' ) ).join( '\n' );
	const tooling = [ 'scripts', 'test' ].flatMap( ( d ) => filesUnder( path.join( ROOT, d ), /\.(mjs|ts|php)$/ ) ).map( ( f ) => fs.readFileSync( f, 'utf8' ) ).join( '\n' );
	const def = readDefinition();
	const gadgets: string[] = def.gadgets.map( ( g: { name: string } ) => g.name );
	return {
		scripts: Object.keys( pkg.scripts ),
		gadgets: gadgets.concat( RETIRED_GADGETS ),
		// The wiki pages deploy writes: the gadgets' pages, their descriptions, the section's name.
		wikiPages: new Set( [ ...def.gadgets.flatMap( ( g: { pages: string[] } ) => g.pages ), ...gadgets, `section-${ def.main.section }` ].map( ( p ) => `MediaWiki:Gadget-${ p }` ) ),
		flags: [ ...Object.keys( DEPLOY_OPTIONS ), ...Object.keys( TRANSLATIONS_OPTIONS ) ].map( ( o ) => `--${ o }` ),
		// Message keys, and the classes, storage keys and ids the code names.
		oanNames: new Set( [ ...messages, ...( code.match( /oan-[a-z0-9-]+/g ) || [] ) ] ),
		// Environment variables the scripts and the test set-up read.
		variables: new Set( [ ...tooling.matchAll( /\benv\.(OAN_[A-Z_]+)/g ) ].map( ( m ) => m[ 1 ] ) )
	};
}

/** GitHub's anchor for a heading. */
function slug( heading: string ): string {
	return heading.trim().toLowerCase().replace( /[^\p{L}\p{N}\s_-]/gu, '' ).replace( /\s/g, '-' );
}

function headingsOf( file: string ): string[] {
	return ( fs.readFileSync( file, 'utf8' ).match( /^#+ .*$/gm ) || [] ).map( ( h ) => slug( h.replace( /^#+ /, '' ) ) );
}

/** A repository path exists; a placeholder (`<sha>`, `*`, `…`) needs only what comes before it. */
function exists( file: string ): boolean {
	const cut = file.search( /[<*…{]/ );
	return fs.existsSync( cut === -1 ? file : path.dirname( file.slice( 0, cut ) + 'x' ) );
}

/**
 * Every name in a page of Markdown that does not exist, one line each.
 *
 * @param text the page
 * @param page its path from the repository's root (links are relative to it)
 */
function findDrift( text: string, page: string ): string[] {
	const known = knownNames();
	const problems: string[] = [];
	const fenced = ( text.match( /^```[^\n]*\n[\s\S]*?^```$/gm ) || [] ).join( '\n' );
	const prose = text.replace( /^```[^\n]*\n[\s\S]*?^```$/gm, '' );
	const spans = ( prose.match( /`[^`\n]+`/g ) || [] ).map( ( s ) => s.slice( 1, -1 ) );
	const code = [ fenced, ...spans ].join( '\n' );

	// npm scripts: `npm run X` anywhere; `npm X` in code, where it is a command.
	for ( const m of text.matchAll( /\bnpm run ([a-z][\w:-]*)/g ) ) {
		if ( !known.scripts.includes( m[ 1 ] ) ) {
			problems.push( `${ page }: npm run ${ m[ 1 ] }: no such script in package.json` );
		}
	}
	for ( const m of code.matchAll( /\bnpm (?!run\b)([a-z][\w:-]*)/g ) ) {
		const ok = NPM_RUNS_WITHOUT_RUN.includes( m[ 1 ] ) ? known.scripts.includes( m[ 1 ] ) : NPM_COMMANDS.includes( m[ 1 ] );
		if ( !ok ) {
			problems.push( `${ page }: npm ${ m[ 1 ] }: neither an npm command the docs use nor a script npm runs without "run"` );
		}
	}
	// Flags: the deploy and translations commands', or another tool's named in OTHER_FLAGS (`--oan-…` is one of the
	// stylesheets' custom properties, checked as an oan- name below).
	for ( const m of text.matchAll( /(?<![\w-])--(?!oan-)[a-z][a-z0-9-]*/g ) ) {
		if ( !known.flags.includes( m[ 0 ] ) && !OTHER_FLAGS[ m[ 0 ] ] ) {
			problems.push( `${ page }: ${ m[ 0 ] }: not a flag of scripts/deploy.mjs or scripts/translations.mjs` );
		}
	}
	// Repository paths in code, and the targets of relative links (with their headings).
	for ( const token of code.split( /[\s()]+/ ).map( ( t ) => t.replace( /[,;:.]+$/, '' ) ) ) {
		if ( REPO_PATH.test( token ) && !exists( path.join( ROOT, token ) ) ) {
			problems.push( `${ page }: ${ token }: no such file in the repository` );
		}
	}
	for ( const m of prose.matchAll( /\]\(([^)\s]+)\)/g ) ) {
		if ( /^[a-z]+:/.test( m[ 1 ] ) ) {
			continue;
		}
		const [ target, anchor ] = m[ 1 ].split( '#' );
		const file = target ? path.join( ROOT, path.dirname( page ), target ) : path.join( ROOT, page );
		if ( !fs.existsSync( file ) ) {
			problems.push( `${ page }: link to ${ m[ 1 ] }: no such file` );
		} else if ( anchor && !headingsOf( file ).includes( anchor ) ) {
			problems.push( `${ page }: link to ${ m[ 1 ] }: no such heading` );
		}
	}
	// Gadget names in code, and the wiki pages of the gadget anywhere.
	for ( const token of code.split( /[\s()]+/ ) ) {
		if ( /^office-action-notice[a-z-]*$/.test( token ) && !known.gadgets.includes( token ) ) {
			problems.push( `${ page }: ${ token }: no such gadget in gadget-definition.txt` );
		}
	}
	for ( const m of text.matchAll( /MediaWiki:Gadget-[\w.-]*[\w]/g ) ) {
		if ( !known.wikiPages.has( m[ 0 ] ) ) {
			problems.push( `${ page }: ${ m[ 0 ] }: not a page the deploy command writes` );
		}
	}
	// Message keys and the other oan- names; one ending in "-" (`oan-account-<action>`) is a prefix.
	for ( const m of text.matchAll( /(?<=^|[^\w.-]|--)oan-[a-z0-9-]+/g ) ) {
		const name = m[ 0 ];
		const ok = name.endsWith( '-' ) ? [ ...known.oanNames ].some( ( k ) => k.startsWith( name ) ) : known.oanNames.has( name );
		if ( !ok ) {
			problems.push( `${ page }: ${ name }: no such message key (i18n/en.json) or name in src/` );
		}
	}
	for ( const m of text.matchAll( /\bOAN_[A-Z_]+/g ) ) {
		if ( !known.variables.has( m[ 0 ] ) ) {
			problems.push( `${ page }: ${ m[ 0 ] }: no script reads this variable` );
		}
	}
	return problems;
}

describe( 'the README and docs/', () => {
	it( 'name only scripts, flags, files, gadgets, pages, message keys and variables that exist', () => {
		expect( PAGES ).toEqual( expect.arrayContaining( [ 'README.md', 'docs/notices.md', 'docs/development.md', 'docs/performance.md', 'docs/design.md' ] ) );
		const problems = PAGES.flatMap( ( page ) => findDrift( fs.readFileSync( path.join( ROOT, page ), 'utf8' ), page ) );
		expect( problems ).toEqual( [] );
	} );

	it( 'would notice each kind of wrong name', () => {
		const wrong = [
			'Run `npm run bnech`, or `npm bench`, then `npm run deploy -- --api x --replace-notice`.',
			'See `src/notice/banners.ts` and [the design](design.md#no-such-heading) or [notes](missing.md).',
			'The message `oan-notice-hiden`, the prefix `oan-acount-`, `--oan-notice-hieght`, and OAN_PORTS.',
			'The gadget `office-action-notice-quite` and its page MediaWiki:Gadget-office-action-notice-note.json.'
		].join( '\n' );
		expect( findDrift( wrong, 'docs/x.md' ) ).toEqual( [
			'docs/x.md: npm run bnech: no such script in package.json',
			'docs/x.md: npm bench: neither an npm command the docs use nor a script npm runs without "run"',
			'docs/x.md: --replace-notice: not a flag of scripts/deploy.mjs or scripts/translations.mjs',
			'docs/x.md: src/notice/banners.ts: no such file in the repository',
			'docs/x.md: link to design.md#no-such-heading: no such heading',
			'docs/x.md: link to missing.md: no such file',
			'docs/x.md: office-action-notice-quite: no such gadget in gadget-definition.txt',
			'docs/x.md: MediaWiki:Gadget-office-action-notice-note.json: not a page the deploy command writes',
			'docs/x.md: oan-notice-hiden: no such message key (i18n/en.json) or name in src/',
			'docs/x.md: oan-acount-: no such message key (i18n/en.json) or name in src/',
			'docs/x.md: oan-notice-hieght: no such message key (i18n/en.json) or name in src/',
			'docs/x.md: OAN_PORTS: no script reads this variable'
		] );
		const right = 'Run `npm ci && npm start`, `npm run deploy -- --api x --yes --dry-run`; see `src/notice/banner.ts`, [deploy](development.md#deploy), `oan-notice-hidden`, `oan-ready`, `--oan-notice-height`, OAN_TEST_PORT, `office-action-notice-reserve`, MediaWiki:Gadget-office-action-notice.js.';
		expect( findDrift( right, 'docs/x.md' ) ).toEqual( [] );
	} );

	it( 'give examples of the notices data that the gadget accepts as they stand', () => {
		const text = fs.readFileSync( path.join( ROOT, 'docs/notices.md' ), 'utf8' );
		const blocks = [ ...text.matchAll( /^```json\n([\s\S]*?)^```$/gm ) ].map( ( m ) => m[ 1 ] ).filter( ( b ) => !b.includes( '…' ) );
		expect( blocks.length ).toBeGreaterThan( 5 );
		for ( const block of blocks ) {
			// A whole page, or some fields of one ("title": …), which parse inside braces.
			const value = JSON.parse( block.trim().startsWith( '{' ) ? block : `{${ block }}` );
			if ( value.notices ) {
				expect( guardNoticesData( value ).warnings, block ).toEqual( [] );
				expect( guardNoticesData( value ).data.notices ).toHaveLength( value.notices.length );
			}
		}
	} );

	it( 'keep the README for the people who install the gadget: at most 120 lines', () => {
		expect( fs.readFileSync( path.join( ROOT, 'README.md' ), 'utf8' ).trimEnd().split( '\n' ).length ).toBeLessThanOrEqual( 120 );
	} );

	it( 'hold the bench\'s tables in docs/performance.md, where scripts/bench.mjs writes them', () => {
		const performance = fs.readFileSync( path.join( ROOT, 'docs/performance.md' ), 'utf8' );
		expect( performance ).toMatch( /<!-- bench:start -->\n[\s\S]+\n<!-- bench:end -->/ );
		expect( fs.readFileSync( path.join( ROOT, 'README.md' ), 'utf8' ) ).not.toContain( 'bench:start' );
		expect( fs.readFileSync( path.join( ROOT, 'scripts/bench.mjs' ), 'utf8' ) ).toContain( "path.join( ROOT, 'docs/performance.md' )" );
	} );
} );
