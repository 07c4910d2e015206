// The bench's samples (scripts/bench.mjs) summed up into rows, one for each page and variant:
// medians, ranges, and each variant against the controls of its own kind of view.
import { addedItems, lowerMedian, ratioInterval } from './benchReport.mjs';

/** The suffix that names a variant's kind of view: a returning reader's, or a first view's (''). */
export const viewKind = ( variant ) => variant.endsWith( ', returning reader' ) ? ', returning reader' : '';

function stats( values ) {
	const v = values.filter( ( x ) => typeof x === 'number' && isFinite( x ) ).sort( ( a, b ) => a - b );
	if ( !v.length ) {
		return null;
	}
	return { median: lowerMedian( v ), min: v[ 0 ], max: v[ v.length - 1 ], n: v.length };
}

/** The samples' numbers, each as stats(), for one page and variant against its control. */
function row( page, variant, list, control ) {
	const of = ( key ) => stats( list.map( ( s ) => s[ key ] ) );
	return {
		page, variant,
		cls: of( 'cls' ), visible: of( 'visible' ), fcp: of( 'fcp' ), lcp: of( 'lcp' ),
		startupDone: of( 'startupDone' ), baseDone: of( 'baseDone' ), moduleDone: of( 'moduleDone' ), bannerDone: of( 'bannerDone' ),
		start: of( 'start' ),
		shown: stats( list.map( ( s ) => s.start !== null && s.shown !== null ? s.shown - s.start : null ) ),
		ready: stats( list.map( ( s ) => s.start !== null && s.ready !== null ? s.ready - s.start : null ) ),
		apiRequests: stats( list.map( ( s ) => s.requests.filter( ( r ) => r.startsWith( '/api.php' ) ).length ) ),
		extraRequests: control ? stats( list.map( ( s ) => s.requests.length - control[ list.indexOf( s ) ].requests.length ) ) : null,
		served: of( 'servedGzip' ),
		added: control ? addedItems( list[ 0 ].requests, control[ 0 ].requests ) : null
	};
}

/**
 * The rows of every page and variant, with the ratios of the time to visible against the
 * Sitenotice, the floor (with the gadget's interval) and the inline job, and what each adds to
 * the control's layout shift and bytes.
 *
 * @param {Object<string, Object[]>} samples by "page | variant"
 * @return {Object[]}
 */
export function sampleRows( samples ) {
	const rows = Object.entries( samples ).map( ( [ key, list ] ) => {
		const [ page, variant ] = key.split( ' | ' );
		// Each variant against the control of its own kind: a first or a returning view.
		return row( page, variant, list, samples[ `${ page } | None${ viewKind( variant ) }` ] );
	} );
	const visibleTimes = ( key ) => samples[ key ].map( ( s ) => s.visible ).filter( ( x ) => typeof x === 'number' );
	for ( const r of rows ) {
		const kind = viewKind( r.variant );
		const other = ( name ) => rows.find( ( o ) => o.page === r.page && o.variant === `${ name }${ kind }` );
		const ratio = ( o ) => o && o.visible && r.visible ? r.visible.median / o.visible.median : null;
		const none = other( 'None' );
		r.visibleRatio = ratio( other( 'Sitenotice' ) );
		r.floorRatio = ratio( other( 'Empty module' ) );
		// Only the gadget's ratio has a bar, so only it gets an interval.
		r.floorInterval = r.floorRatio === null || r.variant !== `Gadget${ kind }` ? null :
			ratioInterval( visibleTimes( `${ r.page } | ${ r.variant }` ), visibleTimes( `${ r.page } | Empty module${ kind }` ) );
		r.inlineRatio = ratio( other( 'Inline job' ) );
		r.clsAdded = none && r.cls ? r.cls.median - none.cls.median : null;
		r.bytesAdded = none && r.served ? r.served.median - none.served.median : null;
	}
	return rows;
}

/**
 * The other variants run on the bench's own wiki, which does not load CentralNotice: how many of
 * their page views requested CentralNotice's or EventLogging's modules or banners anyway.
 *
 * @return {{leaks: number, views: number}}
 */
export function centralNoticeLeaks( samples ) {
	const others = Object.entries( samples ).filter( ( [ key ] ) => !key.includes( '| CentralNotice' ) ).flatMap( ( [ , list ] ) => list );
	const leaks = others.filter( ( s ) => s.requests.some( ( r ) => /ext\.(centralNotice|eventLogging)|CentralNotice|BannerLoader|RecordImpression/.test( r ) ) ).length;
	return { leaks, views: others.length };
}
