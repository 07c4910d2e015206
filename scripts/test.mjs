#!/usr/bin/env node
// npm test: build, then the browser tests against a fresh local farm, and meanwhile lint and the
// jsdom unit tests (their output printed whole when each ends, the browser tests' as they go:
// setting up the farm takes about as long as both, so running them beside it saves that time);
// names the five slowest test files, then ends with one plain line "tests: N passed, N failed"
// over both suites. Any failure, lint's included, makes the exit status 1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { slowestFiles, slowestLines } from './lib/testTimes.mjs';

const results = path.join( ROOT, 'test-results' );
fs.mkdirSync( results, { recursive: true } );

/**
 * Runs a command; its output goes to the terminal as it comes, or, with `capture`, whole at the
 * end under a heading (so that two commands at once do not mix their lines).
 *
 * @return {Promise<number>} the exit status
 */
function run( cmd, args, capture = null ) {
	return new Promise( ( resolve ) => {
		const child = spawn( cmd, args, { cwd: ROOT, stdio: capture ? [ 'ignore', 'pipe', 'pipe' ] : 'inherit' } );
		const chunks = [];
		if ( capture ) {
			child.stdout.on( 'data', ( c ) => chunks.push( c ) );
			child.stderr.on( 'data', ( c ) => chunks.push( c ) );
		}
		child.on( 'close', ( status ) => {
			if ( capture ) {
				process.stdout.write( `\n── ${ capture } ──\n${ Buffer.concat( chunks ).toString() }── end of ${ capture } ──\n\n` );
			}
			resolve( status === null ? 1 : status );
		} );
	} );
}

/** A vitest project, with a json report to count its tests. */
function vitest( project, capture ) {
	const out = path.join( results, `${ project }.json` );
	fs.rmSync( out, { force: true } );
	return run( 'npx', [ 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${ out }` ], capture );
}

let failed = 0;
let passed = 0;
const reports = [];
let code = spawnSync( 'npm', [ 'run', '--silent', 'build' ], { cwd: ROOT, stdio: 'inherit' } ).status;
if ( code === 0 ) {
	const codes = await Promise.all( [
		vitest( 'browser', null ),
		run( 'npm', [ 'run', '--silent', 'lint' ], 'lint' ).then( ( lint ) => vitest( 'unit', 'unit tests' ).then( ( unit ) => lint || unit ) )
	] );
	code = codes.find( ( c ) => c !== 0 ) || 0;
	for ( const project of [ 'unit', 'browser' ] ) {
		try {
			const summary = JSON.parse( fs.readFileSync( path.join( results, `${ project }.json` ), 'utf8' ) );
			reports.push( summary );
			passed += summary.numPassedTests;
			failed += summary.numFailedTests;
		} catch {
			failed += 1;
			process.stderr.write( `no results from the ${ project } tests\n` );
		}
	}
} else {
	code = code === null ? 1 : code;
}
for ( const line of slowestLines( slowestFiles( reports ) ) ) {
	process.stdout.write( `${ line }\n` );
}
process.stdout.write( `tests: ${ passed } passed, ${ failed } failed\n` );
process.exit( code || ( failed ? 1 : 0 ) );
