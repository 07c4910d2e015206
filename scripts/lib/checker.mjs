// The notices checker: ajv's standalone validation code, generated from schema/notices.schema.json
// when a bundle is built (the esbuild plugin below answers `import validate from
// 'oan:notices-validator'`), and src/config/check.ts around it. The build, the check command and
// deploy all bundle that same check.ts with this plugin, so the schema is the one source of rules.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { ROOT } from './paths.mjs';
import { importSource } from './sourceModule.mjs';

export const SCHEMA_FILE = path.join( ROOT, 'schema/notices.schema.json' );
export const VALIDATOR_MODULE = 'oan:notices-validator';
export const CHECK_ENTRY = path.join( ROOT, 'src/config/check.ts' );

/**
 * The validation code for the schema: an ES module whose default export is ajv's validate
 * function (errors in `validate.errors`). Strict mode, so a keyword ajv does not know or a
 * `required` field the schema does not define fails here, at build time; every error reported,
 * with its schema (`verbose`), so check.ts can name the fields an object may have.
 *
 * @param {string} [schemaFile]
 * @return {string}
 */
export function validatorSource( schemaFile = SCHEMA_FILE ) {
	const schema = JSON.parse( fs.readFileSync( schemaFile, 'utf8' ) );
	const Ajv = Ajv2020.default;
	const ajv = new Ajv( {
		strict: true,
		allErrors: true,
		verbose: true,
		messages: false,
		code: { source: true, esm: true, lines: true }
	} );
	return standaloneCode.default( ajv, ajv.compile( schema ) );
}

/** The esbuild plugin for bundles that import `oan:notices-validator`. */
export function validatorPlugin( schemaFile = SCHEMA_FILE ) {
	return {
		name: 'oan-notices-validator',
		setup( pluginBuild ) {
			pluginBuild.onResolve( { filter: /^oan:notices-validator$/ }, () => ( { path: 'notices-validator', namespace: 'oan-validator' } ) );
			// resolveDir: the generated code requires ajv's small runtime helpers (ucs2length).
			pluginBuild.onLoad( { filter: /.*/, namespace: 'oan-validator' }, () => ( {
				contents: validatorSource( schemaFile ), loader: 'js', resolveDir: ROOT, watchFiles: [ schemaFile ]
			} ) );
		}
	};
}

let loaded = null;

/**
 * src/config/check.ts bundled for Node with the generated validator (scripts/lib/sourceModule.mjs):
 * the Node tools run exactly the code the wiki's authoring gadget runs.
 *
 * @return {Promise<{checkNotices: Function}>}
 */
export function loadChecker() {
	if ( !loaded ) {
		loaded = importSource( [ path.relative( ROOT, CHECK_ENTRY ) ], [ validatorPlugin() ] );
	}
	return loaded;
}

/** The English messages (i18n/en.json). */
export function englishMessages() {
	return JSON.parse( fs.readFileSync( path.join( ROOT, 'i18n/en.json' ), 'utf8' ) );
}

/**
 * One problem as a line: `path: sentence`, the message's $1 the path, $2… its params.
 *
 * @param {{path: string, key: string, params: string[]}} problem
 * @param {Object<string, string>} messages
 * @return {string}
 */
export function formatProblem( problem, messages ) {
	const text = messages[ problem.key ];
	if ( text === undefined ) {
		return `${ problem.path || '(page)' }: ${ problem.key } ${ problem.params.join( ' ' ) }`;
	}
	const args = [ problem.path, ...problem.params ];
	const sentence = text.replace( /\$(\d+)/g, ( m, n ) => args[ Number( n ) - 1 ] ?? m );
	return problem.path && !sentence.startsWith( problem.path ) ? `${ problem.path }: ${ sentence }` : sentence;
}

/** Where JSON text cannot go on: the readers below throw, jsonErrorAt catches (as it catches a nesting too deep). */
function stop() {
	throw new RangeError( 'not JSON from here' );
}

/** The readers of JSON text below share one cursor: `{ text, at }`. */
function skipSpace( cursor ) {
	while ( /[ \t\n\r]/.test( cursor.text[ cursor.at ] || '' ) ) {
		cursor.at++;
	}
}

function readToken( cursor, re ) {
	re.lastIndex = cursor.at;
	const m = re.exec( cursor.text );
	if ( !m ) {
		stop();
	}
	cursor.at += m[ 0 ].length;
}

function readString( cursor ) {
	cursor.at++;
	for ( ;; ) {
		const c = cursor.text[ cursor.at ];
		if ( c === '"' ) {
			cursor.at++;
			return;
		}
		if ( c === undefined || c < ' ' ) {
			stop();
		}
		if ( c === '\\' ) {
			readToken( cursor, /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y );
		} else {
			cursor.at++;
		}
	}
}

