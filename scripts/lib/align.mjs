// Pairs the paragraphs of a text with those of its translation, when the two have different
// counts (a translator left paragraphs out, or the translation page has lines of its own). The
// pairs keep their order; each paragraph is used at most once; a paragraph with nothing
// plausible on the other side stays unpaired. The evidence is what survives translation:
// footnote markers, Latin-script words (names, acronyms, English left as it was) and numbers of
// two or more digits, and the lengths, whose ratio is about constant between two languages.

const FOOTNOTE = /\[\d+\]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’-]*/g;
const NUMBER = /\d{2,}/g;

/**
 * @param {string} text
 * @return {Set<string>}
 */
function cues( text ) {
	const found = new Set( text.match( FOOTNOTE ) || [] );
	for ( const word of text.match( LATIN_WORD ) || [] ) {
		found.add( word.replace( /['’-]+$/, '' ).toLowerCase() );
	}
	for ( const n of text.replace( FOOTNOTE, ' ' ).match( NUMBER ) || [] ) {
		found.add( n );
	}
	return found;
}

/**
 * The best order-keeping pairing under a score (a longest-common-subsequence table).
 *
 * @param {number} m source paragraphs
 * @param {number} n target paragraphs
 * @param {function(number, number): number} score of pairing source i with target j; pairs
 *  scoring 0 or less are never made
 * @return {number[][]}
 */
function bestPairs( m, n, score ) {
	const best = Array.from( { length: m + 1 }, () => new Array( n + 1 ).fill( 0 ) );
	for ( let i = m - 1; i >= 0; i-- ) {
		for ( let j = n - 1; j >= 0; j-- ) {
			const s = score( i, j );
			best[ i ][ j ] = Math.max( best[ i + 1 ][ j ], best[ i ][ j + 1 ], s > 0 ? s + best[ i + 1 ][ j + 1 ] : 0 );
		}
	}
	const pairs = [];
	let a = 0;
	let b = 0;
	while ( a < m && b < n ) {
		const s = score( a, b );
		if ( s > 0 && best[ a ][ b ] === s + best[ a + 1 ][ b + 1 ] ) {
			pairs.push( [ a, b ] );
			a++;
			b++;
		} else if ( best[ a ][ b ] === best[ a + 1 ][ b ] ) {
			a++;
		} else {
			b++;
		}
	}
	return pairs;
}

function median( values ) {
	const sorted = values.slice().sort( ( a, b ) => a - b );
	return sorted[ Math.floor( sorted.length / 2 ) ];
}

/**
 * @param {string[]} source paragraphs of the original
 * @param {string[]} target paragraphs of the translation
 * @return {number[][]} pairs of indexes [source, target], in order
 */
export function alignParagraphs( source, target ) {
	const sourceCues = source.map( cues );
	const targetCues = target.map( cues );
	// Shared cues count for a pair; Latin words only the translation has (a template's output,
	// a shortcut) count against it. Names in the original may be transliterated: no penalty.
	const evidence = ( i, j ) => {
		let shared = 0;
		let foreign = 0;
		for ( const cue of targetCues[ j ] ) {
			if ( sourceCues[ i ].has( cue ) ) {
				shared++;
			} else if ( /^[a-z]/.test( cue ) ) {
				foreign++;
			}
		}
		return shared - foreign / 2;
	};
	// First the pairs the cues alone make; their median length ratio is the one to expect.
	const anchored = bestPairs( source.length, target.length, evidence );
	const lengths = anchored.length ?
		anchored.map( ( [ i, j ] ) => target[ j ].length / source[ i ].length ) :
		[ target.join( '' ).length / Math.max( 1, source.join( '' ).length ) ];
	const ratio = median( lengths );
	const lengthFit = ( i, j ) => Math.max( 0, 1 - Math.abs( Math.log( target[ j ].length / source[ i ].length / ratio ) ) );
	return bestPairs( source.length, target.length, ( i, j ) => evidence( i, j ) + lengthFit( i, j ) );
}
