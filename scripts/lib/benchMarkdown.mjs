// The bench's results (scripts/bench.mjs) as docs/performance.md shows them: the tables of a full
// run (latest.md) and of OAN_BENCH_ONLY=bars (bars.md).
import { comparisonSummary, comparisonTable, FLOOR_BARS, floorVerdict, requestsCell } from './benchReport.mjs';
import { viewKind } from './benchRows.mjs';

/**
 * Requests a variant makes beyond its control's, with what the control does not request: other
 * requests, and modules (also those that travel in a batch the control makes too).
 */
const extraRequestsColumn = { label: 'extra requests', text: requestsCell };

function table( rows, columns ) {
	const fmt = ( s, digits ) => s ? `${ s.median.toFixed( digits ) } (${ s.min.toFixed( digits ) }–${ s.max.toFixed( digits ) })` : '—';
	const head = `| ${ columns.map( ( c ) => c.label ).join( ' | ' ) } |\n|${ columns.map( () => '---' ).join( '|' ) }|`;
	return [ head, ...rows.map( ( row ) => `| ${ columns.map( ( c ) => c.text ? c.text( row ) : fmt( row[ c.key ], c.digits ) ).join( ' | ' ) } |` ) ].join( '\n' );
}

/**
 * A full run's text.
 *
 * @param {Object} r
 * @param {string} r.date
 * @param {string} r.machine
 * @param {number} r.runs
 * @param {number} r.warmup
 * @param {Object[]} r.rows sampleRows()
 * @param {Object|null} r.skipped why the CentralNotice variant was not measured
 * @param {string} r.leakLine
 * @param {Object} r.bytes payload()
 * @return {string}
 */
export function latestMarkdown( { date, machine, runs, warmup, rows, skipped, leakLine, bytes } ) {
	const readerRows = rows.filter( ( r ) => !r.page.startsWith( 'UserRights' ) );
	return [
		`Measured ${ date } on ${ machine }; ${ runs } runs per variant after ${ warmup } warm-up round, interleaved, fresh context each; median (min–max). Times in ms from navigation start; "ratio" is time to visible over the server-rendered Sitenotice's in the same run; "served" is the gzip -9 size of every load.php and index.php response the page received besides its document (what the browser's cache held is not served), "bytes added" that over the control's.`,
		'',
		'The notice shown five ways, against the control without any (medians). "× Sitenotice" and "× empty module" are the time to visible over the server-rendered notice\'s and over the floor for any ResourceLoader module (an empty gadget); the inline job, below that floor, puts the same line with no module and no request of its own; "requests added" counts the page\'s requests over the control\'s (from the browser\'s cache or not) and names what the control does not request; "bytes added" is what load.php and the banner loader served beyond the control, gzip -9.',
		'',
		comparisonTable( readerRows, skipped ),
		'',
		comparisonSummary( readerRows, skipped ),
		'',
		'The gadget against the floor (the empty module: a gadget of one line, loaded as any gadget is), with the bars of issue #13: at most 1.10× on a first view, 1.05× for a returning reader; in brackets, against the inline job.',
		'',
		floorVerdict( readerRows ),
		'',
		leakLine,
		'',
		'| payload (load.php, as served) | raw bytes | gzip bytes |', '|---|---|---|',
		...Object.entries( bytes ).map( ( [ k, v ] ) => `| ${ k } | ${ v.raw } | ${ v.gzip } |` ),
		'',
		table( readerRows, [
			{ label: 'page', text: ( r ) => r.page }, { label: 'variant', text: ( r ) => r.variant },
			{ label: 'CLS', key: 'cls', digits: 4 }, { label: 'CLS added', text: ( r ) => r.clsAdded === null ? '—' : r.clsAdded.toFixed( 4 ) },
			{ label: 'visible', key: 'visible', digits: 0 }, { label: 'ratio', text: ( r ) => r.visibleRatio === null ? '—' : r.visibleRatio.toFixed( 2 ) },
			{ label: 'FCP', key: 'fcp', digits: 0 }, { label: 'LCP', key: 'lcp', digits: 0 },
			extraRequestsColumn,
			{ label: 'served (gzip)', key: 'served', digits: 0 }, { label: 'bytes added', text: ( r ) => r.bytesAdded === null ? '—' : String( r.bytesAdded ) }
		] ),
		'',
		'Where the gadget\'s time to visible goes (ms from navigation start): ResourceLoader\'s startup module, the batch with jquery and mediawiki.base that every module waits for, the gadget\'s own module (for "Empty module", the empty gadget\'s), the gadget starting to run (for "Empty module" and "Inline job", their one line\'s script), the notice visible. "Empty module" is the floor: a gadget of one line with no dependencies, loaded as every gadget is, in a load.php request of its own (the "site" group) beside the page\'s batch, and run once jquery and mediawiki.base are; no gadget can show anything sooner. "Inline job" waits only for mediawiki.base and needs no request, which no module can match. CentralNotice\'s modules travel in the page\'s batch; its banner comes in a request of its own (Special:BannerLoader) once they have run.',
		'',
		table( readerRows.filter( ( r ) => /^(Gadget|Empty module|Inline job|CentralNotice)(, returning reader)?$/.test( r.variant ) ), [
			{ label: 'page', text: ( r ) => r.page },
			{ label: 'variant', text: ( r ) => r.variant },
			{ label: 'startup arrived', key: 'startupDone', digits: 0 }, { label: 'base batch arrived', key: 'baseDone', digits: 0 },
			{ label: 'gadget module arrived', key: 'moduleDone', digits: 0 }, { label: 'gadget runs', key: 'start', digits: 0 },
			{ label: 'banner arrived', key: 'bannerDone', digits: 0 }, { label: 'visible', key: 'visible', digits: 0 }
		] ),
		'',
		table( rows.filter( ( r ) => r.page.startsWith( 'UserRights' ) ), [
			{ label: 'page', text: ( r ) => r.page }, { label: 'variant', text: ( r ) => r.variant },
			{ label: 'API requests', key: 'apiRequests', digits: 0 },
			extraRequestsColumn,
			{ label: 'module → warning shown', key: 'shown', digits: 1 }, { label: 'module → live check done', key: 'ready', digits: 1 },
			{ label: 'CLS', key: 'cls', digits: 4 }, { label: 'FCP', key: 'fcp', digits: 0 }
		] )
	].join( '\n' );
}

