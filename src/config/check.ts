// Checks a draft of the notices data before it is saved: every problem, each as a message key with
// the field's path. The rules are schema/notices.schema.json, run by the validation code ajv
// generates from it at build time (scripts/lib/checker.mjs); this file turns ajv's errors into
// plain sentences and adds what a schema cannot say. The authoring gadget, the check command and
// deploy run it; the reader's page does not (it only guards what it reads).
import validate, { SchemaError } from 'oan:notices-validator';
import { isObject } from './guard';
import { Checks, noticeProblems, savedRevisionsOf, Segments } from './noticeRules';
import { DATA_LANGUAGE_CODE, isImpossibleDate } from './patterns';

export interface Problem {
	/** Where: a JSON path such as `notices[0].revision`; '' for the page as a whole. */
	path: string;
	/** A message key in i18n/en.json (prefix `oan-check-`); its $1 is always the path. */
	key: string;
	/** The message's parameters after the path ($2, $3, ...), as strings. */
	params: string[];
}

export interface CheckContext {
	/** The page as saved on the wiki (parsed JSON), to catch a notice's revision going backwards; absent or null: not checked. */
	saved?: unknown;
	/** Whether MediaWiki knows a language code; absent: language codes are checked by pattern only. */
	isKnownLanguage?: ( code: string ) => boolean;
}

type Fields = Record<string, unknown>;

/** A problem and where its value sits in the page (for document order). */
interface Found extends Problem {
	order: number;
}

/**
 * The kinds of value the schema defines in $defs, each with the message that names it: a wrong
 * type or pattern of such a value says what it should be ("must be a date such as 2021-09-13").
 */
const KINDS: Record<string, string> = {
	date: 'oan-check-date',
	languageCode: 'oan-check-language-code',
	text: 'oan-check-text',
	page: 'oan-check-page',
	noticeId: 'oan-check-notice-id',
	group: 'oan-check-group',
	wiki: 'oan-check-wiki',
	userName: 'oan-check-user-name'
};

/** The JSON types the schema uses, each with its message. */
const TYPES: Record<string, string> = {
	object: 'oan-check-type-object',
	array: 'oan-check-type-array',
	string: 'oan-check-type-string',
	integer: 'oan-check-type-integer',
	number: 'oan-check-type-number'
};

function has( object: Fields, key: string ): boolean {
	return Object.prototype.hasOwnProperty.call( object, key );
}

/** The readable path of JSON-pointer segments in `data`: `notices[0].title.zh-hant`. */
function pathOf( data: unknown, segments: string[] ): string {
	let node = data;
	let out = '';
	for ( const part of segments ) {
		if ( Array.isArray( node ) ) {
			out += `[${ part }]`;
		} else if ( /^[A-Za-z_$][\w$-]*$/.test( part ) ) {
			out += out ? `.${ part }` : part;
		} else {
			out += `[${ JSON.stringify( part ) }]`;
		}
		node = isObject( node ) || Array.isArray( node ) ? ( node as Fields )[ part ] : undefined;
	}
	return out;
}

