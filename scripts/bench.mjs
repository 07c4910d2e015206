#!/usr/bin/env node
// npm run bench: what the gadget costs a reader, against the same notice rendered by the
// server (MediaWiki:Sitenotice, the physical limit), against the same notice as a CentralNotice
// banner (on a twin of the bench's wiki, see scripts/lib/centralnotice.mjs) and against no notice
// at all (the control), in one run with the variants interleaved and a fresh browser context for
// every page view. Writes bench/results/latest.json and latest.md, and the tables into
// docs/performance.md.
//   OAN_BENCH_RUNS (default 7), OAN_BENCH_WARMUP (default 1), OAN_BENCH_PORT (default 8783),
//   OAN_BENCH_TWIN_PORT (the CentralNotice twin, default the port + 1),
//   OAN_BENCH_EXTENSIONS (the CentralNotice and EventLogging archives, default ../shared/extensions),
//   OAN_BENCH_ONLY=bars (only issue #13's time-to-visible bars, with many more rounds: see BARS_ONLY)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { barsMarkdown, latestMarkdown } from './lib/benchMarkdown.mjs';
import { centralNoticeLeaks, sampleRows } from './lib/benchRows.mjs';
import { measureView } from './lib/benchView.mjs';
import { ARTICLE, benchWiki, centralNoticeTwin, payload, servedSitenotice } from './lib/benchWiki.mjs';
import { launchChromium, loginState } from './lib/browser.mjs';
import { ARCHIVES, EXTENSIONS_DIR, Skipped } from './lib/centralnotice.mjs';
import { ROOT } from './lib/paths.mjs';
import { gzip } from './lib/size.mjs';
import { httpGet } from './lib/wikiApi.mjs';

const RUNS = Math.max( 1, Number( process.env.OAN_BENCH_RUNS || 7 ) );
// Rounds run first and thrown away: the PHP server's caches warm up for every variant alike.
const WARMUP = Math.max( 0, Number( process.env.OAN_BENCH_WARMUP || 1 ) );
const PORT = Number( process.env.OAN_BENCH_PORT || 8783 );
const TWIN_PORT = Number( process.env.OAN_BENCH_TWIN_PORT || PORT + 1 );
const EXTENSIONS = path.resolve( ROOT, process.env.OAN_BENCH_EXTENSIONS || EXTENSIONS_DIR );
const OUT = path.join( ROOT, 'bench/results' );
// Only what the time-to-visible bars need: the gadget and the empty module, first and returning
// views, Vector 2022 and Minerva; no CentralNotice, no Special:UserRights, and each view ends
// once its notice is visible instead of 3 s later. About 28 s a round against a full round's
// 2.5 min, so the 40 or more rounds it takes to tell a 5 % bar from this machine's noise fit in
// about 20 minutes (45 rounds took 21 on 2026-12-02). Writes bench/results/bars.json and bars.md, and docs/performance.md's bars section.
const BARS_ONLY = process.env.OAN_BENCH_ONLY === 'bars';

const log = ( line ) => process.stderr.write( `[bench] ${ line }\n` );

