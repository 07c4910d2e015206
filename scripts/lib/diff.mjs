// A small line diff (longest common subsequence) for --dry-run output; pages here are short.

/** @return {string} unified-style diff lines ("-", "+", " ") around the changes, or "" when equal */
export function lineDiff( before, after, context = 2 ) {
	if ( before === after ) {
		return '';
	}
	const a = before.split( '\n' );
	const b = after.split( '\n' );
	// Trim the common head and tail so the table stays small.
	let head = 0;
	while ( head < a.length && head < b.length && a[ head ] === b[ head ] ) {
		head++;
	}
	let tail = 0;
	while ( tail < a.length - head && tail < b.length - head && a[ a.length - 1 - tail ] === b[ b.length - 1 - tail ] ) {
		tail++;
	}
	const x = a.slice( head, a.length - tail );
	const y = b.slice( head, b.length - tail );
	const lcs = Array.from( { length: x.length + 1 }, () => new Uint32Array( y.length + 1 ) );
	for ( let r = x.length - 1; r >= 0; r-- ) {
		for ( let c = y.length - 1; c >= 0; c-- ) {
			lcs[ r ][ c ] = x[ r ] === y[ c ] ? lcs[ r + 1 ][ c + 1 ] + 1 : Math.max( lcs[ r + 1 ][ c ], lcs[ r ][ c + 1 ] );
		}
	}
	const ops = a.slice( Math.max( 0, head - context ), head ).map( ( l ) => ` ${ l }` );
	let i = 0;
	let j = 0;
	while ( i < x.length || j < y.length ) {
		if ( i < x.length && j < y.length && x[ i ] === y[ j ] ) {
			ops.push( ` ${ x[ i ] }` );
			i++;
			j++;
		} else if ( i < x.length && ( j === y.length || lcs[ i + 1 ][ j ] >= lcs[ i ][ j + 1 ] ) ) {
			ops.push( `-${ x[ i++ ] }` );
		} else {
			ops.push( `+${ y[ j++ ] }` );
		}
	}
	ops.push( ...a.slice( a.length - tail, a.length - tail + context ).map( ( l ) => ` ${ l }` ) );
	return ops.join( '\n' );
}
