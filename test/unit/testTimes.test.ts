// npm test's list of the slowest test files (scripts/lib/testTimes.mjs), from vitest's json reports.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slowestFiles, slowestLines } from '../../scripts/lib/testTimes.mjs';

const ROOT = path.resolve( __dirname, '../..' );
const result = ( file: string, start: number, seconds: number ) => ( { name: path.join( ROOT, file ), startTime: start, endTime: start + seconds * 1000 } );

describe( 'the slowest test files', () => {
	it( 'are the five longest over both suites, slowest first', () => {
		const unit = { testResults: [ result( 'test/unit/a.test.ts', 0, 1 ), result( 'test/unit/b.test.ts', 5, 0.2 ) ] };
		const browser = { testResults: [ 3, 40, 7, 12, 0.5 ].map( ( s, i ) => result( `test/browser/${ i }.test.ts`, 100, s ) ) };
		expect( slowestFiles( [ unit, browser ] ) ).toEqual( [
			{ file: 'test/browser/1.test.ts', seconds: 40 },
			{ file: 'test/browser/3.test.ts', seconds: 12 },
			{ file: 'test/browser/2.test.ts', seconds: 7 },
			{ file: 'test/browser/0.test.ts', seconds: 3 },
			{ file: 'test/unit/a.test.ts', seconds: 1 }
		] );
	} );

	it( 'are printed aligned, and not at all without results', () => {
		expect( slowestLines( [ { file: 'test/browser/layout.test.ts', seconds: 61.25 }, { file: 'test/unit/x.test.ts', seconds: 1 } ] ) ).toEqual( [
			'slowest test files:',
			'  test/browser/layout.test.ts    61.3 s',
			'  test/unit/x.test.ts             1.0 s'
		] );
		expect( slowestLines( slowestFiles( [ {} ] ) ) ).toEqual( [] );
	} );
} );
