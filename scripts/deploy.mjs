#!/usr/bin/env node
// Publishes the built gadget pages to a wiki through the Action API (with mwn), as an interface
// admin would by hand: it shows what will change, asks, then saves. See README, "Installing on
// a wiki", and docs/development.md; `--help` lists the options (HELP below).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { Mwn } from './lib/mwnFarm.mjs';
import { build } from './build.mjs';
import { checkData, knownLanguages, parseNoticesText, reportLines } from './lib/checker.mjs';
import { mergeDefinition } from './lib/definitionEdit.mjs';
import { readDefinition } from './lib/definition.mjs';
import { lineDiff } from './lib/diff.mjs';
import { languagesPageText, readAutonyms, readVariants, statementLanguages } from './lib/languages.mjs';
import { BUILD, ROOT } from './lib/paths.mjs';

export class DeployError extends Error {}

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

function git( args ) {
	return execFileSync( 'git', args, { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
}

/** MediaWiki keeps 500 characters of a summary; 500 bytes hold in any script. */
export const SUMMARY_BYTES = 500;

/** Text cut to at most `max` bytes of UTF-8, at a character boundary, ending with "…" when cut. */
export function cutToBytes( text, max ) {
	if ( Buffer.byteLength( text ) <= max ) {
		return text;
	}
	let out = '';
	for ( const ch of text ) {
		if ( Buffer.byteLength( out + ch + '…' ) > max ) {
			break;
		}
		out += ch;
	}
	return out + '…';
}

/**
 * The commit the wiki's script came from, as its header names it (see scripts/build.mjs):
 * `/*! office-action-notice <sha>` (with `-dirty` for a build from uncommitted changes).
 *
 * @param {string} scriptText the wiki's current script page ('' when missing)
 * @return {string|null} the sha, or null when the text names none
 */
export function deployedCommit( scriptText ) {
	const m = /^\/\*! office-action-notice ([0-9a-f]{7,40})(?:-dirty)?(?=\s)/.exec( scriptText );
	return m ? m[ 1 ] : null;
}

/**
 * The edit summary: the commit deployed, and the subjects of the commits since the one the wiki's
 * script names, newest first, as many as fit in SUMMARY_BYTES.
 *
 * @param {Object} c
 * @param {string} c.head short sha of HEAD
 * @param {string} c.subject its subject
 * @param {boolean} c.dirty built from uncommitted changes
 * @param {Object} c.since what the wiki had: { missing: true } (no script yet), { sha: null } (no
 *  commit named), { sha, unknown: true } (not in this repository), or { sha, subjects } (git log sha..HEAD)
 * @return {string}
 */
export function formatSummary( { head, subject, dirty, since } ) {
	const base = `Git commit ${ head }: ${ subject }${ dirty ? ' (uncommitted changes)' : '' }`;
	if ( since.missing ) {
		return cutToBytes( `${ base }; the wiki had no script yet`, SUMMARY_BYTES );
	}
	if ( !since.sha ) {
		return cutToBytes( `${ base }; the wiki's script names no commit`, SUMMARY_BYTES );
	}
	if ( since.unknown ) {
		return cutToBytes( `${ base }; since ${ since.sha }: not in this repository`, SUMMARY_BYTES );
	}
	const n = since.subjects.length;
	if ( !n ) {
		return cutToBytes( `${ base }; since ${ since.sha }: no new commits`, SUMMARY_BYTES );
	}
	const text = `${ base }; since ${ since.sha }: ${ n } commit${ n > 1 ? 's' : '' }: `;
	// Whole subjects while they fit, with room for "; …" when more follow; else the first one cut.
	const shown = [];
	for ( const [ i, subj ] of since.subjects.entries() ) {
		const more = i < n - 1 ? '; …' : '';
		if ( Buffer.byteLength( text + shown.concat( subj ).join( '; ' ) + more ) > SUMMARY_BYTES ) {
			return shown.length ? `${ text }${ shown.join( '; ' ) }; …` : cutToBytes( text + subj, SUMMARY_BYTES );
		}
		shown.push( subj );
	}
	return text + shown.join( '; ' );
}

/**
 * What git says about the commits since the one the wiki's script names.
 *
 * @param {string|null} sha from deployedCommit(), or null
 * @param {boolean} scriptExists whether the wiki has the script page at all
 */
function commitsSince( sha, scriptExists ) {
	if ( !scriptExists ) {
		return { missing: true };
	}
	if ( !sha ) {
		return { sha: null };
	}
	try {
		git( [ 'rev-parse', '--verify', '--quiet', `${ sha }^{commit}` ] );
	} catch {
		return { sha, unknown: true };
	}
	const log = git( [ 'log', '--format=%s', `${ sha }..HEAD` ] );
	return { sha, subjects: log ? log.split( '\n' ) : [] };
}

function commitSummary( wikiScript ) {
	let head;
	let subject;
	try {
		head = git( [ 'rev-parse', '--short=12', 'HEAD' ] );
		subject = git( [ 'log', '-1', '--format=%s' ] );
	} catch {
		return 'office-action-notice (no git commit)';
	}
	return formatSummary( {
		head, subject, dirty: isDirty(), since: commitsSince( deployedCommit( wikiScript.content ), wikiScript.exists )
	} );
}

function isDirty() {
	try {
		return git( [ 'status', '--porcelain', '--untracked-files=no' ] ) !== '';
	} catch {
		return false;
	}
}

/** Bot password from OAN_BOT_USER/OAN_BOT_PASSWORD, else from a JSON file { "username", "password" }. */
export function readCredentials( file, env = process.env ) {
	if ( env.OAN_BOT_USER && env.OAN_BOT_PASSWORD ) {
		return { username: env.OAN_BOT_USER, password: env.OAN_BOT_PASSWORD };
	}
	const f = file || path.join( ROOT, '.deploy-credentials.json' );
	if ( !fs.existsSync( f ) ) {
		throw new DeployError( `no credentials: set OAN_BOT_USER and OAN_BOT_PASSWORD (a bot password from Special:BotPasswords), or write ${ path.relative( process.cwd(), f ) } as {"username": "Name@app", "password": "…"}` );
	}
	try {
		const c = JSON.parse( fs.readFileSync( f, 'utf8' ) );
		if ( typeof c.username === 'string' && typeof c.password === 'string' ) {
			return c;
		}
	} catch {}
	throw new DeployError( `${ f } must hold {"username": "Name@app", "password": "…"}` );
}

/** One line for any failure of mwn or the network. */
export function explain( e, api ) {
	if ( e instanceof DeployError ) {
		return e;
	}
	const code = e && ( e.code || ( e.response && e.response.status ) );
	if ( [ 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_INVALID_URL' ].includes( code ) ) {
		return new DeployError( `cannot reach ${ api } (${ code }); check --api and that the wiki is up` );
	}
	if ( e && e.response && e.response.status ) {
		return new DeployError( `${ api } answered HTTP ${ e.response.status }; is this the api.php URL?` );
	}
	if ( code === 'editconflict' ) {
		return new DeployError( 'edit conflict: someone saved the page while deploying; nothing was overwritten, run the deploy again' );
	}
	if ( [ 'WrongPass', 'Failed', 'WrongPluginPass', 'NotExists', 'Aborted' ].includes( code ) || /password|login/i.test( String( e && e.message ) ) ) {
		return new DeployError( `login failed (${ e.info || e.message }); check the bot password from Special:BotPasswords` );
	}
	return new DeployError( `API error: ${ e && e.message ? e.message : e }` );
}

/** A page's current text, timestamps and content model (exists: false when missing). */
export async function readPage( bot, title ) {
	const res = await bot.request( {
		action: 'query', titles: title, prop: 'revisions', rvprop: 'content|timestamp|contentmodel', rvslots: 'main', curtimestamp: true, formatversion: 2
	} );
	const page = res.query.pages[ 0 ];
	if ( page.missing || !page.revisions ) {
		return { exists: false, content: '', timestamp: null, curtimestamp: res.curtimestamp };
	}
	const slot = page.revisions[ 0 ].slots.main;
	return { exists: true, content: slot.content, contentModel: slot.contentmodel, timestamp: page.revisions[ 0 ].timestamp, curtimestamp: res.curtimestamp };
}

/** Saves a page read with readPage: an edit made since is a conflict, never overwritten. */
export async function savePage( bot, title, text, current, summary, contentModel ) {
	const params = {
		action: 'edit', title, text, summary, token: bot.csrfToken, formatversion: 2,
		starttimestamp: current.curtimestamp
	};
	if ( current.exists ) {
		params.basetimestamp = current.timestamp;
		params.nocreate = true;
	} else {
		params.createonly = true;
		if ( contentModel ) {
			params.contentmodel = contentModel;
		}
	}
	const res = await bot.request( params );
	if ( !res.edit || res.edit.result !== 'Success' ) {
		throw new DeployError( `saving ${ title } failed: ${ JSON.stringify( res.edit || res ) }` );
	}
	return res.edit;
}

/** Why a deploy without --yes stops when nobody can be asked. */
export const NO_TERMINAL = 'stdin is not a terminal, so there is nobody to ask before saving; pass --yes to save without asking, or --dry-run to only see the changes';

/**
 * @param {Object} opts
 * @param {string} opts.api api.php URL
 * @param {boolean} [opts.dryRun] show the changes, save nothing
 * @param {boolean} [opts.yes] save without asking
 * @param {Function} [opts.confirm] asks a yes/no question, resolves true for yes; needed unless
 *  dryRun or yes (the command line passes one when stdin is a terminal)
 * @param {boolean} [opts.definition] also update MediaWiki:Gadgets-definition
 * @param {boolean} [opts.allowDirty]
 * @param {boolean} [opts.replaceNotices] overwrite the on-wiki notices page with data/notices.json
 * @param {{username: string, password: string}} opts.credentials
 * @param {Function} [opts.log] receives each output line
 * @return {Promise<string[]>} the titles saved (or, in a dry run, that would be)
 */
export async function deploy( opts ) {
	const log = opts.log || ( ( l ) => process.stdout.write( l + '\n' ) );
	if ( !opts.api ) {
		throw new DeployError( 'missing --api https://example.org/w/api.php' );
	}
	if ( !opts.allowDirty && isDirty() ) {
		throw new DeployError( 'the work tree has uncommitted changes; commit them, or pass --allow-dirty' );
	}
	if ( !opts.dryRun && !opts.yes && !opts.confirm ) {
		throw new DeployError( NO_TERMINAL );
	}
	const manifest = await build( { quiet: true } );
	const def = readDefinition();
	let bot;
	try {
		bot = new Mwn( {
			apiUrl: opts.api,
			username: opts.credentials.username,
			password: opts.credentials.password,
			userAgent: 'office-action-notice-deploy (MediaWiki gadget deploy script)',
			silent: true,
			maxRetries: 0,
			defaultParams: { assert: 'user', maxlag: undefined }
		} );
		await bot.login();
	} catch ( e ) {
		throw explain( e, opts.api );
	}
	// Each edit: the page's title, new text and content model, and what the wiki has now.
	const edits = [];
	const show = ( title, current, text ) => {
		const verb = opts.dryRun ? 'would' : 'will';
		log( `${ verb } ${ current.exists ? 'edit' : 'create' } ${ title }` );
		log( indent( lineDiff( current.content, text ) ) );
	};
	try {
		const info = await bot.request( { action: 'query', meta: 'userinfo', uiprop: 'rights', formatversion: 2 } );
		const rights = info.query.userinfo.rights || [];
		const models = new Set( manifest.pages.map( ( p ) => p.contentModel ) );
		if ( opts.definition ) {
			models.add( 'wikitext' );
		}
		// Named in one order (scripts, styles, data, definition), whatever order the pages come in.
		const missing = Object.keys( NEEDED_RIGHTS ).filter( ( m ) => models.has( m ) )
			.map( ( m ) => NEEDED_RIGHTS[ m ] ).filter( ( r ) => !rights.includes( r ) );
		if ( missing.length ) {
			throw new DeployError( `${ opts.credentials.username } lacks the right${ missing.length > 1 ? 's' : '' } ${ missing.join( ', ' ) }; use an interface-admin account and a bot password with the "Edit sitewide and user CSS/JS/JSON" and "Edit the MediaWiki namespace" grants` );
		}

		// The definition first: it says which pages make up the gadget, so it is read before them.
		const defTitle = 'MediaWiki:Gadgets-definition';
		const definitionPage = await readPage( bot, defTitle );
		const merged = mergeDefinition( definitionPage.content, def );
		let definitionEdit = null;
		if ( merged === definitionPage.content ) {
			log( `unchanged  ${ defTitle }` );
		} else if ( !opts.definition ) {
			log( `warning: ${ defTitle } on the wiki differs from gadget-definition.txt; run with --definition to update it:` );
			log( indent( lineDiff( definitionPage.content, merged ) ) );
		} else {
			show( defTitle, definitionPage, merged );
			definitionEdit = { title: defTitle, text: merged, contentModel: 'wikitext', current: definitionPage };
		}

		// The languages page comes from the wiki itself (see scripts/lib/languages.mjs): its variants,
		// and the names of the statements' languages, of the notices on the wiki and of those here.
		const noticesTitle = def.title( 'office-action-notice-notices.json' );
		const wikiNotices = await readPage( bot, noticesTitle );
		const ownNotices = fs.readFileSync( path.join( BUILD, 'Gadget-office-action-notice-notices.json' ), 'utf8' );
		const autonyms = await readAutonyms( bot, statementLanguages( wikiNotices.content, ownNotices ) );
		const fromWiki = { languages: languagesPageText( await readVariants( bot ), autonyms ) };
		const plan = manifest.pages.map( ( p ) => ( {
			title: p.title,
			text: p.fromWiki ? fromWiki[ p.fromWiki ] : fs.readFileSync( path.join( BUILD, p.file ), 'utf8' ),
			contentModel: p.contentModel,
			createOnly: p.createOnly && !opts.replaceNotices
		} ) );
		// Descriptions shown on Special:Gadgets and in preferences: created once, then the wiki's.
		for ( const gadget of def.gadgets ) {
			plan.push( { title: `MediaWiki:Gadget-${ gadget.name }`, text: DESCRIPTIONS[ gadget.name ] || gadget.name, contentModel: 'wikitext', createOnly: true } );
		}
		if ( def.main.section ) {
			plan.push( { title: `MediaWiki:Gadget-section-${ def.main.section }`, text: 'Office actions', contentModel: 'wikitext', createOnly: true } );
		}

		// The wiki's main script names the commit it was built from: the summary lists what came since.
		const mainScript = def.title( def.main.pages[ 0 ] );
		let wikiScript = { exists: false, content: '' };
		for ( const page of plan ) {
			// The notices page was read above, for its languages' names.
			const current = page.title === noticesTitle ? wikiNotices : await readPage( bot, page.title );
			if ( page.title === mainScript ) {
				wikiScript = current;
			}
			if ( current.exists && current.content.trimEnd() === page.text.trimEnd() ) {
				log( `unchanged  ${ page.title }` );
				continue;
			}
			if ( current.exists && page.createOnly ) {
				log( `kept       ${ page.title } (edited on the wiki; --replace-notices overwrites it)` );
				continue;
			}
			show( page.title, current, page.text );
			edits.push( { ...page, current } );
		}
		// The notices data it would create or replace is checked first (with the wiki's languages,
		// and against the wiki's page: a revision going down is a problem): invalid, nothing is saved.
		const noticesEdit = edits.find( ( e ) => e.title === noticesTitle );
		if ( noticesEdit ) {
			const problems = await checkData( parseNoticesText( noticesEdit.text ).data, {
				languages: await knownLanguages( ( params ) => bot.request( params ) ),
				savedText: noticesEdit.current.exists ? noticesEdit.current.content : null
			} );
			if ( problems.length ) {
				reportLines( problems, 'data/notices.json' ).forEach( ( l ) => log( l ) );
				throw new DeployError( `data/notices.json has ${ problems.length } problem${ problems.length > 1 ? 's' : '' } (listed above, checked as npm run check does); nothing was saved` );
			}
		}
		// Saved after the pages it names, so the wiki never lists a page that does not exist yet.
		if ( definitionEdit ) {
			edits.push( definitionEdit );
		}

		if ( opts.dryRun ) {
			log( `dry run: ${ edits.length } page(s) would change; nothing was saved` );
			return edits.map( ( e ) => e.title );
		}
		if ( !edits.length ) {
			log( 'done: 0 page(s) changed' );
			return [];
		}
		if ( !opts.yes && !await opts.confirm( edits.length === 1 ? 'Save this 1 page? (y/N) ' : `Save these ${ edits.length } pages? (y/N) ` ) ) {
			log( 'not saved: nothing was changed on the wiki' );
			return [];
		}
		const summary = commitSummary( wikiScript );
		// The texts were read before the question: an edit made on the wiki meanwhile is a conflict.
		for ( const edit of edits ) {
			const res = await savePage( bot, edit.title, edit.text, edit.current, summary, edit.contentModel );
			log( `${ edit.current.exists ? 'edited    ' : 'created   ' } ${ edit.title } (revision ${ res.newrevid })` );
		}
		log( `done: ${ edits.length } page(s) changed` );
		return edits.map( ( e ) => e.title );
	} catch ( e ) {
		throw explain( e, opts.api );
	} finally {
		await bot.logout().catch( () => {} );
	}
}

function indent( text ) {
	return text.split( '\n' ).map( ( l ) => `    ${ l }` ).join( '\n' );
}

/**
 * Asks on the terminal (the question on stderr, so stdout keeps only the report). Only "y" or
 * "yes" is a yes; an empty line, anything else or the end of input is a no.
 */
function askOnTerminal( question ) {
	return new Promise( ( resolve ) => {
		const rl = readline.createInterface( { input: process.stdin, output: process.stderr } );
		let answered = false;
		rl.on( 'close', () => {
			if ( !answered ) {
				process.stderr.write( '\n' );
				resolve( false );
			}
		} );
		rl.question( question, ( answer ) => {
			answered = true;
			rl.close();
			resolve( /^y(es)?$/i.test( answer.trim() ) );
		} );
	} );
}

/** The command line's options, for parseArgs (and the docs' check that they name only these). */
export const OPTIONS = {
	api: { type: 'string' },
	'dry-run': { type: 'boolean', default: false },
	yes: { type: 'boolean', default: false },
	definition: { type: 'boolean', default: false },
	'replace-notices': { type: 'boolean', default: false },
	'allow-dirty': { type: 'boolean', default: false },
	credentials: { type: 'string' },
	help: { type: 'boolean', default: false }
};

export const HELP = `Usage: npm run deploy -- --api https://example.org/w/api.php [options]

Builds the gadget, shows what would change on the wiki (a diff for each page), asks
"Save these N pages? (y/N)", and saves them with a summary naming the commits since the
version on the wiki.

  --api URL           the wiki's api.php (required)
  --dry-run           show the changes, save nothing
  --yes               save without asking (needed when stdin is not a terminal)
  --definition        also write this gadget's lines into MediaWiki:Gadgets-definition
  --replace-notices   overwrite the on-wiki notices page with data/notices.json (checked first,
                      as when deploy creates it: invalid data is never saved)
  --allow-dirty       deploy from a work tree with uncommitted changes
  --credentials FILE  read the bot password from FILE: {"username": "Name@app", "password": "…"}
  --help              this text

Credentials: OAN_BOT_USER and OAN_BOT_PASSWORD, or .deploy-credentials.json, or --credentials FILE.
`;

async function cli() {
	let values;
	try {
		( { values } = parseArgs( { options: OPTIONS } ) );
	} catch ( e ) {
		throw new DeployError( `${ e.message }; see --help` );
	}
	if ( values.help ) {
		process.stdout.write( HELP );
		return;
	}
	await deploy( {
		api: values.api,
		dryRun: values[ 'dry-run' ],
		yes: values.yes,
		confirm: process.stdin.isTTY ? askOnTerminal : null,
		definition: values.definition,
		allowDirty: values[ 'allow-dirty' ],
		replaceNotices: values[ 'replace-notices' ],
		credentials: readCredentials( values.credentials )
	} );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	cli().catch( ( e ) => {
		process.stderr.write( `deploy failed: ${ e instanceof DeployError ? e.message : e.stack || e }\n` );
		process.exit( 1 );
	} );
}
