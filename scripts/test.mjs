#!/usr/bin/env node
// npm test: lint, build, the jsdom unit tests, then the browser tests against a fresh local
// wiki; names the five slowest test files, then ends with one plain line "tests: N passed,
// N failed" over both suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { slowestFiles, slowestLines } from './lib/testTimes.mjs';

const results = path.join( ROOT, 'test-results' );
fs.mkdirSync( results, { recursive: true } );

function run( cmd, args ) {
	const r = spawnSync( cmd, args, { cwd: ROOT, stdio: 'inherit' } );
	return r.status === null ? 1 : r.status;
}

let failed = 0;
let passed = 0;
const reports = [];
let code = run( 'npm', [ 'run', '--silent', 'lint' ] ) || run( 'npm', [ 'run', '--silent', 'build' ] );
if ( code === 0 ) {
	for ( const project of [ 'unit', 'browser' ] ) {
		const out = path.join( results, `${ project }.json` );
		fs.rmSync( out, { force: true } );
		code = run( 'npx', [ 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${ out }` ] ) || code;
		try {
			const summary = JSON.parse( fs.readFileSync( out, 'utf8' ) );
			reports.push( summary );
			passed += summary.numPassedTests;
			failed += summary.numFailedTests;
		} catch {
			failed += 1;
			process.stderr.write( `no results from the ${ project } tests\n` );
		}
	}
}
for ( const line of slowestLines( slowestFiles( reports ) ) ) {
	process.stdout.write( `${ line }\n` );
}
process.stdout.write( `tests: ${ passed } passed, ${ failed } failed\n` );
process.exit( code || ( failed ? 1 : 0 ) );
