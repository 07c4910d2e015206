// Which test files took longest, from vitest's json reporter output (scripts/test.mjs prints them
// before its last line).
import path from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * The slowest test files over every run given, slowest first.
 *
 * @param {Object[]} reports vitest json reports (each with testResults: [{name, startTime, endTime}])
 * @param {number} [count]
 * @return {Array<{file: string, seconds: number}>} file relative to the repository
 */
export function slowestFiles( reports, count = 5 ) {
	return reports.flatMap( ( report ) => report.testResults || [] )
		.filter( ( r ) => typeof r.startTime === 'number' && typeof r.endTime === 'number' )
		.map( ( r ) => ( { file: path.relative( ROOT, r.name ), seconds: ( r.endTime - r.startTime ) / 1000 } ) )
		.sort( ( a, b ) => b.seconds - a.seconds )
		.slice( 0, count );
}

/** The lines that name them, with their times. */
export function slowestLines( files ) {
	if ( !files.length ) {
		return [];
	}
	const width = Math.max( ...files.map( ( f ) => f.file.length ) );
	return [ 'slowest test files:', ...files.map( ( f ) => `  ${ f.file.padEnd( width ) }  ${ f.seconds.toFixed( 1 ).padStart( 6 ) } s` ) ];
}
