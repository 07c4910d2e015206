#!/usr/bin/env node
// Builds the gadget's wiki pages into build/ from src/, i18n/ and data/, as gadget-definition.txt
// names them. Output is deterministic: the same tree gives the same bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import { validatorPlugin } from './lib/checker.mjs';
import { readDefinition } from './lib/definition.mjs';
import { languagesPageText } from './lib/languages.mjs';
import { BUILD, ROOT } from './lib/paths.mjs';

/** ResourceLoader in MediaWiki 1.43 validates gadget code as ES2016 (Peast). */
export const ES_VERSION = 2016;

/**
 * The source of every page gadget-definition.txt may name. Scripts name their entry and the
 * message keys (by prefix) they carry; a page without a source here fails the build.
 */
const SOURCES = {
	'office-action-notice.js': { entry: 'src/index.ts', messages: [ 'oan-notice-', 'oan-statement-' ] },
	'office-action-notice.css': { file: 'src/styles/gadget.css' },
	'office-action-notice-notices.json': { file: 'data/notices.json' },
	// The wiki's language variants and their fallbacks: written by deploy from the wiki itself
	// (see scripts/lib/languages.mjs); the build has only the page for a wiki without variants.
	'office-action-notice-languages.json': { fromWiki: 'languages' },
	'office-action-notice-reserve.css': { file: 'src/styles/reserve.css' },
	'office-action-notice-accounts.js': { entry: 'src/accounts/accountsGadget.ts', messages: [ 'oan-account-', 'oan-ur-' ] },
	'office-action-notice-accounts.css': { file: 'src/styles/accounts.css' },
	// Interface admins' view of the notices page: the checker's report and a preview of each
	// notice, so it carries the checker's and the notice's messages (see src/authoring/authoringGadget.ts).
	'office-action-notice-authoring.js': { entry: 'src/authoring/authoringGadget.ts', messages: [ 'oan-author-', 'oan-check-', 'oan-notice-', 'oan-statement-', 'oan-account-' ] },
	'office-action-notice-authoring.css': { file: 'src/styles/authoring.css' }
};

/** The languages page of a wiki whose content language has no variants. */
const NO_VARIANTS = languagesPageText( {} );

