#!/usr/bin/env node
// Publishes the built gadget pages to a wiki through the Action API (with mwn), as an interface
// admin would by hand: see README, "Installing on a wiki". Usage:
//   npm run deploy -- --api https://example.org/w/api.php [--dry-run] [--definition]
//                     [--allow-dirty] [--credentials FILE] [--replace-notices]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Mwn } from 'mwn';
import { build } from './build.mjs';
import { mergeDefinition } from './lib/definitionEdit.mjs';
import { readDefinition } from './lib/definition.mjs';
import { lineDiff } from './lib/diff.mjs';
import { languagesPageText, readVariants } from './lib/languages.mjs';
import { BUILD, ROOT } from './lib/paths.mjs';

export class DeployError extends Error {}

const DESCRIPTIONS = {
	'office-action-notice': 'Office action notices: the statement in your language, the status of affected accounts, and a rights-restriction warning on Special:UserRights.',
	'office-action-notice-reserve': 'Keeps room for the office action notice while the page loads, and styles it (part of the office action notices).',
	'office-action-notice-accounts': 'The status box on affected accounts\' pages and the warning on Special:UserRights (part of the office action notices).'
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

function commitSummary() {
	try {
		return `Git commit ${ git( [ 'rev-parse', '--short=12', 'HEAD' ] ) }: ${ git( [ 'log', '-1', '--format=%s' ] ) }`;
	} catch {
		return 'office-action-notice (no git commit)';
	}
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

/**
 * @param {Object} opts
 * @param {string} opts.api api.php URL
 * @param {boolean} [opts.dryRun]
 * @param {boolean} [opts.definition] also update MediaWiki:Gadgets-definition
 * @param {boolean} [opts.allowDirty]
 * @param {boolean} [opts.replaceNotices] overwrite the on-wiki notices page with data/notices.json
 * @param {{username: string, password: string}} opts.credentials
 * @param {Function} [opts.log] receives each output line
 */
export async function deploy( opts ) {
	const log = opts.log || ( ( l ) => process.stdout.write( l + '\n' ) );
	if ( !opts.api ) {
		throw new DeployError( 'missing --api https://example.org/w/api.php' );
	}
	if ( !opts.allowDirty && isDirty() ) {
		throw new DeployError( 'the work tree has uncommitted changes; commit them, or pass --allow-dirty' );
	}
	const manifest = await build( { quiet: true } );
	const def = readDefinition();
	const summary = commitSummary() + ( isDirty() ? ' (uncommitted changes)' : '' );
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
	const changes = [];
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

		// The languages page comes from the wiki itself (see scripts/lib/languages.mjs).
		const fromWiki = { languages: languagesPageText( await readVariants( bot ) ) };
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

		for ( const page of plan ) {
			const current = await readPage( bot, page.title );
			if ( current.exists && current.content.trimEnd() === page.text.trimEnd() ) {
				log( `unchanged  ${ page.title }` );
				continue;
			}
			if ( current.exists && page.createOnly ) {
				log( `kept       ${ page.title } (edited on the wiki; --replace-notices overwrites it)` );
				continue;
			}
			changes.push( page.title );
			if ( opts.dryRun ) {
				log( `${ current.exists ? 'would edit' : 'would create' } ${ page.title }` );
				log( indent( lineDiff( current.content, page.text ) ) );
				continue;
			}
			const res = await savePage( bot, page.title, page.text, current, summary, page.contentModel );
			log( `${ current.exists ? 'edited    ' : 'created   ' } ${ page.title } (revision ${ res.newrevid })` );
		}

		const defTitle = 'MediaWiki:Gadgets-definition';
		const definitionPage = await readPage( bot, defTitle );
		const merged = mergeDefinition( definitionPage.content, def );
		if ( merged === definitionPage.content ) {
			log( `unchanged  ${ defTitle }` );
		} else if ( !opts.definition ) {
			log( `warning: ${ defTitle } on the wiki differs from gadget-definition.txt; run with --definition to update it:` );
			log( indent( lineDiff( definitionPage.content, merged ) ) );
		} else if ( opts.dryRun ) {
			changes.push( defTitle );
			log( `would edit ${ defTitle }` );
			log( indent( lineDiff( definitionPage.content, merged ) ) );
		} else {
			changes.push( defTitle );
			const res = await savePage( bot, defTitle, merged, definitionPage, summary, 'wikitext' );
			log( `${ definitionPage.exists ? 'edited    ' : 'created   ' } ${ defTitle } (revision ${ res.newrevid })` );
		}
	} catch ( e ) {
		throw explain( e, opts.api );
	} finally {
		await bot.logout().catch( () => {} );
	}
	log( opts.dryRun ? `dry run: ${ changes.length } page(s) would change; nothing was saved` : `done: ${ changes.length } page(s) changed` );
	return changes;
}

function indent( text ) {
	return text.split( '\n' ).map( ( l ) => `    ${ l }` ).join( '\n' );
}

async function cli() {
	const { values } = parseArgs( {
		options: {
			api: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			definition: { type: 'boolean', default: false },
			'allow-dirty': { type: 'boolean', default: false },
			'replace-notices': { type: 'boolean', default: false },
			credentials: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	} );
	if ( values.help ) {
		const usage = fs.readFileSync( new URL( import.meta.url ), 'utf8' ).split( '\n' ).slice( 1, 5 );
		process.stdout.write( usage.map( ( l ) => l.replace( /^\/\/ ?/, '' ) ).join( '\n' ) + '\nCredentials: OAN_BOT_USER and OAN_BOT_PASSWORD, or .deploy-credentials.json, or --credentials FILE.\n' );
		return;
	}
	await deploy( {
		api: values.api,
		dryRun: values[ 'dry-run' ],
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