/** A field name as one segment of a JSON pointer. */
function segment( name: unknown ): string {
	return String( name ).replace( /~/g, '~0' ).replace( /\//g, '~1' );
}

function segmentsOf( pointer: string ): string[] {
	return pointer === '' ? [] : pointer.slice( 1 ).split( '/' ).map( ( s ) => s.replace( /~1/g, '/' ).replace( /~0/g, '~' ) );
}

/**
 * Each value's place in the page, by JSON pointer, in the order a reader of the page meets them;
 * a pointer to something absent (a missing field) takes the place of its nearest present parent.
 */
function documentOrder( data: unknown ): ( pointer: string ) => number {
	const order: Record<string, number> = {};
	let next = 0;
	const walk = ( node: unknown, pointer: string ): void => {
		order[ pointer ] = next++;
		if ( Array.isArray( node ) || isObject( node ) ) {
			for ( const key of Object.keys( node ) ) {
				walk( ( node as Fields )[ key ], `${ pointer }/${ segment( key ) }` );
			}
		}
	};
	walk( data, '' );
	return ( pointer ) => {
		let p = pointer;
		while ( !has( order, p ) ) {
			p = p.slice( 0, p.lastIndexOf( '/' ) );
		}
		return order[ p ];
	};
}

function kindOf( error: SchemaError ): string | undefined {
	const m = /^#\/\$defs\/([^/]+)\/[^/]+$/.exec( error.schemaPath );
	return m ? KINDS[ m[ 1 ] ] : undefined;
}

function stringsOf( value: unknown ): string {
	return Array.isArray( value ) ? value.map( String ).join( ', ' ) : String( value );
}

/** One of ajv's errors as a problem: which field, which message, its parameters. */
function fromSchemaError( error: SchemaError ): { pointer: string; key: string; params: string[] } | null {
	const p = error.params;
	const kind = kindOf( error );
	switch ( error.keyword ) {
		case 'required':
			return { pointer: `${ error.instancePath }/${ segment( p.missingProperty ) }`, key: 'oan-check-missing', params: [] };
		case 'additionalProperties': {
			const known = Object.keys( ( error.parentSchema && error.parentSchema.properties ) || {} );
			return { pointer: `${ error.instancePath }/${ segment( p.additionalProperty ) }`, key: 'oan-check-unknown-field', params: [ known.join( ', ' ) ] };
		}
		case 'propertyNames':
			return { pointer: `${ error.instancePath }/${ segment( p.propertyName ) }`, key: 'oan-check-language-key', params: [ String( p.propertyName ) ] };
		case 'type':
			if ( error.instancePath === '' ) {
				return { pointer: '', key: 'oan-check-page-type', params: [] };
			}
			return kind ? { pointer: error.instancePath, key: kind, params: [] } :
				TYPES[ String( p.type ) ] ? { pointer: error.instancePath, key: TYPES[ String( p.type ) ], params: [] } :
					{ pointer: error.instancePath, key: 'oan-check-type', params: [ stringsOf( p.type ) ] };
		case 'pattern':
			return { pointer: error.instancePath, key: kind || 'oan-check-pattern', params: kind ? [] : [ String( p.pattern ) ] };
		case 'minLength':
			return { pointer: error.instancePath, key: 'oan-check-too-short', params: [ String( p.limit ) ] };
		case 'maxLength':
			return { pointer: error.instancePath, key: 'oan-check-too-long', params: [ String( p.limit ) ] };
		case 'enum':
			return { pointer: error.instancePath, key: 'oan-check-enum', params: [ stringsOf( p.allowedValues ) ] };
		case 'minimum':
			return { pointer: error.instancePath, key: 'oan-check-minimum', params: [ String( p.limit ) ] };
		case 'maximum':
			return { pointer: error.instancePath, key: 'oan-check-maximum', params: [ String( p.limit ) ] };
		default:
			return { pointer: error.instancePath, key: 'oan-check-schema', params: [ error.keyword ] };
	}
}

/** The schema's problems, in document order. */
function schemaProblems( data: unknown, orderOf: ( pointer: string ) => number ): Found[] {
	validate( data );
	const found: Found[] = [];
	const errors = validate.errors || [];
	// A key that is not a language code: ajv reports the key's pattern and then propertyNames; the latter says it.
	// A value that breaks its kind's pattern: that message says more than "too short".
	const patternAt = errors.filter( ( e ) => e.keyword === 'pattern' && !e.propertyName && kindOf( e ) ).map( ( e ) => e.instancePath );
	for ( const error of errors ) {
		if ( error.propertyName !== undefined || ( error.keyword === 'minLength' && patternAt.includes( error.instancePath ) ) ) {
			continue;
		}
		const problem = fromSchemaError( error );
		const where = problem && pathOf( data, segmentsOf( problem.pointer ) );
		if ( problem && !found.some( ( f ) => f.key === problem.key && f.path === where ) ) {
			found.push( { path: where as string, key: problem.key, params: problem.params, order: orderOf( problem.pointer ) } );
		}
	}
	return found;
}

/** What the schema cannot say, on whatever parts of the data have the right shape. */
function codeProblems( data: unknown, context: CheckContext, orderOf: ( pointer: string ) => number ): Found[] {
	const found: Found[] = [];
	if ( !isObject( data ) || !Array.isArray( data.notices ) ) {
		return found;
	}
	const known = context.isKnownLanguage;
	const add = ( segments: Segments, key: string, params: string[] ): void => {
		const s = segments.map( String );
		found.push( { path: pathOf( data, s ), key, params, order: orderOf( s.map( ( x ) => `/${ segment( x ) }` ).join( '' ) ) } );
	};
	const language = ( segments: Segments, code: unknown ): void => {
		if ( known && typeof code === 'string' && DATA_LANGUAGE_CODE.test( code ) && !known( code ) ) {
			add( segments, 'oan-check-unknown-language', [ code ] );
		}
	};
	const checks: Checks = {
		add,
		language,
		localized: ( segments, value ) => {
			if ( isObject( value ) ) {
				Object.keys( value ).forEach( ( code ) => language( segments.concat( code ), code ) );
			}
		},
		date: ( segments, value ) => {
			if ( typeof value === 'string' && isImpossibleDate( value ) ) {
				add( segments, 'oan-check-no-such-date', [ value ] );
			}
		}
	};
	const savedRevisions = savedRevisionsOf( context.saved );
	const firstWithId: Record<string, number> = {};
	data.notices.forEach( ( n, i ) => {
		if ( !isObject( n ) ) {
			return;
		}
		const at = [ 'notices', i ];
		if ( typeof n.id === 'string' ) {
			if ( has( firstWithId, n.id ) ) {
				add( at.concat( 'id' ), 'oan-check-duplicate-id', [ n.id, `notices[${ firstWithId[ n.id ] }]` ] );
			} else {
				firstWithId[ n.id ] = i;
			}
			if ( Number.isInteger( n.revision ) && has( savedRevisions, n.id ) && ( n.revision as number ) < savedRevisions[ n.id ] ) {
				add( at.concat( 'revision' ), 'oan-check-revision-lower', [ String( n.revision ), String( savedRevisions[ n.id ] ) ] );
			}
		}
		noticeProblems( n, at, checks );
	} );
	return found;
}

function inDocumentOrder( found: Found[] ): Problem[] {
	return found
		.map( ( f, i ) => ( { f, i } ) )
		.sort( ( a, b ) => a.f.order - b.f.order || a.i - b.i )
		.map( ( x ) => ( { path: x.f.path, key: x.f.key, params: x.f.params } ) );
}

/** Every problem of the notices data, schema rules first (in document order), then the rules a schema cannot say. */
export function checkNotices( data: unknown, context?: CheckContext ): Problem[] {
	const orderOf = documentOrder( data );
	return inDocumentOrder( schemaProblems( data, orderOf ) ).concat( inDocumentOrder( codeProblems( data, context || {}, orderOf ) ) );
}
