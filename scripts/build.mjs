#!/usr/bin/env node
// Builds the gadget's wiki pages into build/ from src/, i18n/ and data/, as gadget-definition.txt
// names them. Output is deterministic: the same tree gives the same bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import { readDefinition } from './lib/definition.mjs';
import { BUILD, ROOT } from './lib/paths.mjs';

/** ResourceLoader in MediaWiki 1.43 validates gadget code as ES2016 (Peast). */
export const ES_VERSION = 2016;

/** Which source makes which kind of page of the package gadget. */
const SOURCES = {
	script: path.join( ROOT, 'src/index.ts' ),
	style: path.join( ROOT, 'src/styles/gadget.css' ),
	data: path.join( ROOT, 'data/notices.json' ),
	peerStyle: path.join( ROOT, 'src/styles/reserve.css' )
};

function gitDescribe() {
	try {
		const sha = execFileSync( 'git', [ 'rev-parse', '--short=12', 'HEAD' ], { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
		const dirty = execFileSync( 'git', [ 'status', '--porcelain', '--', 'src', 'i18n', 'data', 'gadget-definition.txt' ], { cwd: ROOT, encoding: 'utf8' } ).trim();
		return dirty ? `${ sha }-dirty` : sha;
	} catch {
		return 'unknown';
	}
}

/** i18n/*.json without qqq and @metadata, as one module the entry imports. */
function messagesPlugin() {
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
					delete messages[ '@metadata' ];
					bundles[ lang ] = messages;
				}
				return { contents: JSON.stringify( bundles ), loader: 'json', watchFiles: [ dir ] };
			} );
			// The notices page is another file of the same ResourceLoader package: required at run time.
			pluginBuild.onResolve( { filter: /^\.\/[^/]+\.json$/ }, ( args ) => ( { path: args.path, external: true } ) );
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

export async function build( { outDir = BUILD, quiet = false, entry = SOURCES.script } = {} ) {
	const def = readDefinition();
	const main = def.main;
	const version = gitDescribe();
	const header = [
		`/*! office-action-notice ${ version }`,
		' * Built from the office-action-notice repository; edit the source, not this page.',
		' * License: MIT */'
	].join( '\n' );

	const result = await esbuild.build( {
		entryPoints: [ entry ],
		bundle: true,
		write: false,
		format: 'iife',
		target: `es${ ES_VERSION }`,
		supported: { 'regexp-named-capture-groups': false, 'regexp-lookbehind-assertions': false },
		platform: 'browser',
		charset: 'utf8',
		minify: false,
		legalComments: 'none',
		logLevel: 'silent',
		plugins: [ messagesPlugin() ]
	} ).catch( ( e ) => {
		throw new Error( `esbuild could not build for ES${ ES_VERSION }:\n${ e.message }` );
	} );
	// A warning means code that may not run as written in an ES2016 browser (BigInt, say): stop.
	if ( result.warnings.length ) {
		const text = await esbuild.formatMessages( result.warnings, { kind: 'warning', color: false } );
		throw new Error( `esbuild warned while building for ES${ ES_VERSION }:\n${ text.join( '\n' ) }` );
	}
	const bundle = result.outputFiles[ 0 ].text
		// esbuild wraps external requires in a shim; ResourceLoader gives package files a real `require`.
		.replace( /\b__require\(/g, 'require(' )
		.replace( /^ *var __require = [\s\S]*?\n *\}\);\n/m, '' );
	const script = `${ header }\n// <nowiki>\n${ bundle.trimEnd() }\n// </nowiki>\n`;
	assertSyntax( script, `Gadget-${ main.pages[ 0 ] }` );

	const pages = {};
	for ( const page of main.pages ) {
		if ( page.endsWith( '.js' ) ) {
			pages[ page ] = script;
		} else if ( page.endsWith( '.css' ) ) {
			pages[ page ] = cssPage( SOURCES.style, version );
		} else if ( page.endsWith( '.json' ) ) {
			// Re-serialised so the page is canonical JSON, as MediaWiki would store it.
			pages[ page ] = JSON.stringify( JSON.parse( fs.readFileSync( SOURCES.data, 'utf8' ) ), null, '\t' ) + '\n';
		} else {
			throw new Error( `gadget-definition.txt names ${ page }: only .js, .css and .json pages are built` );
		}
	}
	for ( const peer of def.peers ) {
		for ( const page of peer.pages ) {
			pages[ page ] = cssPage( SOURCES.peerStyle, version );
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
			createOnly: page.endsWith( '.json' )
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
