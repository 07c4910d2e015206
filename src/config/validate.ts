// Checks the notices data from the wiki, field by field, with small combinators: each check takes
// a value and its field path, returns the value to keep, or throws a FieldError naming the field.
// This runs on every page view, so the rules are data (the shapes below), not code per field.
import { ACCOUNT_ACTIONS, Notice, NoticesData, RestrictedGroup } from './types';

export interface ValidationResult {
	data: NoticesData;
	/** One line per rejected item, naming the field that is wrong. */
	warnings: string[];
}

/** Thrown inside the validator only; never escapes `validateNoticesData`. */
class FieldError extends Error {}

type Check = ( value: unknown, field: string ) => unknown;
type Fields = Record<string, unknown>;

function fail( field: string, why: string ): never {
	throw new FieldError( `${ field } ${ why }` );
}

function isObject( value: unknown ): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

/** A string that matches the pattern, or the field is wrong for the reason given. */
const matching = ( re: RegExp, what: string ): Check => ( v, f ) => typeof v === 'string' && re.test( v ) ? v : fail( f, `must be ${ what }` );

const oneOf = ( values: readonly string[] ): Check => ( v, f ) => !values.includes( v as string ) ? fail( f, `must be one of ${ values.join( ', ' ) }` ) : v;

/** Absent: the default (or nothing); present: checked. */
const optional = ( check: Check, fallback?: unknown ): Check => ( v, f ) => v === undefined ? fallback : check( v, f );

const list = ( item: Check ): Check => ( v, f ) => Array.isArray( v ) ? v.map( ( x, i ) => item( x, `${ f }[${ i }]` ) ) : fail( f, 'must be a list' );

/** An object with these fields, checked in this order (the first wrong one is named); `after` checks across fields. */
const shape = ( fields: Record<string, Check>, after?: ( out: Fields, f: string ) => void ): Check => ( v, f ) => {
	if ( !isObject( v ) ) {
		fail( f, 'must be an object' );
	}
	const out: Fields = {};
	for ( const key of Object.keys( fields ) ) {
		const value = fields[ key ]( v[ key ], `${ f }.${ key }` );
		if ( value !== undefined ) {
			out[ key ] = value;
		}
	}
	if ( after ) {
		after( out, f );
	}
	return out;
};

// Control characters other than tab and newline, bidirectional embeddings, overrides and
// isolates (in a notice they could only disguise text), and lone UTF-16 surrogates.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

const text = ( max = 2000 ): Check => ( v, f ) => {
	if ( typeof v !== 'string' || !v.trim() ) {
		fail( f, 'must be a non-empty string' );
	}
	if ( v.length > max ) {
		fail( f, `is longer than ${ max } characters` );
	}
	return UNSAFE_TEXT.test( v ) ? fail( f, 'holds a control, bidi or lone surrogate character' ) : v;
};

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const languageCode = matching( LANGUAGE_CODE, 'a language code' );
const anyText = text();