/** OAN_BENCH_ONLY=bars: the verdicts, and the times they come from (r: as latestMarkdown()'s). */
export function barsMarkdown( { date, machine, runs, warmup, rows } ) {
	const gadgetRows = rows.filter( ( r ) => r.variant === `Gadget${ viewKind( r.variant ) }` );
	const floorOf = ( r ) => rows.find( ( f ) => f.page === r.page && f.variant === `Empty module${ viewKind( r.variant ) }` );
	const cell = ( st ) => st ? `${ st.median.toFixed( 0 ) } (${ st.min.toFixed( 0 ) }–${ st.max.toFixed( 0 ) })` : '—';
	return [
		`Measured ${ date } on ${ machine } with \`OAN_BENCH_ONLY=bars\`: ${ runs } runs per variant after ${ warmup } warm-up round, interleaved, fresh context each, each view ended once its notice was visible; only the gadget and the empty module. Median (min–max), ms from navigation start; the interval is the 95 % bootstrap interval of the ratio of the medians.`,
		'',
		floorVerdict( rows ),
		'',
		'| page | view | gadget visible | empty module visible | gadget runs | empty module runs | ratio | 95 % interval | bar |',
		'|---|---|---|---|---|---|---|---|---|',
		...gadgetRows.map( ( r ) => {
			const kind = viewKind( r.variant ) ? 'returning' : 'first';
			const f = floorOf( r ) || {};
			return `| ${ r.page } | ${ kind } | ${ cell( r.visible ) } | ${ cell( f.visible ) } | ${ cell( r.start ) } | ${ cell( f.start ) } | ${ r.floorRatio === null ? '—' : r.floorRatio.toFixed( 2 ) } | ${ r.floorInterval ? r.floorInterval.map( ( x ) => x.toFixed( 2 ) ).join( '–' ) : '—' } | ≤ ${ FLOOR_BARS[ kind ].toFixed( 2 ) } |`;
		} )
	].join( '\n' );
}