/** An object's or array's items, each read by `item`, up to `close`. */
function readList( cursor, close, item ) {
	cursor.at++;
	skipSpace( cursor );
	if ( cursor.text[ cursor.at ] === close ) {
		cursor.at++;
		return;
	}
	for ( ;; ) {
		item();
		skipSpace( cursor );
		if ( cursor.text[ cursor.at ] === ',' ) {
			cursor.at++;
		} else if ( cursor.text[ cursor.at ] === close ) {
			cursor.at++;
			return;
		} else {
			stop();
		}
	}
}

function readMember( cursor ) {
	skipSpace( cursor );
	if ( cursor.text[ cursor.at ] !== '"' ) {
		stop();
	}
	readString( cursor );
	skipSpace( cursor );
	if ( cursor.text[ cursor.at ] !== ':' ) {
		stop();
	}
	cursor.at++;
	readValue( cursor );
}

function readValue( cursor ) {
	skipSpace( cursor );
	const c = cursor.text[ cursor.at ];
	if ( c === '{' ) {
		readList( cursor, '}', () => readMember( cursor ) );
	} else if ( c === '[' ) {
		readList( cursor, ']', () => readValue( cursor ) );
	} else if ( c === '"' ) {
		readString( cursor );
	} else {
		readToken( cursor, /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y );
	}
}

/**
 * Where JSON text stops being JSON: the offset of the first character that cannot be there (the
 * text's length when it ends too soon), or -1 when it is JSON. JSON.parse's own messages name no
 * position for some errors, and a snippet for others.
 *
 * @param {string} text
 * @return {number}
 */
export function jsonErrorAt( text ) {
	const cursor = { text, at: 0 };
	try {
		readValue( cursor );
		skipSpace( cursor );
		if ( cursor.at < text.length ) {
			stop();
		}
		return -1;
	} catch ( e ) {
		if ( e instanceof RangeError ) {
			return Math.min( cursor.at, text.length );
		}
		throw e;
	}
}

/**
 * Parses the text of a notices page. A syntax error is one line naming where it is.
 *
 * @param {string} text
 * @return {{data: unknown}|{error: string}}
 */
export function parseNoticesText( text ) {
	try {
		return { data: JSON.parse( text ) };
	} catch {
		const at = jsonErrorAt( text );
		const before = text.slice( 0, Math.max( at, 0 ) ).split( '\n' );
		const what = at >= text.length ? 'the text ends too soon' : `unexpected ${ JSON.stringify( String.fromCodePoint( text.codePointAt( at ) ) ) }`;
		return { error: `not valid JSON at line ${ before.length }, column ${ before[ before.length - 1 ].length + 1 }: ${ what }` };
	}
}

/**
 * The language codes a wiki knows (meta=languageinfo), following continuation: the API stops
 * after a time limit and says where to go on.
 *
 * @param {function(Object): Promise<Object>} request an Action API request (formatversion 2)
 * @return {Promise<Set<string>>}
 */
export async function knownLanguages( request ) {
	const codes = new Set();
	let cont = {};
	for ( ;; ) {
		const res = await request( { action: 'query', meta: 'languageinfo', liprop: 'code', formatversion: 2, ...cont } );
		for ( const code of Object.keys( res.query.languageinfo ) ) {
			codes.add( code );
		}
		if ( !res.continue ) {
			return codes;
		}
		cont = res.continue;
	}
}

/**
 * A page's current text, or null when it does not exist.
 *
 * @param {function(Object): Promise<Object>} request
 * @param {string} title
 * @return {Promise<string|null>}
 */
export async function pageText( request, title ) {
	const res = await request( { action: 'query', titles: title, prop: 'revisions', rvslots: 'main', rvprop: 'content', formatversion: 2 } );
	const page = res.query.pages[ 0 ];
	return page.missing || !page.revisions ? null : page.revisions[ 0 ].slots.main.content;
}

/**
 * Checks notices data; with `wiki`, against that wiki's languages and its saved page.
 *
 * @param {unknown} data parsed JSON
 * @param {Object} [wiki]
 * @param {Set<string>} [wiki.languages] the codes the wiki knows
 * @param {string|null} [wiki.savedText] the wiki's notices page (null: none yet)
 * @return {Promise<Array<{path: string, key: string, params: string[]}>>}
 */
export async function checkData( data, wiki = {} ) {
	const { checkNotices } = await loadChecker();
	const context = {};
	if ( wiki.languages ) {
		context.isKnownLanguage = ( code ) => wiki.languages.has( code );
	}
	if ( wiki.savedText ) {
		const saved = parseNoticesText( wiki.savedText );
		// A saved page that is not JSON has no revisions to compare with.
		context.saved = 'data' in saved ? saved.data : null;
	}
	return checkNotices( data, context );
}

/** The report's lines: one per problem, then the summary. */
export function reportLines( problems, what, messages = englishMessages() ) {
	const lines = problems.map( ( p ) => formatProblem( p, messages ) );
	lines.push( problems.length ?
		`${ what }: ${ problems.length } problem${ problems.length > 1 ? 's' : '' }` :
		`${ what }: valid, no problems` );
	return lines;
}
