// How the scripts reach code of src/: esbuild bundles the TypeScript for Node, in memory, and the
// bundle is imported. Shared rules live in src/ (the gadget runs them in the browser); scripts use
// them through this, never the other way round (docs/development.md).
import * as esbuild from 'esbuild';
import { ROOT } from './paths.mjs';

/**
 * The modules of src/ named, bundled together (one copy of each class, so `instanceof` holds
 * across them) and imported.
 *
 * @param {string[]} files paths from the repository's root, e.g. 'src/completeness/statistics.ts'
 * @param {Object[]} [plugins] esbuild plugins (the checker's validator)
 * @return {Promise<Object>} every export of those modules
 */
export async function importSource( files, plugins = [] ) {
	const result = await esbuild.build( {
		stdin: { contents: files.map( ( f ) => `export * from ${ JSON.stringify( `./${ f }` ) };` ).join( '\n' ), resolveDir: ROOT, loader: 'ts' },
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		logLevel: 'silent',
		plugins
	} );
	return import( `data:text/javascript;base64,${ Buffer.from( result.outputFiles[ 0 ].text ).toString( 'base64' ) }` );
}
