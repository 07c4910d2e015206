// The scripts' dependencies run one way: commands (scripts/*.mjs) use libraries (scripts/lib/),
// never the reverse, and one library, scripts/lib/wikiApi.mjs, talks to wikis through mwn.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve( __dirname, '../..' );
const SCRIPTS = path.join( ROOT, 'scripts' );

function modules( dir: string ): string[] {
	return fs.readdirSync( dir, { withFileTypes: true } ).flatMap( ( e ) => e.isDirectory() ? modules( path.join( dir, e.name ) ) :
		e.name.endsWith( '.mjs' ) ? [ path.join( dir, e.name ) ] : [] );
}

/** What a module imports: relative imports resolved to files, packages by name. */
function imports( file: string ): string[] {
	const text = fs.readFileSync( file, 'utf8' );
	return [ ...text.matchAll( /^import\s[^'"]*['"]([^'"]+)['"]/gm ) ].map( ( m ) => m[ 1 ].startsWith( '.' ) ? path.resolve( path.dirname( file ), m[ 1 ] ) : m[ 1 ] );
}

describe( 'the scripts\' layers', () => {
	const libraries = modules( path.join( SCRIPTS, 'lib' ) );

	it( 'have no library importing a command', () => {
		const wrong = libraries.flatMap( ( file ) => imports( file )
			.filter( ( target ) => path.dirname( target ) === SCRIPTS )
			.map( ( target ) => `${ path.relative( ROOT, file ) } imports ${ path.relative( ROOT, target ) }` ) );
		expect( wrong ).toEqual( [] );
	} );

	it( 'reach wikis through mwn in the API layer only', () => {
		const users = modules( SCRIPTS ).filter( ( file ) => imports( file ).includes( 'mwn' ) ).map( ( file ) => path.relative( ROOT, file ) );
		expect( users ).toEqual( [ 'scripts/lib/wikiApi.mjs' ] );
	} );
} );
