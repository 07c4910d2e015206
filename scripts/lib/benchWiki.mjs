// The bench's wikis (scripts/bench.mjs): its own, with an ordinary article, the notice as a
// server-rendered site notice and the empty module's gadget; and the CentralNotice variant's twin.
// Also what load.php serves for the gadget.
import fs from 'node:fs';
import path from 'node:path';
import { FLOOR_DEFINITION, FLOOR_GADGET, FLOOR_SCRIPT } from './benchView.mjs';
import { ARCHIVES, checkArchives, checkBanner, setUpCampaign, Skipped, unpackArchives } from './centralnotice.mjs';
import { NOTICES_PAGE } from './definition.mjs';
import { ROOT } from './paths.mjs';
import { provisionSingleWiki, singleWiki } from './provision.mjs';
import { gzip } from './size.mjs';
import { editPage, fetchText, login, readPage } from './wikiApi.mjs';

export const ARTICLE = 'Benchmark article';
const GADGET = 'ext.gadget.office-action-notice';

/** An ordinary article in our own words, long enough to fill the screen. */
function articleText() {
	const para = 'This article exists so the benchmark has an ordinary page to load: a few paragraphs of running text, a heading or two, nothing that depends on the gadget. Readers arrive, the skin lays the page out, and the notice either is part of the first paint or joins it a moment later.';
	return [ 1, 2, 3 ].map( ( n ) => `== Section ${ n } ==\n${ para }\n\n${ para }\n` ).join( '\n' );
}

/** The notice as a server-rendered site notice: the same texts the gadget shows, in English. */
function sitenoticeText( notice ) {
	const update = notice.updates[ notice.updates.length - 1 ];
	return '<div class="oan-bench-sitenotice" style="border:1px solid #ab7f2a;background:#fdf2d5;padding:8px 12px;font-size:0.875rem;line-height:1.25rem">' +
		`<span class="oan-bench-title">'''${ notice.title.en }'''</span> Published September 13, 2021<br>${ notice.summary.en }<br>` +
		`'''Updated ${ update.date }:''' ${ update.text.en }<br>[[${ notice.statement.page }|Read the statement]] (English)</div><span class="oan-bench-end"></span>`;
}

/** The floor's gadget on the bench's wiki: its line in the definition (kept by deploy, which leaves other lines alone) and its script. */
async function defineFloorGadget( client ) {
	const definition = await readPage( client, 'MediaWiki:Gadgets-definition' );
	const summary = 'benchmark: the empty module';
	if ( !definition.content.includes( FLOOR_DEFINITION ) ) {
		// The bench's own section, last, written afresh.
		const text = `${ definition.content.replace( /\n*== bench ==\n(\*[^\n]*\n?)*/g, '' ).trimEnd() }\n\n== bench ==\n${ FLOOR_DEFINITION }\n`;
		await editPage( client, 'MediaWiki:Gadgets-definition', text, { summary } );
	}
	await editPage( client, `MediaWiki:Gadget-${ FLOOR_GADGET }.js`, FLOOR_SCRIPT, { summary } );
}

/**
 * The bench's own wiki, provisioned (no Chinese wiki and no Translate: the pages measured load
 * exactly what they did before), with the article, the Sitenotice and the empty module.
 *
 * @param {number} port
 * @param {Function} log
 * @return {Promise<Object>} provisionSingleWiki()'s answer
 */
export async function benchWiki( port, log ) {
	const provisioned = await provisionSingleWiki( { name: 'bench', port, log } );
	const client = await login( provisioned.wiki.api, provisioned.bot, 'bench' );
	const data = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) );
	for ( const [ title, text ] of [ [ ARTICLE, articleText() ], [ 'MediaWiki:Sitenotice', sitenoticeText( data.notices[ 0 ] ) ] ] ) {
		await editPage( client, title, text, { summary: 'benchmark' } );
	}
	await defineFloorGadget( client );
	return provisioned;
}

/** The extensions the twin loads, in the order they load. */
const TWIN_EXTENSIONS = ARCHIVES.map( ( a ) => a.name );

/**
 * The CentralNotice variant's wiki: a twin of the bench's (same installer, settings, accounts,
 * pages and gadget) that also loads CentralNotice, with one campaign whose banner is the
 * Sitenotice variant's HTML. The bench's own wiki never loads CentralNotice, so the other
 * variants' pages, startup module and requests stay exactly as they are without it.
 *
 * @param {string} bannerHtml
 * @param {number} port
 * @param {string} extensionsDir where the CentralNotice and EventLogging archives are
 * @return {Promise<Object>} provisionSingleWiki()'s answer for the twin
 * @throws {Skipped} naming the step that failed
 */
export async function centralNoticeTwin( bannerHtml, port, extensionsDir ) {
	const checked = checkArchives( extensionsDir );
	const twinWiki = singleWiki( 'bench-cn', port, TWIN_EXTENSIONS );
	if ( unpackArchives( checked ) && fs.existsSync( twinWiki.stateFile ) ) {
		// New code in the tree: its tables may have changed.
		twinWiki.writeState( { updatedFor: null } );
	}
	try {
		let twin;
		try {
			twin = await provisionSingleWiki( { name: 'bench-cn', port, extensions: TWIN_EXTENSIONS, log: ( s ) => process.stderr.write( `[bench] twin: ${ s }\n` ) } );
			const client = await login( twin.wiki.api, twin.bot, 'bench' );
			await editPage( client, ARTICLE, articleText(), { summary: 'benchmark' } );
		} catch ( e ) {
			throw new Skipped( 'twin wiki', String( e.message ).split( '\n' )[ 0 ] );
		}
		setUpCampaign( twin.wiki, bannerHtml );
		await checkBanner( twin.wiki.server, 'oan-bench-sitenotice' );
		return twin;
	} catch ( e ) {
		twinWiki.stopServer();
		throw e;
	}
}

/** The notice's HTML as the Sitenotice variant serves it: the banner's body. */
export async function servedSitenotice( server ) {
	const html = await fetchText( `${ server }/index.php?title=${ encodeURIComponent( ARTICLE ) }&useskin=vector-2022` );
	const m = html.match( /<div class="oan-bench-sitenotice"[\s\S]*?<\/div>/ );
	if ( !m ) {
		throw new Error( 'the Sitenotice variant\'s page holds no notice' );
	}
	return m[ 0 ];
}

/** What load.php serves for the gadget's modules, as ResourceLoader minifies them. */
export async function payload( server, skin ) {
	const get = ( query ) => fetchText( `${ server }/load.php?lang=en&skin=${ skin }&${ query }` );
	const script = await get( `modules=${ GADGET }&only=scripts` );
	// The peer carries the room and the notice's stylesheet; the script module has no styles.
	const peer = await get( `modules=${ GADGET }-reserve&only=styles` );
	// Only on Special:UserRights and affected accounts' pages, on top of the two above.
	const accounts = await get( `modules=${ GADGET }-accounts` );
	const data = await fetchText( `${ server }/index.php?title=${ encodeURIComponent( NOTICES_PAGE ) }&action=raw` );
	const json = JSON.stringify( JSON.parse( data ) );
	const item = ( text ) => ( { raw: Buffer.byteLength( text ), gzip: gzip( text ) } );
	return {
		'script (with the data inside)': item( script ),
		'of which data (JSON)': item( json ),
		'styles peer (the room and the notice\'s stylesheet, in the page head)': item( peer ),
		total: item( script + peer ),
		'accounts gadget (script, styles, messages; Special:UserRights and affected accounts\' pages only)': item( accounts )
	};
}
