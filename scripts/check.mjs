#!/usr/bin/env node
// Checks notices data, a file or a wiki's live page, with the checker the authoring gadget and
// deploy run (src/config/check.ts and the code generated from schema/notices.schema.json, see
// scripts/lib/checker.mjs). One line per problem, then a summary; `--help` lists the options.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { checkData, knownLanguages, pageText, parseNoticesText, reportLines } from './lib/checker.mjs';
import { NOTICES_PAGE } from './lib/definition.mjs';
import { apiGetter, ToolError } from './lib/wikiApi.mjs';

/** A usage error: exit 2, as a network error (a ToolError) is (problems in the data are exit 1). */
export class CheckError extends ToolError {}

/** The command line's options, for parseArgs (and the docs' check that they name only these). */
export const OPTIONS = {
	api: { type: 'string' },
	help: { type: 'boolean', default: false }
};

export const HELP = `Usage: npm run check -- FILE
       npm run check -- --api https://example.org/w/api.php
       npm run check -- FILE --api https://example.org/w/api.php

Checks notices data against schema/notices.schema.json and the rules a schema cannot say
(real calendar days, end before start, ids and languages listed twice), with the same code
as deploy and the authoring gadget. Prints one line per problem, then a summary.

  FILE        a file of notices data (data/notices.json, or a draft)
  --api URL   a wiki's api.php: language codes are checked against the ones it knows.
              Without FILE, its live page (the notices page the gadget definition names)
              is checked. With FILE, the file is checked and compared with the live page
              as well: a notice's revision must not go down.
  --help      this text

Exit status: 0 valid, 1 problems (a JSON syntax error included), 2 usage or network error.
`;

/**
 * Runs the check the command line asks for.
 *
 * @param {Object} opts
 * @param {string} [opts.file]
 * @param {string} [opts.api]
 * @param {Function} [opts.log] receives each output line
 * @return {Promise<number>} the exit status: 0 valid, 1 problems
 */
export async function check( { file, api, log = ( l ) => process.stdout.write( l + '\n' ) } ) {
	if ( !file && !api ) {
		throw new CheckError( 'give a FILE, or --api URL, or both; see --help' );
	}
	let text;
	if ( file ) {
		try {
			text = fs.readFileSync( file, 'utf8' );
		} catch ( e ) {
			throw new CheckError( `cannot read ${ file } (${ e.code || e.message })` );
		}
	}
	const wiki = {};
	let what = file;
	if ( api ) {
		const request = apiGetter( api, 'check' );
		const [ languages, live ] = await Promise.all( [ knownLanguages( request ), pageText( request, NOTICES_PAGE ) ] );
		wiki.languages = languages;
		if ( file ) {
			wiki.savedText = live;
		} else if ( live === null ) {
			throw new CheckError( `${ NOTICES_PAGE } does not exist on that wiki yet; deploy creates it` );
		} else {
			text = live;
			what = NOTICES_PAGE;
		}
	}
	const parsed = parseNoticesText( text );
	if ( 'error' in parsed ) {
		log( `${ what }: ${ parsed.error }` );
		return 1;
	}
	const problems = await checkData( parsed.data, wiki );
	reportLines( problems, what ).forEach( ( l ) => log( l ) );
	return problems.length ? 1 : 0;
}

async function cli() {
	let values;
	let positionals;
	try {
		( { values, positionals } = parseArgs( { options: OPTIONS, allowPositionals: true } ) );
	} catch ( e ) {
		throw new CheckError( `${ e.message }; see --help` );
	}
	if ( values.help ) {
		process.stdout.write( HELP );
		return 0;
	}
	if ( positionals.length > 1 ) {
		throw new CheckError( 'give one FILE at a time; see --help' );
	}
	return check( { file: positionals[ 0 ], api: values.api } );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	cli().then( ( code ) => {
		process.exitCode = code;
	}, ( e ) => {
		process.stderr.write( `check failed: ${ e instanceof ToolError ? e.message : e.stack || e }\n` );
		process.exitCode = 2;
	} );
}
