// What deploy will change on a wiki, read before anything is saved: the rights it needs, the
// definition's lines, and each page's edit (or why it is left alone); the notices data it would
// write is checked first.
import fs from 'node:fs';
import path from 'node:path';
import { checkData, knownLanguages, parseNoticesText, reportLines } from '../checker.mjs';
import { mergeDefinition } from '../definitionEdit.mjs';
import { NOTICES_PAGE } from '../definition.mjs';
import { lineDiff } from '../diff.mjs';
import { languagesPageText, readAutonyms, readVariants, statementLanguages } from '../languages.mjs';
import { BUILD } from '../paths.mjs';
import { readPage, ToolError } from '../wikiApi.mjs';

export const DEFINITION_PAGE = 'MediaWiki:Gadgets-definition';

/** The gadgets' description pages (MediaWiki:Gadget-<name>), created once and then left to the wiki. */
export const DESCRIPTIONS = {
	'office-action-notice': 'Office action notices: the statement in your language, the status of affected accounts, and a rights-restriction warning on Special:UserRights.',
	'office-action-notice-reserve': 'Keeps room for the office action notice while the page loads, and styles it (part of the office action notices).',
	'office-action-notice-accounts': 'The status box on affected accounts\' pages and the warning on Special:UserRights (part of the office action notices).',
	'office-action-notice-authoring': 'For interface admins, on the notices page: the check of the notices data, a preview of each notice, and the update of the translations\' completeness (part of the office action notices).'
};

const NEEDED_RIGHTS = {
	javascript: 'editsitejs',
	css: 'editsitecss',
	json: 'editsitejson',
	wikitext: 'editinterface'
};

/** Text indented by four spaces, as deploy shows diffs under the line naming the page. */
export function indent( text ) {
	return text.split( '\n' ).map( ( l ) => `    ${ l }` ).join( '\n' );
}

/** The lines that show one edit: what happens to the page, then the diff. */
export function editLines( verb, title, current, text ) {
	return [ `${ verb } ${ current.exists ? 'edit' : 'create' } ${ title }`, indent( lineDiff( current.content, text ) ) ];
}

/**
 * Refuses an account that lacks a right the pages need, naming them in one order (scripts,
 * styles, data, definition), whatever order the pages come in.
 */
export async function checkRights( client, manifest, withDefinition, username ) {
	const info = await client.request( { action: 'query', meta: 'userinfo', uiprop: 'rights', formatversion: 2 } );
	const rights = info.query.userinfo.rights || [];
	const models = new Set( manifest.pages.map( ( p ) => p.contentModel ) );
	if ( withDefinition ) {
		models.add( 'wikitext' );
	}
	const missing = Object.keys( NEEDED_RIGHTS ).filter( ( m ) => models.has( m ) )
		.map( ( m ) => NEEDED_RIGHTS[ m ] ).filter( ( r ) => !rights.includes( r ) );
	if ( missing.length ) {
		throw new ToolError( `${ username } lacks the right${ missing.length > 1 ? 's' : '' } ${ missing.join( ', ' ) }; use an interface-admin account and a bot password with the "Edit sitewide and user CSS/JS/JSON" and "Edit the MediaWiki namespace" grants` );
	}
}

/**
 * The definition's edit: this gadget's lines merged into the wiki's. Without `apply`, a difference
 * is only a warning.
 *
 * @return {Promise<Object|null>} the edit, or null
 */
export async function definitionEdit( client, def, { apply, verb, log, diffs = true, brief = false } ) {
	const current = await readPage( client, DEFINITION_PAGE );
	const merged = mergeDefinition( current.content, def );
	if ( merged === current.content ) {
		if ( !brief ) {
			log( `unchanged  ${ DEFINITION_PAGE }` );
		}
		return null;
	}
	if ( !apply ) {
		log( `warning: ${ DEFINITION_PAGE } on the wiki differs from gadget-definition.txt; run with --definition to update it:` );
		log( indent( lineDiff( current.content, merged ) ) );
		return null;
	}
	editLines( verb, DEFINITION_PAGE, current, merged ).slice( 0, diffs ? 2 : 1 ).forEach( ( l ) => log( l ) );
	return { title: DEFINITION_PAGE, text: merged, contentModel: 'wikitext', current };
}

/** The notices data of the build (data/notices.json, as deploy creates the page). */
function ownNoticesText( manifest ) {
	return fs.readFileSync( path.join( BUILD, manifest.pages.find( ( p ) => p.title === NOTICES_PAGE ).file ), 'utf8' );
}

/**
 * The notices data the wiki will have after this deploy: its page as it is (or the farm's copy),
 * or the build's where deploy creates or replaces the page.
 *
 * @param {{pages: Object[]}} manifest
 * @param {{exists: (boolean|undefined), content: string}} named the wiki's page, or the copy
 * @param {boolean} replaceNotices
 * @return {string}
 */
