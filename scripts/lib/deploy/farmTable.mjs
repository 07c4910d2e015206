// The summary table deploy --farm prints at the end: one row per wiki, then one line per wiki
// that failed, saying why.

export const COLUMNS = [ 'wiki', 'gadget pages', 'notices copy', 'unchanged', 'conflicts', 'errors', 'seconds' ];

/** What happened to a wiki's copy of the notices data, in words. */
export function copyCell( row, dryRun ) {
	if ( row.copy === null ) {
		return '-';
	}
	if ( row.copy === 'conflict' ) {
		return 'conflict, kept';
	}
	if ( row.copy === 'source' || row.copy === 'unchanged' ) {
		return row.copy;
	}
	const done = { create: 'created', update: 'updated', replace: 'replaced' }[ row.copy ];
	if ( dryRun ) {
		return `would be ${ done }`;
	}
	return row.copySaved ? done : 'not saved';
}

/**
 * The table's cells for one wiki.
 *
 * @param {Object} row planWiki()'s, after the save: saved (pages saved), copySaved
 * @param {boolean} dryRun counts what would be saved
 * @return {string[]}
 */
export function tableCells( row, dryRun ) {
	const gadgetPages = dryRun ? row.edits.filter( ( e ) => !e.copy ).length : row.saved - ( row.copySaved ? 1 : 0 );
	return [ row.id, String( gadgetPages ), copyCell( row, dryRun ), String( row.unchanged ), String( row.conflicts ), row.error ? '1' : '0', row.seconds.toFixed( 1 ) ];
}

/**
 * The table: a header, a rule, a row per wiki; words left-aligned, numbers right-aligned; then,
 * for each wiki that failed, `<id>: <why>`.
 *
 * @param {Object[]} rows
 * @param {boolean} dryRun
 * @return {string[]}
 */
export function summaryTable( rows, dryRun ) {
	const body = rows.map( ( r ) => tableCells( r, dryRun ) );
	const widths = COLUMNS.map( ( c, i ) => Math.max( c.length, ...body.map( ( cells ) => cells[ i ].length ) ) );
	const words = [ 0, 2 ];
	const line = ( cells ) => cells.map( ( c, i ) => ( words.includes( i ) ? c.padEnd( widths[ i ] ) : c.padStart( widths[ i ] ) ) ).join( '  ' ).trimEnd();
	const out = [ line( COLUMNS ), widths.map( ( w ) => '-'.repeat( w ) ).join( '  ' ), ...body.map( line ) ];
	for ( const r of rows.filter( ( x ) => x.error ) ) {
		out.push( `${ r.id }: ${ r.error }` );
	}
	return out;
}
