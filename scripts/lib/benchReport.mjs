// The bench's comparison of the ways to show a notice, as the docs show it: one table of the
// Sitenotice, the empty module's floor, this gadget and CentralNotice, and sentences written
// from its numbers on where the gadget stands against CentralNotice. Pure functions of the
// bench's rows, so a run without CentralNotice (skipped, and why) is tested without a browser.

/** The variants of the comparison, in the order the table shows them. */
export const COMPARED = [ 'Sitenotice', 'Inline job', 'Empty module', 'Gadget', 'CentralNotice' ];

/**
 * The modules a load.php `modules` parameter names, unpacked as mw.loader packs them: groups
 * split by "|", each "prefix.first,second,…" standing for prefix.first, prefix.second, ….
 *
 * @param {string} packed
 * @return {string[]}
 */
export function unpackModules( packed ) {
	return packed.split( '|' ).filter( Boolean ).flatMap( ( group ) => {
		const [ first, ...rest ] = group.split( ',' );
		const prefix = first.includes( '.' ) ? first.slice( 0, first.lastIndexOf( '.' ) + 1 ) : '';
		return [ first, ...rest.map( ( name ) => prefix + name ) ];
	} );
}

/**
 * What a view requested that its control did not: modules (wherever they travelled, in a
 * request of their own or in a batch the control also makes), and other requests.
 *
 * @param {string[]} requests the view's request labels ("/load.php?modules=…&only=styles", "/index.php?title=…")
 * @param {string[]} control the control's
 * @return {{modules: string[], other: string[]}}
 */
export function addedItems( requests, control ) {
	const items = ( list ) => list.flatMap( ( label ) => {
		const m = label.match( /^\/load\.php\?modules=([^&]*)(&only=styles)?/ );
		if ( !m ) {
			return [ label ];
		}
		return unpackModules( m[ 1 ] ).map( ( name ) => m[ 2 ] ? `${ name } (styles)` : name );
	} );
	const had = new Set( items( control ) );
	const added = [ ...new Set( items( requests ) ) ].filter( ( item ) => !had.has( item ) );
	return {
		modules: added.filter( ( item ) => !item.startsWith( '/' ) ),
		other: added.filter( ( item ) => item.startsWith( '/' ) ).map( ( label ) => label.replace( /^\/index\.php\?title=/, '' ) )
	};
}

const kindOf = ( variant ) => variant.endsWith( ', returning reader' ) ? 'returning' : 'first';
const baseOf = ( variant ) => variant.replace( /, returning reader$/, '' );
const kB = ( bytes ) => `${ ( bytes / 1000 ).toFixed( 1 ) } kB`;
const times = ( x ) => `${ x.toFixed( 2 ) }×`;

/**
 * The cell that says what a variant requested beyond its control: the count, then which other
 * requests and which modules.
 *
 * @param {Object} row with extraRequests (stats) and added (addedItems())
 * @return {string}
 */
export function requestsCell( row ) {
	const count = row.extraRequests ? row.extraRequests.median : '—';
	const parts = [];
	if ( row.added && row.added.other.length ) {
		parts.push( row.added.other.join( ', ' ) );
	}
	if ( row.added && row.added.modules.length ) {
		parts.push( `modules ${ row.added.modules.join( ', ' ) }` );
	}
	return parts.length ? `${ count } (${ parts.join( '; ' ) })` : String( count );
}

/**
 * @param {Object[]} rows the bench's rows (page, variant, visible, visibleRatio, floorRatio,
 *  clsAdded, extraRequests, added, bytesAdded)
 * @param {{step: string, reason: string}|null} skipped why CentralNotice was not measured
 * @return {string} a Markdown table
 */