function gitDescribe() {
	try {
		const sha = execFileSync( 'git', [ 'rev-parse', '--short=12', 'HEAD' ], { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
		const dirty = execFileSync( 'git', [ 'status', '--porcelain', '--', 'src', 'i18n', 'data', 'gadget-definition.txt' ], { cwd: ROOT, encoding: 'utf8' } ).trim();
		return dirty ? `${ sha }-dirty` : sha;
	} catch {
		return 'unknown';
	}
}

/**
 * i18n/*.json without qqq and @metadata, as one module the entry imports: only the keys with
 * the given prefixes, so each script carries just its own messages.
 */
function messagesPlugin( prefixes ) {
	return {
		name: 'oan-messages',
		setup( pluginBuild ) {
			pluginBuild.onResolve( { filter: /^oan:messages$/ }, () => ( { path: 'messages', namespace: 'oan' } ) );
			pluginBuild.onLoad( { filter: /.*/, namespace: 'oan' }, () => {
				const dir = path.join( ROOT, 'i18n' );
				const bundles = {};
				for ( const file of fs.readdirSync( dir ).sort() ) {
					const lang = file.replace( /\.json$/, '' );
					if ( !file.endsWith( '.json' ) || lang === 'qqq' ) {
						continue;
					}
					const messages = JSON.parse( fs.readFileSync( path.join( dir, file ), 'utf8' ) );
					bundles[ lang ] = Object.fromEntries( Object.entries( messages ).filter( ( [ key ] ) => prefixes.some( ( p ) => key.startsWith( p ) ) ) );
				}
				return { contents: JSON.stringify( bundles ), loader: 'json', watchFiles: [ dir ] };
			} );
		}
	};
}

/** Fails loudly when the output holds syntax newer than ResourceLoader accepts. */
export function assertSyntax( code, file ) {
	try {
		acorn.parse( code, { ecmaVersion: ES_VERSION, sourceType: 'script' } );
	} catch ( e ) {
		throw new Error( `${ file } is not ES${ ES_VERSION } (${ e.message }); MediaWiki 1.43 would replace the gadget with a parse error` );
	}
}

/**
 * Bundles one script page: ES2016, wrapped for the wiki. Nothing is minified: names and statements
 * stay as the source has them (types and imports aside), because interface admins read the on-wiki
 * script before they trust it and patch it in an emergency; ResourceLoader's minifier strips white
 * space and comments for the readers. Where two modules declare the same top-level name, esbuild
 * renames one (date2); the build test fails on that, so rename one in the source.
 */
async function bundleScript( entry, prefixes, header, page ) {
	const result = await esbuild.build( {
		entryPoints: [ entry ],
		bundle: true,
		write: false,
		format: 'iife',
		target: `es${ ES_VERSION }`,
		supported: { 'regexp-named-capture-groups': false, 'regexp-lookbehind-assertions': false },
		platform: 'browser',
		charset: 'utf8',
		minifyIdentifiers: false,
		minifySyntax: false,
		minifyWhitespace: false,
		legalComments: 'none',
		logLevel: 'silent',
		// validatorPlugin: for a script that imports oan:notices-validator (src/config/check.ts).
		plugins: [ messagesPlugin( prefixes ), validatorPlugin() ]
	} ).catch( ( e ) => {
		throw new Error( `esbuild could not build ${ page } for ES${ ES_VERSION }:\n${ e.message }` );
	} );
	// A warning means code that may not run as written in an ES2016 browser (BigInt, say): stop.
	if ( result.warnings.length ) {
		const text = await esbuild.formatMessages( result.warnings, { kind: 'warning', color: false } );
		throw new Error( `esbuild warned while building ${ page } for ES${ ES_VERSION }:\n${ text.join( '\n' ) }` );
	}
	// The placeholders for ResourceLoader's package `require` and `module` (src/util/packageFiles.d.ts):
	// free names, so esbuild left them as written.
	const bundle = result.outputFiles[ 0 ].text
		.replace( /\bOAN_PACKAGE_REQUIRE\(/g, 'require(' )
		.replace( /\bOAN_PACKAGE_MODULE\.exports\b/g, 'module.exports' );
	const script = `${ header }\n// <nowiki>\n${ bundle.trimEnd() }\n// </nowiki>\n`;
	assertSyntax( script, `Gadget-${ page }` );
	return script;
}

/**
 * @param {Object} [opts]
 * @param {string} [opts.outDir]
 * @param {boolean} [opts.quiet]
 * @param {string|null} [opts.entry] another entry for every script (tests)
 */
export async function build( { outDir = BUILD, quiet = false, entry = null } = {} ) {
	const def = readDefinition();
	const version = gitDescribe();
	const header = [
		`/*! office-action-notice ${ version }`,
		' * Built from the office-action-notice repository; edit the source, not this page.',
		' * License: MIT */'
	].join( '\n' );

	const pages = {};
	// A page may serve two gadgets (the notice's stylesheet serves the authoring preview too).
	for ( const page of new Set( def.gadgets.flatMap( ( g ) => g.pages ) ) ) {
		const source = SOURCES[ page ];
		if ( !source ) {
			throw new Error( `gadget-definition.txt names ${ page }, which has no source in scripts/build.mjs` );
		}
		if ( source.fromWiki ) {
			pages[ page ] = NO_VARIANTS;
		} else if ( source.entry ) {
			pages[ page ] = await bundleScript( entry || path.join( ROOT, source.entry ), source.messages, header, page );
		} else if ( page.endsWith( '.css' ) ) {
			pages[ page ] = cssPage( path.join( ROOT, source.file ), version );
		} else {
			// Re-serialised so the page is canonical JSON, as MediaWiki would store it.
			pages[ page ] = JSON.stringify( JSON.parse( fs.readFileSync( path.join( ROOT, source.file ), 'utf8' ) ), null, '\t' ) + '\n';
		}
	}

	fs.rmSync( outDir, { recursive: true, force: true } );
	fs.mkdirSync( outDir, { recursive: true } );
	const manifest = { version, definition: def.text, pages: [] };
	for ( const [ page, content ] of Object.entries( pages ) ) {
		const file = `Gadget-${ page }`;
		fs.writeFileSync( path.join( outDir, file ), content );
		manifest.pages.push( {
			title: def.title( page ),
			file,
			contentModel: page.endsWith( '.js' ) ? 'javascript' : page.endsWith( '.css' ) ? 'css' : 'json',
			// Interface admins edit the notices on-wiki: deploy creates that page but never overwrites it.
			createOnly: page.endsWith( '.json' ) && !SOURCES[ page ].fromWiki,
			fromWiki: SOURCES[ page ].fromWiki || null
		} );
	}
	fs.writeFileSync( path.join( outDir, 'manifest.json' ), JSON.stringify( manifest, null, '\t' ) + '\n' );
	if ( !quiet ) {
		for ( const p of manifest.pages ) {
			const bytes = fs.statSync( path.join( outDir, p.file ) ).size;
			process.stdout.write( `built ${ p.title } (${ bytes } bytes)\n` );
		}
	}
	return manifest;
}

function cssPage( file, version ) {
	return `/* office-action-notice ${ version }: built from ${ path.relative( ROOT, file ) } */\n${ fs.readFileSync( file, 'utf8' ).replace( /^\/\*[\s\S]*?\*\/\n/, '' ) }`;
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	build().catch( ( e ) => {
		process.stderr.write( `build failed: ${ e.message }\n` );
		process.exit( 1 );
	} );
}
