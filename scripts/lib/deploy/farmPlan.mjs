// What deploy --farm will change on each wiki, read before anything is saved: the source's notices
// data (checked, as npm run check does), then per wiki the gadget's pages (publish.mjs's plan) and
// the copy of the notices data. A wiki that fails is a row with its reason; the others go on.
import { checkData, knownLanguages, parseNoticesText, reportLines } from '../checker.mjs';
import { NOTICES_PAGE } from '../definition.mjs';
import { lineDiff } from '../diff.mjs';
import { explain, login, ToolError } from '../wikiApi.mjs';
import { copyData, copyDecision, copySummary, copyText, parseOrUndefined, readNoticesRevision } from './farmCopy.mjs';
import { indent } from './plan.mjs';
import { planEdits } from './publish.mjs';
import { commitSummary } from './summary.mjs';

/**
 * Reads and checks the source's notices page. Invalid data stops the whole deploy: its problems
 * are printed, and nothing is copied or saved anywhere.
 *
 * @param {{id: string, api: string}} wiki the source wiki
 * @param {{username: string, password: string}} credentials
 * @param {Function} log
 * @return {Promise<{client: Object, from: {wiki: string, revision: number}, data: Object, text: string, syncedData: Function}>}
 *  syncedData( revision ): what a copy of that source revision holds (undefined: unreadable)
 */
export async function readSource( wiki, credentials, log ) {
	let client;
	let rev;
	try {
		client = await login( wiki.api, credentials, 'deploy' );
		rev = await readNoticesRevision( client );
	} catch ( e ) {
		throw new ToolError( `the source wiki ${ wiki.id }: ${ explain( e, wiki.api ).message }; nothing was saved on any wiki` );
	}
	const what = `${ wiki.id }'s ${ NOTICES_PAGE }`;
	if ( !rev ) {
		throw new ToolError( `${ what } does not exist; deploy to ${ wiki.id } alone first (--api ${ wiki.api }), which creates it; nothing was saved on any wiki` );
	}
	const parsed = parseNoticesText( rev.content );
	const problems = 'error' in parsed ? [] : await checkData( parsed.data, { languages: await knownLanguages( ( p ) => client.request( p ) ) } );
	if ( 'error' in parsed || problems.length ) {
		( 'error' in parsed ? [ parsed.error ] : reportLines( problems, what ) ).forEach( ( l ) => log( l ) );
		throw new ToolError( `${ what } (revision ${ rev.revid }) is not valid notices data; nothing was copied or saved on any wiki` );
	}
	const synced = new Map();
	const syncedData = ( revision ) => {
		if ( !synced.has( revision ) ) {
			synced.set( revision, readNoticesRevision( client, revision ).then( ( r ) => {
				const data = r && parseOrUndefined( r.content );
				return data && copyData( data, { wiki: wiki.id, revision } );
			} ) );
		}
		return synced.get( revision );
	};
	return { client, from: { wiki: wiki.id, revision: rev.revid }, data: parsed.data, text: rev.content, syncedData };
}

/**
 * The copy's plan on one wiki: the decision (farmCopy.mjs) and, unless unchanged or kept, the edit.
 * A conflict's diff is always shown; the others' with --diffs.
 */
export async function planCopy( current, source, ctx, log ) {
	const { from } = source;
	const named = ( parseOrUndefined( current.content ) || {} ).copiedFrom;
	const lastSync = named && named.wiki === from.wiki && Number.isInteger( named.revision ) ? await source.syncedData( named.revision ) : undefined;
	const decision = copyDecision( {
		current, desired: copyData( source.data, from ), source: from.wiki, lastSync, pristine: ctx.pristine, replace: ctx.opts.replaceCopies
	} );
	const text = copyText( source.data, from );
	const of = `the copy of ${ from.wiki }'s revision ${ from.revision }`;
	const verb = ctx.opts.dryRun ? 'would' : 'will';
	const diff = indent( lineDiff( current.content, text ) );
	if ( decision.action === 'unchanged' ) {
		return { decision };
	}
	if ( decision.action === 'conflict' ) {
		log( `conflict   ${ NOTICES_PAGE }: ${ decision.why }; kept (--replace-copies replaces it with ${ of }):`, diff );
		return { decision };
	}
	const how = { create: 'create', update: 'edit', replace: 'replace' }[ decision.action ];
	log( `${ verb } ${ how } ${ NOTICES_PAGE } (${ of }${ decision.why ? `; ${ decision.why }` : '' })` );
	if ( ctx.opts.diffs || decision.action === 'replace' ) {
		log( diff );
	}
	return { decision, edit: { title: NOTICES_PAGE, text, contentModel: 'json', current, summary: copySummary( from ), copy: true } };
}

/**
 * Reads one wiki and works out its edits, its lines kept for the report (wikis are read a few at
 * a time, so their lines would mix).
 *
 * @param {{pages: Object[]}} manifest the build's
 * @param {{id: string, api: string}} wiki
 * @param {Object} ctx
 * @param {Object} ctx.source readSource()
 * @param {Function} ctx.credentials the wiki's bot password (farmFile.mjs credentialsFor())
 * @param {Object|undefined} ctx.pristine data/notices.json's data
 * @param {Object} ctx.opts dryRun, definition, diffs, replaceCopies
 * @return {Promise<Object>} the row: id, api, client, lines, edits (the copy's among them), summary,
 *  unchanged, copy (the decision's action, 'source' on the source), conflicts, error, seconds
 */
export async function planWiki( manifest, wiki, ctx ) {
	const started = Date.now();
	const row = { id: wiki.id, api: wiki.api, client: null, lines: [], edits: [], unchanged: 0, copy: null, conflicts: 0, error: null, saved: 0 };
	const log = ( ...lines ) => row.lines.push( ...lines );
	try {
		const credentials = ctx.credentials( wiki );
		row.client = await login( wiki.api, credentials, 'deploy' );
		const isSource = wiki.id === ctx.source.from.wiki;
		const planned = await planEdits( row.client, manifest, {
			...ctx.opts, credentials, brief: true, replaceNotices: false, noticesFrom: isSource ? undefined : ctx.source.text
		}, log );
		row.summary = commitSummary( planned.wikiScript );
		row.unchanged = planned.unchanged;
		row.edits = planned.edits;
		if ( isSource ) {
			row.copy = 'source';
		} else {
			const { decision, edit } = await planCopy( planned.wikiNotices, ctx.source, ctx, log );
			row.copy = decision.action;
			row.unchanged += decision.action === 'unchanged' ? 1 : 0;
			row.conflicts = decision.action === 'conflict' ? 1 : 0;
			// Before the definition, which comes last.
			row.edits = edit ? [ edit, ...row.edits ] : row.edits;
		}
	} catch ( e ) {
		row.error = explain( e, wiki.api ).message;
		row.edits = [];
	}
	row.seconds = ( Date.now() - started ) / 1000;
	return row;
}
