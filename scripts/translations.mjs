#!/usr/bin/env node
// The statement's translations and how complete each is, read from Translate's statistics on the
// statement's wiki (see src/completeness/); prints them, or writes them into the
// notices data: a file, or a wiki's notices page. Usage:
//   npm run translations -- --api <statement wiki api.php> [--notice ID]    prints them
//   npm run translations -- --api … --write data/notices.json              rewrites the file
//   npm run translations -- --api … --save <wiki api.php> [--credentials FILE]
//                                     saves that wiki's notices page (bot password as for deploy)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Mwn } from './lib/mwnFarm.mjs';
import { DeployError, explain, readCredentials, readPage, savePage } from './deploy.mjs';
import { ROOT } from './lib/paths.mjs';
import { NoticesDataError, CompletenessError, updateNoticesText } from './lib/completeness.mjs';

/** The on-wiki notices data, as deploy creates it. */
export const NOTICES_PAGE = 'MediaWiki:Gadget-office-action-notice-notices.json';

const USER_AGENT = 'office-action-notice-translations (MediaWiki gadget tool)';

/** A client for the statement's wiki: reading, no login. */
export function statementClient( api ) {
	return new Mwn( { apiUrl: api, userAgent: USER_AGENT, silent: true, maxRetries: 0, defaultParams: { maxlag: undefined } } );
}

/**
 * The message of any failure, with where it came from: the data (a file, a wiki's page) or the
 * API.
 */
function failure( e, api, data ) {
	if ( e instanceof NoticesDataError ) {
		return new CompletenessError( `${ data }: ${ e.message }` );
	}
	return e instanceof CompletenessError ? new CompletenessError( `${ api }: ${ e.message }` ) : explain( e, api );
}

/**
 * Brings a wiki's notices page up to date with the statement wiki's statistics, and saves it
 * when a number changed (with basetimestamp: an edit made meanwhile is a conflict, never
 * overwritten).
 *
 * @param {Object} opts
 * @param {Object} opts.statement client of the statement's wiki (statementClient)
 * @param {string} opts.statementApi its api.php, for messages
 * @param {Object} opts.wiki logged-in mwn client of the wiki whose notices page it is
 * @param {string} opts.wikiApi its api.php, for messages
 * @param {string} [opts.notice] only this notice
 * @param {Object} [opts.stats] options for fetchPageStats
 * @return {Promise<{changes: string[], report: string[], saved: (number|null)}>} saved: the new revision
 */
export async function updateNoticesPage( opts ) {
	let current;
	try {
		current = await readPage( opts.wiki, NOTICES_PAGE );
	} catch ( e ) {
		throw failure( e, opts.wikiApi );
	}
	if ( !current.exists ) {
		throw new CompletenessError( `${ opts.wikiApi }: there is no ${ NOTICES_PAGE }; deploy the gadget first` );
	}
	let result;
	try {
		result = await updateNoticesText( current.content, opts.statement, { notice: opts.notice, stats: opts.stats } );
	} catch ( e ) {
		throw failure( e, opts.statementApi, `${ NOTICES_PAGE } on ${ opts.wikiApi }` );
	}
	if ( result.text === current.content ) {
		return { ...result, saved: null };
	}
	try {
		const res = await savePage( opts.wiki, NOTICES_PAGE, result.text, current, `Statement translations from Translate's statistics: ${ result.changes.join( '; ' ) }`, 'json' );
		return { ...result, saved: res.newrevid };
	} catch ( e ) {
		throw failure( e, opts.wikiApi );
	}
}

/** The command's options (node:util parseArgs); the docs test checks the docs name only these. */
export const OPTIONS = {
	api: { type: 'string' },
	write: { type: 'string' },
	save: { type: 'string' },
	notice: { type: 'string' },
	credentials: { type: 'string' },
	help: { type: 'boolean', default: false }
};

async function cli() {
	const { values } = parseArgs( { options: OPTIONS } );
	if ( values.help ) {
		const usage = fs.readFileSync( new URL( import.meta.url ), 'utf8' ).split( '\n' ).slice( 1, 8 );
		process.stdout.write( usage.map( ( l ) => l.replace( /^\/\/ ?/, '' ) ).join( '\n' ) + '\nCredentials for --save: OAN_BOT_USER and OAN_BOT_PASSWORD, or .deploy-credentials.json, or --credentials FILE.\n' );
		return;
	}
	if ( !values.api ) {
		throw new CompletenessError( 'missing --api <the statement wiki\'s api.php>' );
	}
	const statement = statementClient( values.api );
	const log = ( line ) => process.stdout.write( `${ line }\n` );
	if ( values.save ) {
		const credentials = readCredentials( values.credentials );
		const wiki = new Mwn( {
			apiUrl: values.save, username: credentials.username, password: credentials.password, userAgent: USER_AGENT,
			silent: true, maxRetries: 0, defaultParams: { assert: 'user', maxlag: undefined }
		} );
		try {
			await wiki.login();
		} catch ( e ) {
			throw failure( e, values.save );
		}
		try {
			const result = await updateNoticesPage( { statement, statementApi: values.api, wiki, wikiApi: values.save, notice: values.notice } );
			result.report.forEach( log );
			log( result.saved ? `saved ${ NOTICES_PAGE } on ${ values.save } (revision ${ result.saved }): ${ result.changes.join( '; ' ) }` : `unchanged ${ NOTICES_PAGE } on ${ values.save }` );
		} finally {
			await wiki.logout().catch( () => {} );
		}
	}
	if ( values.write || !values.save ) {
		const file = path.resolve( values.write || path.join( ROOT, 'data/notices.json' ) );
		let text;
		try {
			text = fs.readFileSync( file, 'utf8' );
		} catch ( e ) {
			throw new CompletenessError( `cannot read ${ file }: ${ e.code || e.message }` );
		}
		const shown = path.relative( process.cwd(), file );
		let result;
		try {
			result = await updateNoticesText( text, statement, { notice: values.notice } );
		} catch ( e ) {
			throw failure( e, values.api, shown );
		}
		result.report.forEach( log );
		if ( !values.write ) {
			log( result.text === text ? `${ shown } has these numbers` : `${ shown } differs (--write ${ shown } updates it): ${ result.changes.join( '; ' ) }` );
		} else if ( result.text === text ) {
			log( `unchanged ${ shown }` );
		} else {
			fs.writeFileSync( file, result.text );
			log( `wrote ${ shown }: ${ result.changes.join( '; ' ) }` );
		}
	}
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	cli().catch( ( e ) => {
		process.stderr.write( `translations failed: ${ e instanceof CompletenessError || e instanceof DeployError ? e.message : e.stack || e }\n` );
		process.exit( 1 );
	} );
}