export function noticesAfter( manifest, named, replaceNotices ) {
	return named.exists === false || replaceNotices ? ownNoticesText( manifest ) : named.content;
}

/**
 * Every page deploy writes, with its text: the built pages, the languages page from the wiki
 * itself (its variants, and the names of the statements' languages, of the notices on the wiki
 * and of those here; see scripts/lib/languages.mjs), and the descriptions shown on
 * Special:Gadgets and in preferences (created once, then the wiki's).
 *
 * @param {Object} client a logged-in mwn client
 * @param {{pages: Object[]}} manifest the build's
 * @param {Object} def readDefinition()
 * @param {Object} wikiNotices the wiki's notices page, as readPage() gave it
 * @param {boolean} replaceNotices the notices page is written even where it exists
 * @return {Promise<Array<{title: string, text: string, contentModel: string, createOnly: boolean}>>}
 */
export async function plannedPages( client, manifest, def, wikiNotices, replaceNotices ) {
	const ownNotices = ownNoticesText( manifest );
	const autonyms = await readAutonyms( client, statementLanguages( wikiNotices.content, ownNotices ) );
	const fromWiki = { languages: languagesPageText( await readVariants( client ), autonyms ) };
	const plan = manifest.pages.map( ( p ) => ( {
		title: p.title,
		text: p.fromWiki ? fromWiki[ p.fromWiki ] : fs.readFileSync( path.join( BUILD, p.file ), 'utf8' ),
		contentModel: p.contentModel,
		createOnly: p.createOnly && !replaceNotices
	} ) );
	for ( const gadget of def.gadgets ) {
		plan.push( { title: `MediaWiki:Gadget-${ gadget.name }`, text: DESCRIPTIONS[ gadget.name ] || gadget.name, contentModel: 'wikitext', createOnly: true } );
	}
	if ( def.main.section ) {
		plan.push( { title: `MediaWiki:Gadget-section-${ def.main.section }`, text: 'Office actions', contentModel: 'wikitext', createOnly: true } );
	}
	return plan;
}

/**
 * Reads each planned page and keeps those it will create or edit; a page with exactly that text is
 * `unchanged`, a create-once page that exists is `kept`.
 *
 * @param {Object} client a logged-in mwn client
 * @param {Object[]} plan plannedPages()
 * @param {Object} known pages already read, by title
 * @param {{verb: string, log: Function, diffs: (boolean|undefined), brief: (boolean|undefined)}} show
 *  how to show an edit (diffs: with its diff, the default); brief: no line for a page left alone
 * @return {Promise<{edits: Object[], read: Map<string, Object>, unchanged: number}>} the edits,
 *  every page as read, and how many pages already held their text
 */
export async function pageEdits( client, plan, known, show ) {
	const { verb, log, diffs = true } = show;
	const aside = show.brief ? () => {} : log;
	const edits = [];
	let unchanged = 0;
	const read = new Map( Object.entries( known ) );
	for ( const page of plan ) {
		const current = read.get( page.title ) || await readPage( client, page.title );
		read.set( page.title, current );
		if ( current.exists && current.content.trimEnd() === page.text.trimEnd() ) {
			aside( `unchanged  ${ page.title }` );
			unchanged++;
		} else if ( current.exists && page.createOnly ) {
			aside( `kept       ${ page.title } (edited on the wiki; --replace-notices overwrites it)` );
		} else {
			editLines( verb, page.title, current, page.text ).slice( 0, diffs ? 2 : 1 ).forEach( ( l ) => log( l ) );
			edits.push( { ...page, current } );
		}
	}
	return { edits, read, unchanged };
}

/**
 * The notices data deploy would create or replace, checked as `npm run check` does, with the
 * wiki's languages and against the wiki's page (a revision going down is a problem): invalid,
 * nothing is saved.
 */
export async function checkNoticesEdit( client, edits, log ) {
	const noticesEdit = edits.find( ( e ) => e.title === NOTICES_PAGE );
	if ( !noticesEdit ) {
		return;
	}
	const problems = await checkData( parseNoticesText( noticesEdit.text ).data, {
		languages: await knownLanguages( ( params ) => client.request( params ) ),
		savedText: noticesEdit.current.exists ? noticesEdit.current.content : null
	} );
	if ( problems.length ) {
		reportLines( problems, 'data/notices.json' ).forEach( ( l ) => log( l ) );
		throw new ToolError( `data/notices.json has ${ problems.length } problem${ problems.length > 1 ? 's' : '' } (listed above, checked as npm run check does); nothing was saved` );
	}
}