/** Text per language code; English is the last fallback, so it must be there. */
const localized: Check = ( v, f ) => {
	if ( !isObject( v ) ) {
		fail( f, 'must be an object' );
	}
	const out: Fields = {};
	for ( const key of Object.keys( v ) ) {
		out[ languageCode( key, `${ f } key "${ key }"` ) as string ] = anyText( v[ key ], `${ f }.${ key }` );
	}
	return out.en ? out : fail( `${ f }.en`, 'is missing' );
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO 8601 date of a real day (Date.parse would roll 2021-02-30 over into March). */
const date: Check = ( v, f ) => {
	const [ y, m, d ] = String( v ).slice( 0, 10 ).split( '-' ).map( Number );
	const day = new Date( Date.UTC( y, m - 1, d ) );
	return typeof v === 'string' && ISO_DATE.test( v ) && !isNaN( Date.parse( v ) ) && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ?
		v : fail( f, 'must be a date (YYYY-MM-DD)' );
};

// Characters MediaWiki never allows in a title (see $wgLegalTitleChars) and entities; relative
// path segments (a browser would resolve them and the link would leave the page it names) and
// signatures; URLs, protocols, a leading slash and outer white space.
// eslint-disable-next-line no-control-regex
const NOT_A_TITLE = /[#<>[\]|{}\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\x80-\uffff]+;|~~~|^\s|\s$|^\/|^[a-z][a-z0-9+.-]*:\/\/|^(javascript|data|vbscript|file|blob):/i;
const RELATIVE = /^\.\.?$|^\.\.?\/|\/\.\.?\/|\/\.\.?$/;
const shortText = text( 255 );

/** A wiki page name, optionally with an interwiki prefix such as "m:"; never a URL. */
const pageName: Check = ( v, f ) => {
	const name = shortText( v, f ) as string;
	return NOT_A_TITLE.test( name ) || RELATIVE.test( name ) || RELATIVE.test( name.replace( /^[^:]*:/, '' ) ) ?
		fail( f, 'must be a wiki page name, not a URL' ) : name;
};

// eslint-disable-next-line no-control-regex
const userName: Check = ( v, f ) => /[#<>[\]|{}/@:\u0000-\u001f\u007f]/.test( shortText( v, f ) as string ) ? fail( f, 'is not a valid user name' ) : v;

const GROUP = matching( /^[a-z0-9_-]{1,64}$/, 'a group name' );

const percent: Check = ( v, f ) => typeof v === 'number' && v >= 0 && v <= 100 ? v : fail( f, 'must be a number from 0 to 100' );

/** The statement: the original's page and language, and its translations, each language once. */
const statement: Check = shape( {
	page: pageName,
	language: optional( languageCode, 'en' ),
	translations: optional( list( shape( { language: languageCode, complete: percent, page: optional( pageName ) } ) ), [] )
}, ( s, f ) => {
	const seen = [ s.language ];
	( s.translations as Fields[] ).forEach( ( t, i ) => {
		if ( seen.includes( t.language ) ) {
			fail( `${ f }.translations[${ i }].language`, `"${ t.language }" is listed twice` );
		}
		seen.push( t.language );
		t.page = t.page || `${ s.page }/${ t.language }`;
	} );
} );

const notice: Check = shape( {
	id: matching( /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1-64 of A-Z a-z 0-9 . _ -' ),
	revision: ( v, f ) => typeof v === 'number' && v >= 1 && v % 1 === 0 ? v : fail( f, 'must be a whole number from 1' ),
	title: localized,
	summary: localized,
	published: date,
	updates: optional( list( shape( { date, text: localized } ) ), [] ),
	statement,
	target: optional( shape( {
		users: optional( oneOf( [ 'all', 'anonymous', 'loggedin' ] ), 'all' ),
		wikis: optional( list( matching( /^[a-z0-9_-]{1,64}$/, 'a database name' ) ) ),
		contentLanguages: optional( list( languageCode ) ),
		namespaces: optional( list( ( v, f ) => typeof v === 'number' && v % 1 === 0 ? v : fail( f, 'must be a namespace number' ) ) ),
		groups: optional( list( GROUP ) )
	} ), { users: 'all' } ),
	accounts: optional( list( shape( { name: userName, action: oneOf( ACCOUNT_ACTIONS ), date, note: optional( localized ) } ) ), [] ),
	start: optional( date ),
	end: optional( date )
}, ( n, f ) => {
	if ( n.start && n.end && Date.parse( n.end as string ) < Date.parse( n.start as string ) ) {
		fail( `${ f }.end`, 'is before start' );
	}
} );

const restrictedGroup: Check = shape( { group: GROUP, kind: oneOf( [ 'nonpublic', 'office-action' ] ), policy: pageName } );

/**
 * Checks notices data from the wiki. Every invalid notice or restricted group is dropped
 * with one warning naming the wrong field; the rest is kept. Never throws.
 *
 * @param raw parsed JSON (anything)
 */
export function validateNoticesData( raw: unknown ): ValidationResult {
	const warnings: string[] = [];
	const data: NoticesData = { notices: [], restrictedGroups: [] };
	if ( !isObject( raw ) ) {
		warnings.push( 'notices data must be a JSON object with a "notices" list; nothing is shown' );
		return { data, warnings };
	}
	const each = ( field: 'notices' | 'restrictedGroups', check: Check, keep: ( v: Fields, f: string ) => void ): void => {
		const value = raw[ field ];
		if ( value !== undefined && !Array.isArray( value ) ) {
			warnings.push( `${ field } must be a list; ignored` );
			return;
		}
		( ( value || [] ) as unknown[] ).forEach( ( v, i ) => {
			const f = `${ field }[${ i }]`;
			try {
				keep( check( v, f ) as Fields, f );
			} catch ( e ) {
				if ( !( e instanceof FieldError ) ) {
					throw e;
				}
				warnings.push( `${ e.message }; skipped` );
			}
		} );
	};
	const ids: unknown[] = [];
	each( 'notices', notice, ( n, f ) => {
		if ( ids.includes( n.id ) ) {
			warnings.push( `${ f }.id "${ n.id }" is used twice; skipped` );
			return;
		}
		ids.push( n.id );
		data.notices.push( n as unknown as Notice );
	} );
	each( 'restrictedGroups', restrictedGroup, ( g ) => {
		data.restrictedGroups.push( g as unknown as RestrictedGroup );
	} );
	return { data, warnings };
}

/** Parses the JSON text of the notices page (for callers that hold text, not an object). */
export function parseNoticesJson( json: string ): ValidationResult {
	let raw: unknown;
	try {
		raw = JSON.parse( json );
	} catch ( e ) {
		return { data: { notices: [], restrictedGroups: [] }, warnings: [ `notices data is not valid JSON (${ ( e as Error ).message }); nothing is shown` ] };
	}
	return validateNoticesData( raw );
}