const READER_PAGES = [
	{ page: 'Vector 2022, 1280×800', title: ARTICLE, query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false },
	{ page: 'Minerva, 390×844', title: ARTICLE, query: { useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true }
];
const VARIANTS = [
	{ name: 'None', variant: 'none' },
	{ name: 'Sitenotice', variant: 'sitenotice' },
	{ name: 'Gadget', variant: 'gadget' },
	{ name: 'Gadget, dismissed earlier', variant: 'gadget', dismissed: true },
	{ name: 'Empty module', variant: 'empty' },
	{ name: 'Inline job', variant: 'inline' },
	{ name: 'CentralNotice', variant: 'centralnotice', twin: true },
	{ name: 'None, returning reader', variant: 'none', returning: true },
	{ name: 'Sitenotice, returning reader', variant: 'sitenotice', returning: true },
	{ name: 'Gadget, returning reader', variant: 'gadget', returning: true },
	{ name: 'Empty module, returning reader', variant: 'empty', returning: true },
	{ name: 'Inline job, returning reader', variant: 'inline', returning: true },
	{ name: 'CentralNotice, returning reader', variant: 'centralnotice', returning: true, twin: true }
];
const RIGHTS_PAGES = [
	{ name: 'UserRights, affected target', title: 'Special:UserRights/Example_desysopped_admin_1' },
	{ name: 'UserRights, unaffected target', title: 'Special:UserRights/Unaffected_editor' }
];
const RIGHTS_VARIANTS = [ { name: 'None', variant: 'none' }, { name: 'Gadget', variant: 'gadget' } ];

/** What this run measures, decided before it starts: the reader's pages and variants, and the UserRights pages. */
function plannedViews( barsOnly ) {
	return {
		reader: READER_PAGES,
		variants: barsOnly ? VARIANTS.filter( ( v ) => /^(Gadget|Empty module)(, returning reader)?$/.test( v.name ) ) : VARIANTS,
		rights: barsOnly ? [] : RIGHTS_PAGES
	};
}

/**
 * The CentralNotice variant's state before the runs: its twin wiki, or why there is none.
 *
 * @return {Promise<{twin: (Object|null), skipped: (Object|null)}>}
 */
async function centralNoticeState( server ) {
	if ( BARS_ONLY ) {
		return { twin: null, skipped: { step: 'the start', reason: 'OAN_BENCH_ONLY=bars measures the gadget against the empty module only' } };
	}
	try {
		return { twin: await centralNoticeTwin( await servedSitenotice( server ), TWIN_PORT, EXTENSIONS ), skipped: null };
	} catch ( e ) {
		if ( !( e instanceof Skipped ) ) {
			throw e;
		}
		log( `CentralNotice variant skipped at ${ e.step }: ${ e.reason }` );
		return { twin: null, skipped: { step: e.step, reason: e.reason } };
	}
}

/**
 * The CentralNotice variant dropped when its first view showed no banner (the banner loader
 * answered before the runs, but no banner reached the page): its twin stopped and its samples
 * gone.
 *
 * @return {{twin: null, skipped: Object}} the new state
 */
function withoutCentralNotice( state, samples, reason ) {
	state.twin.wiki.stopServer();
	const skipped = { step: 'banner in the browser', reason };
	log( `CentralNotice variant skipped at ${ skipped.step }: ${ skipped.reason }` );
	for ( const k of Object.keys( samples ).filter( ( key ) => key.includes( '| CentralNotice' ) ) ) {
		delete samples[ k ];
	}
	return { twin: null, skipped };
}

/**
 * One round, the variants interleaved: every reader page in every variant, then the UserRights
 * pages. Samples of the warm-up rounds (run < 0) are not kept.
 *
 * @param {Object} browser
 * @param {{server: string, views: Object, bureaucrat: Object}} bench
 * @param {number} run
 * @param {{twin: (Object|null), skipped: (Object|null)}} cn the CentralNotice variant's state
 * @param {Object<string, Object[]>} samples added to, by "page | variant"
 * @return {Promise<Object>} the CentralNotice variant's state after the round
 */
async function measureRound( browser, bench, run, cn, samples ) {
	const keep = ( key, sample ) => {
		if ( run >= 0 ) {
			( samples[ key ] = samples[ key ] || [] ).push( sample );
		}
	};
	for ( const p of bench.views.reader ) {
		for ( const v of bench.views.variants ) {
			if ( v.twin && !cn.twin ) {
				continue;
			}
			const sample = await measureView( browser, v.twin ? cn.twin.wiki.server : bench.server, { ...p, ...v }, BARS_ONLY );
			if ( v.twin && sample.visible === null && run === -WARMUP ) {
				cn = withoutCentralNotice( cn, samples, `no banner on the page (${ p.page }, ${ v.name })` );
				continue;
			}
			keep( `${ p.page } | ${ v.name }`, sample );
		}
	}
	for ( const r of bench.views.rights ) {
		for ( const v of RIGHTS_VARIANTS ) {
			keep( `${ r.name } | ${ v.name }`, await measureView( browser, bench.server, {
				title: r.title, query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, mobile: false, storageState: bench.bureaucrat, ...v
			}, BARS_ONLY ) );
		}
	}
	return cn;
}

/**
 * Bytes as served, gzip -9, fetched once per URL after the runs (the URLs carry their
 * versions, so the same URL is the same response): each sample's servedGzip.
 */
async function addServedGzip( samples ) {
	const servedGzip = new Map();
	for ( const sample of Object.values( samples ).flat() ) {
		let sum = 0;
		for ( const u of sample.served ) {
			if ( !servedGzip.has( u ) ) {
				servedGzip.set( u, gzip( ( await httpGet( u ) ).body ) );
			}
			sum += servedGzip.get( u );
		}
		sample.servedGzip = sum;
	}
}

/** The sentence on whether the other variants stayed clear of CentralNotice. */
function leakLine( { leaks, views }, twin ) {
	if ( leaks ) {
		log( `warning: ${ leaks } page views of other variants requested CentralNotice's modules` );
		return `**${ leaks } of the other variants' ${ views } page views requested CentralNotice's or EventLogging's modules or banners.**`;
	}
	return `None of the other variants' ${ views } page views requested a module or banner of CentralNotice or EventLogging: they run on the bench's own wiki, which does not load them${ twin ? `; CentralNotice runs on its twin (${ path.relative( ROOT, twin.wiki.dir ) }), the same wiki with CentralNotice and EventLogging added` : '' }.`;
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/performance.md, where it has them. */
function writeDocSection( name, md ) {
	const doc = path.join( ROOT, 'docs/performance.md' );
	const text = fs.readFileSync( doc, 'utf8' );
	const start = text.indexOf( `<!-- ${ name }:start -->` );
	const end = text.indexOf( `<!-- ${ name }:end -->` );
	if ( start !== -1 && end > start ) {
		fs.writeFileSync( doc, `${ text.slice( 0, start ) }<!-- ${ name }:start -->\n${ md }\n${ text.slice( end ) }` );
	}
}

/** Writes a file of bench/results/, a section of docs/performance.md, and prints the text. */
function publishResults( json, jsonFile, md, mdFile, section ) {
	fs.mkdirSync( OUT, { recursive: true } );
	fs.writeFileSync( path.join( OUT, jsonFile ), JSON.stringify( json, null, '\t' ) + '\n' );
	fs.writeFileSync( path.join( OUT, mdFile ), md + '\n' );
	writeDocSection( section, md );
	process.stdout.write( md + '\n' );
}

async function main() {
	const { wiki } = await benchWiki( PORT, log );
	let cn = await centralNoticeState( wiki.server );
	const admin = wiki.readState().admin;
	const browser = await launchChromium();
	const bench = { server: wiki.server, views: plannedViews( BARS_ONLY ), bureaucrat: await loginState( browser, wiki.server, admin.user, admin.password ) };
	const samples = {};
	for ( let run = -WARMUP; run < RUNS; run++ ) {
		cn = await measureRound( browser, bench, run, cn, samples );
		log( run < 0 ? 'warm-up round' : `run ${ run + 1 }/${ RUNS }` );
	}
	await browser.close();
	await addServedGzip( samples );
	const rows = sampleRows( samples );
	const leaks = centralNoticeLeaks( samples );
	const line = leakLine( leaks, cn.twin );
	const machine = `${ os.cpus().length } × ${ os.cpus()[ 0 ].model.trim() }, ${ Math.round( os.totalmem() / 2 ** 30 ) } GiB, ${ os.type() } ${ os.release() }`;
	const date = new Date().toISOString().slice( 0, 10 );
	if ( BARS_ONLY ) {
		const md = barsMarkdown( { date, machine, runs: RUNS, warmup: WARMUP, rows } );
		publishResults( { date, machine, runs: RUNS, rows }, 'bars.json', md, 'bars.md', 'bars' );
	} else {
		const bytes = await payload( wiki.server, 'vector-2022' );
		const centralNotice = cn.skipped ? { skipped: cn.skipped } :
			{ twin: cn.twin.wiki.server, archives: ARCHIVES.map( ( a ) => a.file ), leaks: leaks.leaks };
		const md = latestMarkdown( { date, machine, runs: RUNS, warmup: WARMUP, rows, skipped: cn.skipped, leakLine: line, bytes } );
		publishResults( { date, machine, runs: RUNS, bytes, centralNotice, rows }, 'latest.json', md, 'latest.md', 'bench' );
	}
	wiki.stopServer();
	if ( cn.twin ) {
		cn.twin.wiki.stopServer();
	}
}

main().catch( ( e ) => {
	process.stderr.write( `bench failed: ${ e.stack || e }\n` );
	process.exit( 1 );
} );
