// The gadget's payload as ResourceLoader serves it: its minifiers only strip white space and
// comments (they rename nothing), and a page gets the script and its data in one load.php
// response, the styles peer (the room and the notice's stylesheet) in a head stylesheet request.
// gzip -9 over each.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { readDefinition } from './definition.mjs';
import { BUILD } from './paths.mjs';

/**
 * The budget for what every page view of the main gadget costs (script with its data, and the
 * styles peer), gzip bytes; `npm test` fails above it. 11 kB, not the 7 kB issue #13 asked for,
 * because the two requirements of that issue conflict as measured (docs/performance.md): with
 * the names kept, so interface admins can read the deployed script, the every-page payload is
 * 11 077 bytes with the validator gone (the guards of src/config/guard.ts instead). What 7 kB
 * would take: shortened names (-1 270), the notices data split so that readers get only the
 * collapsed notice's part and admins edit three pages instead of one (about -1 100), the
 * messages cut to the wiki's own languages (about -500), the opened notice's parts in a module
 * loaded on "Details" (measured: -208 every page, +1 request and 1 840 bytes at the first
 * opening, a loading state and a failure mode). CentralNotice costs a reader of this kind of
 * wiki 17.5 to 20.8 kB; 11 kB is about half of it with readable code and one page to edit.
 * Then 11.25 kB: dates and language names written without Intl for English and Chinese readers
 * (src/util/dates.ts) cost 373 bytes and save the 15 to 35 ms that a page view's first Intl call
 * takes, on the way to the notice being visible (11 455 bytes measured).
 * Then 11 600: the deployed script keeps the source's statements as written (esbuild's syntax
 * minification off: no if statement turned into an && chain, no statements joined by commas, no
 * !0 for true), so that an admin can read it line by line and patch it in an emergency; that
 * costs 105 bytes (11 564 measured).
 */
export const PAYLOAD_BUDGET = 11600;

/**
 * @param {string|Buffer} text
 * @return {number} its size gzipped at level 9, in bytes
 */
export const gzip = ( text ) => zlib.gzipSync( Buffer.from( text ), { level: 9 } ).length;

async function served( file, dir ) {
	const text = fs.readFileSync( path.join( dir, `Gadget-${ file }` ), 'utf8' );
	if ( file.endsWith( '.json' ) ) {
		return JSON.stringify( JSON.parse( text ) );
	}
	const loader = file.endsWith( '.css' ) ? 'css' : 'js';
	return ( await esbuild.transform( text, { loader, minifyWhitespace: true, legalComments: 'none', charset: 'utf8' } ) ).code;
}

/**
 * @param {string} [dir] the build directory
 * @return {Promise<Object>} per gadget of the definition: raw and gzip bytes of its served parts
 */
export async function payloadSizes( dir = BUILD ) {
	const def = readDefinition();
	const out = {};
	for ( const gadget of def.gadgets ) {
		const parts = {};
		for ( const page of gadget.pages ) {
			parts[ page ] = await served( page, dir );
		}
		const all = Object.values( parts ).join( '\n' );
		out[ gadget.name ] = {
			parts: Object.fromEntries( Object.entries( parts ).map( ( [ k, v ] ) => [ k, { raw: Buffer.byteLength( v ), gzip: gzip( v ) } ] ) ),
			raw: Buffer.byteLength( all ),
			gzip: gzip( all )
		};
	}
	const main = def.main.name;
	const everyPage = [ main, ...def.peers.map( ( p ) => p.name ) ];
	out.everyPage = { gadgets: everyPage, gzip: everyPage.reduce( ( sum, name ) => sum + out[ name ].gzip, 0 ) };
	return out;
}
