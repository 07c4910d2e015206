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
import { NOTICES_PAGE } from './lib/definition.mjs';
import { failure, statementClient, updateNoticesPage } from './lib/noticesCompleteness.mjs';
import { ROOT } from './lib/paths.mjs';
import { CompletenessError, updateNoticesText } from './lib/completeness.mjs';
import { login, readCredentials, ToolError } from './lib/wikiApi.mjs';

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
		const wiki = await login( values.save, credentials, 'translations' );
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
		process.stderr.write( `translations failed: ${ e instanceof CompletenessError || e instanceof ToolError ? e.message : e.stack || e }\n` );
		process.exit( 1 );
	} );
}