export function comparisonTable( rows, skipped ) {
	const pages = [ ...new Set( rows.map( ( r ) => r.page ) ) ];
	const lines = [
		'| page | view | variant | time to visible (ms) | × Sitenotice | × empty module | layout shift added | requests added | bytes added (gzip) |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	const num = ( x, digits ) => x === null || x === undefined ? '—' : x.toFixed( digits );
	for ( const page of pages ) {
		for ( const kind of [ 'first', 'returning' ] ) {
			for ( const variant of COMPARED ) {
				const row = rows.find( ( r ) => r.page === page && baseOf( r.variant ) === variant && kindOf( r.variant ) === kind );
				if ( !row && variant === 'CentralNotice' && skipped ) {
					lines.push( `| ${ page } | ${ kind } | CentralNotice | skipped at ${ skipped.step }: ${ skipped.reason } | — | — | — | — | — |` );
				} else if ( row ) {
					lines.push( `| ${ page } | ${ kind } | ${ variant } | ${ row.visible ? row.visible.median.toFixed( 0 ) : '—' } | ${ num( row.visibleRatio, 2 ) } | ${ num( row.floorRatio, 2 ) } | ${ num( row.clsAdded, 4 ) } | ${ requestsCell( row ) } | ${ row.bytesAdded === null || row.bytesAdded === undefined ? '—' : row.bytesAdded } |` );
				}
			}
		}
	}
	return lines.join( '\n' );
}

/** The bar for time to visible over the empty module's, per kind of view (issue #13). */
export const FLOOR_BARS = { first: 1.10, returning: 1.05 };

/** What the ratio's interval says about the verdict, where the run has one. */
function intervalNote( interval, bar ) {
	if ( !interval ) {
		return '';
	}
	const [ low, high ] = interval;
	const span = `95 % interval ${ low.toFixed( 2 ) }–${ high.toFixed( 2 ) }×`;
	if ( high <= bar ) {
		return ` ${ span }: met beyond this run's noise.`;
	}
	if ( low > bar ) {
		return ` ${ span }: missed beyond this run's noise.`;
	}
	return ` ${ span }, the bar inside it: this run cannot tell met from missed.`;
}

/** The fewest views a side for which ratioInterval gives an interval. */
export const INTERVAL_MIN_VIEWS = 5;

/** The bench's median, in its tables and in ratioInterval: the lower middle value of a sorted list. */
export function lowerMedian( sorted ) {
	return sorted[ Math.floor( ( sorted.length - 1 ) / 2 ) ];
}

/**
 * How far a ratio of two medians can be trusted: the 95 % percentile bootstrap interval of
 * median( a ) / median( b ), each list resampled with replacement on its own. With 15 views a
 * side and about 100 ms between a row's fastest and slowest, the interval is often wider than
 * a 5 % bar; a verdict then says so. Deterministic (a seeded generator), so a run's report
 * is reproducible from its samples.
 *
 * @param {number[]} a the gadget's times
 * @param {number[]} b the floor's times
 * @param {number} [resamples]
 * @return {number[]|null} [low, high], or null when either list has fewer than
 *  INTERVAL_MIN_VIEWS (from one view the resamples are all alike, and the interval a point)
 */
export function ratioInterval( a, b, resamples = 2000 ) {
	if ( a.length < INTERVAL_MIN_VIEWS || b.length < INTERVAL_MIN_VIEWS ) {
		return null;
	}
	// Park and Miller's minimal standard generator: small, seeded, the same interval from the same samples.
	let seed = 20211006;
	const random = () => {
		seed = ( seed * 16807 ) % 2147483647;
		return ( seed - 1 ) / 2147483646;
	};
	const resampledMedian = ( list ) => lowerMedian( list.map( () => list[ Math.floor( random() * list.length ) ] ).sort( ( x, y ) => x - y ) );
	const ratios = [];
	for ( let i = 0; i < resamples; i++ ) {
		ratios.push( resampledMedian( a ) / resampledMedian( b ) );
	}
	ratios.sort( ( x, y ) => x - y );
	return [ ratios[ Math.floor( resamples * 0.025 ) ], ratios[ Math.ceil( resamples * 0.975 ) - 1 ] ];
}

/**
 * Whether the gadget met the bar for time to visible against the floor for any ResourceLoader
 * module (the "Empty module" variant: an empty gadget), for each page and kind of view of the
 * run; with its ratio to the inline job (no module, no request) where the run has one, and
 * what the interval of its ratio (floorInterval, from ratioInterval) says of the verdict.
 *
 * @param {Object[]} rows the bench's rows
 * @return {string} Markdown: one line per page and kind of view
 */
export function floorVerdict( rows ) {
	const out = [];
	for ( const page of [ ...new Set( rows.map( ( r ) => r.page ) ) ] ) {
		for ( const kind of [ 'first', 'returning' ] ) {
			const g = rows.find( ( r ) => r.page === page && baseOf( r.variant ) === 'Gadget' && kindOf( r.variant ) === kind );
			if ( !g ) {
				continue;
			}
			const bar = FLOOR_BARS[ kind ];
			const where = `${ page }, ${ kind === 'first' ? 'first view' : 'returning reader' }`;
			out.push( g.floorRatio === null || g.floorRatio === undefined ?
				`- **${ where }**: time to visible over the empty module's not measured (bar ≤ ${ bar.toFixed( 2 ) }×): missed.` :
				`- **${ where }**: time to visible ${ times( g.floorRatio ) } the empty module's (bar ≤ ${ bar.toFixed( 2 ) }×): ${ g.floorRatio <= bar ? 'met' : 'missed' }${ typeof g.inlineRatio === 'number' ? ` (${ times( g.inlineRatio ) } the inline job's)` : '' }.${ intervalNote( g.floorInterval, bar ) }` );
		}
	}
	return out.join( '\n' );
}

/**
 * Sentences, from the same rows, on where the gadget stands against CentralNotice on each
 * figure, for each page and kind of view; then which figures, if any, favour CentralNotice.
 *
 * @param {Object[]} rows
 * @param {{step: string, reason: string}|null} skipped
 * @return {string} Markdown
 */
export function comparisonSummary( rows, skipped ) {
	if ( skipped ) {
		return `CentralNotice was not measured in this run (skipped at ${ skipped.step }: ${ skipped.reason }), so there is nothing to set the gadget against.`;
	}
	const out = [];
	const worse = [];
	for ( const page of [ ...new Set( rows.map( ( r ) => r.page ) ) ] ) {
		for ( const kind of [ 'first', 'returning' ] ) {
			const pick = ( variant ) => rows.find( ( r ) => r.page === page && baseOf( r.variant ) === variant && kindOf( r.variant ) === kind );
			const g = pick( 'Gadget' );
			const c = pick( 'CentralNotice' );
			if ( !g || !c ) {
				continue;
			}
			const where = `${ page }, ${ kind === 'first' ? 'first view' : 'returning reader' }`;
			const parts = [];
			if ( g.visible && c.visible ) {
				const d = c.visible.median - g.visible.median;
				parts.push( `visible at ${ g.visible.median.toFixed( 0 ) } ms against CentralNotice's ${ c.visible.median.toFixed( 0 ) } (${ times( g.visible.median / c.visible.median ) }, ${ Math.abs( d ).toFixed( 0 ) } ms ${ d >= 0 ? 'sooner' : 'later' })` );
				if ( d < 0 ) {
					worse.push( `time to visible (${ where })` );
				}
			} else {
				parts.push( `visible: ${ g.visible ? `${ g.visible.median.toFixed( 0 ) } ms` : 'never' } against CentralNotice's ${ c.visible ? `${ c.visible.median.toFixed( 0 ) } ms` : 'never' }` );
			}
			if ( g.clsAdded !== null && c.clsAdded !== null ) {
				parts.push( `layout shift added ${ g.clsAdded.toFixed( 4 ) } against ${ c.clsAdded.toFixed( 4 ) }` );
				if ( g.clsAdded > c.clsAdded ) {
					worse.push( `layout shift (${ where })` );
				}
			}
			if ( g.extraRequests && c.extraRequests ) {
				parts.push( `${ g.extraRequests.median } request${ g.extraRequests.median === 1 ? '' : 's' } added against ${ c.extraRequests.median }` );
				if ( g.extraRequests.median > c.extraRequests.median ) {
					worse.push( `requests (${ where })` );
				}
			}
			if ( g.bytesAdded !== null && c.bytesAdded !== null ) {
				const ratio = g.bytesAdded > 0 && c.bytesAdded > 0 ? ` (${ times( g.bytesAdded / c.bytesAdded ) })` : '';
				parts.push( `${ g.bytesAdded > 0 ? kB( g.bytesAdded ) : 'nothing' } added as served against ${ c.bytesAdded > 0 ? kB( c.bytesAdded ) : 'nothing' }${ ratio }` );
				if ( g.bytesAdded > c.bytesAdded ) {
					worse.push( `bytes (${ where })` );
				}
			}
			out.push( `- **${ where }**: the gadget is ${ parts.join( '; ' ) }.` );
		}
	}
	out.push( '', worse.length ?
		`Where CentralNotice does better in this run: ${ worse.join( ', ' ) }.` :
		'In this run the gadget is at or below CentralNotice on every figure, on both skins, for a first view and for a returning reader.' );
	return out.join( '\n' );
}
