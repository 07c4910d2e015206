import {
	ACCOUNT_ACTIONS, AccountAction, AffectedAccount, AudienceFilter, LocalizedText, Notice,
	NoticeTarget, NoticeUpdate, NoticesData, RestrictedGroup, RestrictionKind, Statement,
	StatementTranslation
} from './types';

export interface ValidationResult {
	data: NoticesData;
	/** One line per rejected item, naming the field that is wrong. */
	warnings: string[];
}

/** Thrown inside the validator only; never escapes `validateNoticesData`. */
class FieldError extends Error {}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// Characters MediaWiki never allows in a title (see $wgLegalTitleChars), and control characters.
// eslint-disable-next-line no-control-regex
const ILLEGAL_TITLE = /[#<>[\]|{}\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]|%[0-9A-Fa-f]{2}|&[A-Za-z0-9\x80-\uffff]+;/;
const MAX_TEXT = 2000;
const MAX_NAME = 255;
const GROUP = /^[a-z0-9_-]{1,64}$/;
const DBNAME = /^[a-z0-9_-]{1,64}$/;
const RESTRICTION_KINDS: readonly RestrictionKind[] = [ 'nonpublic', 'office-action' ];
const AUDIENCES: readonly AudienceFilter[] = [ 'all', 'anonymous', 'loggedin' ];

function isObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function fail( field: string, why: string ): never {
	throw new FieldError( `${ field } ${ why }` );
}

/** Whether a string holds a lone UTF-16 surrogate, which cannot be shown or sent. */
function hasLoneSurrogate( s: string ): boolean {
	return /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test( s );
}

// Control characters other than tab and newline, and bidirectional embeddings, overrides and
// isolates: in a notice they could only disguise text, never help it.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function text( value: unknown, field: string, max = MAX_TEXT ): string {
	if ( typeof value !== 'string' || !value.trim() ) {
		fail( field, 'must be a non-empty string' );
	}
	if ( value.length > max ) {
		fail( field, `is longer than ${ max } characters` );
	}
	if ( hasLoneSurrogate( value ) ) {
		fail( field, 'holds a lone surrogate' );
	}
	if ( UNSAFE_TEXT.test( value ) ) {
		fail( field, 'holds a control or bidi character' );
	}
	return value;
}

function languageCode( value: unknown, field: string ): string {
	if ( typeof value !== 'string' || !LANGUAGE_CODE.test( value ) ) {
		fail( field, 'must be a language code' );
	}
	return value;
}

function localized( value: unknown, field: string ): LocalizedText {
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const out: LocalizedText = {};
	for ( const key of Object.keys( value ) ) {
		out[ languageCode( key, `${ field } key "${ key }"` ) ] = text( value[ key ], `${ field }.${ key }` );
	}
	if ( !out.en ) {
		fail( `${ field }.en`, 'is missing' );
	}
	return out;
}

/** Whether YYYY-MM-DD names a real day (Date.parse rolls 2021-02-30 over into March). */
function realDay( value: string ): boolean {
	const [ y, m, d ] = value.slice( 0, 10 ).split( '-' ).map( Number );
	const day = new Date( Date.UTC( y, m - 1, d ) );
	return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function date( value: unknown, field: string ): string {
	if ( typeof value !== 'string' || !ISO_DATE.test( value ) || isNaN( Date.parse( value ) ) || !realDay( value ) ) {
		fail( field, 'must be a date (YYYY-MM-DD)' );
	}
	return value;
}

// Relative path segments, which MediaWiki never allows in a title (a browser would resolve them
// and the link would leave the page it names), and signatures.
const RELATIVE_TITLE = /^\.\.?$|^\.\.?\/|\/\.\.?\/|\/\.\.?$|~~~/;

/** A wiki page name, optionally with an interwiki prefix; never a URL. */
function pageName( value: unknown, field: string ): string {
	const name = text( value, field, MAX_NAME );
	if ( RELATIVE_TITLE.test( name.replace( /^[^:]*:/, '' ) ) || RELATIVE_TITLE.test( name ) || ILLEGAL_TITLE.test( name ) ||
		/^\s|\s$/.test( name ) || /^[a-z][a-z0-9+.-]*:\/\//i.test( name ) || /^(javascript|data|vbscript|file|blob):/i.test( name ) || name.startsWith( '/' ) ) {
		fail( field, 'must be a wiki page name, not a URL' );
	}
	return name;
}

function list( value: unknown, field: string ): unknown[] {
	if ( !Array.isArray( value ) ) {
		fail( field, 'must be a list' );
	}
	return value;
}

function optionalList<T>( value: unknown, field: string, item: ( v: unknown, f: string ) => T ): T[] | undefined {
	if ( value === undefined ) {
		return undefined;
	}
	return list( value, field ).map( ( v, i ) => item( v, `${ field }[${ i }]` ) );
}

function matching( re: RegExp, what: string ) {
	return ( v: unknown, f: string ): string => {
		if ( typeof v !== 'string' || !re.test( v ) ) {
			fail( f, `must be ${ what }` );
		}
		return v;
	};
}

function userName( value: unknown, field: string ): string {
	const name = text( value, field, MAX_NAME );
	// eslint-disable-next-line no-control-regex
	if ( /[#<>[\]|{}/@:\u0000-\u001f\u007f]/.test( name ) ) {
		fail( field, 'is not a valid user name' );
	}
	return name;
}

function account( value: unknown, field: string ): AffectedAccount {
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const action = value.action;
	if ( typeof action !== 'string' || !( ACCOUNT_ACTIONS as readonly string[] ).includes( action ) ) {
		fail( `${ field }.action`, `must be one of ${ ACCOUNT_ACTIONS.join( ', ' ) }` );
	}
	const out: AffectedAccount = {
		name: userName( value.name, `${ field }.name` ),
		action: action as AccountAction,
		date: date( value.date, `${ field }.date` )
	};
	if ( value.note !== undefined ) {
		out.note = localized( value.note, `${ field }.note` );
	}
	return out;
}

function statement( value: unknown, field: string ): Statement {
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const page = pageName( value.page, `${ field }.page` );
	const language = value.language === undefined ? 'en' : languageCode( value.language, `${ field }.language` );
	const seen = new Set( [ language ] );
	const translations = ( optionalList( value.translations, `${ field }.translations`, ( t, f ): StatementTranslation => {
		if ( !isObject( t ) ) {
			fail( f, 'must be an object' );
		}
		const lang = languageCode( t.language, `${ f }.language` );
		if ( seen.has( lang ) ) {
			fail( `${ f }.language`, `"${ lang }" is listed twice` );
		}
		seen.add( lang );
		const complete = t.complete;
		if ( typeof complete !== 'number' || !isFinite( complete ) || complete < 0 || complete > 100 ) {
			fail( `${ f }.complete`, 'must be a number from 0 to 100' );
		}
		return {
			language: lang,
			complete,
			page: t.page === undefined ? `${ page }/${ lang }` : pageName( t.page, `${ f }.page` )
		};
	} ) || [] );
	return { page, language, translations };
}

function target( value: unknown, field: string ): NoticeTarget {
	if ( value === undefined ) {
		return { users: 'all' };
	}
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const users = value.users === undefined ? 'all' : value.users;
	if ( typeof users !== 'string' || !( AUDIENCES as readonly string[] ).includes( users ) ) {
		fail( `${ field }.users`, `must be one of ${ AUDIENCES.join( ', ' ) }` );
	}
	const out: NoticeTarget = { users: users as AudienceFilter };
	const wikis = optionalList( value.wikis, `${ field }.wikis`, matching( DBNAME, 'a database name' ) );
	const langs = optionalList( value.contentLanguages, `${ field }.contentLanguages`, languageCode );
	const namespaces = optionalList( value.namespaces, `${ field }.namespaces`, ( v, f ) => {
		if ( typeof v !== 'number' || !Number.isInteger( v ) ) {
			fail( f, 'must be a namespace number' );
		}
		return v;
	} );
	const groups = optionalList( value.groups, `${ field }.groups`, matching( GROUP, 'a group name' ) );
	if ( wikis ) {
		out.wikis = wikis;
	}
	if ( langs ) {
		out.contentLanguages = langs;
	}
	if ( namespaces ) {
		out.namespaces = namespaces;
	}
	if ( groups ) {
		out.groups = groups;
	}
	return out;
}

function notice( value: unknown, field: string ): Notice {
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const id = value.id;
	if ( typeof id !== 'string' || !ID.test( id ) ) {
		fail( `${ field }.id`, 'must be 1-64 of A-Z a-z 0-9 . _ -' );
	}
	const revision = value.revision;
	if ( typeof revision !== 'number' || !Number.isInteger( revision ) || revision < 1 ) {
		fail( `${ field }.revision`, 'must be a whole number from 1' );
	}
	const out: Notice = {
		id,
		revision,
		title: localized( value.title, `${ field }.title` ),
		summary: localized( value.summary, `${ field }.summary` ),
		published: date( value.published, `${ field }.published` ),
		updates: ( optionalList( value.updates, `${ field }.updates`, ( u, f ): NoticeUpdate => {
			if ( !isObject( u ) ) {
				fail( f, 'must be an object' );
			}
			return { date: date( u.date, `${ f }.date` ), text: localized( u.text, `${ f }.text` ) };
		} ) || [] ),
		statement: statement( value.statement, `${ field }.statement` ),
		target: target( value.target, `${ field }.target` ),
		accounts: optionalList( value.accounts, `${ field }.accounts`, account ) || []
	};
	if ( value.start !== undefined ) {
		out.start = date( value.start, `${ field }.start` );
	}
	if ( value.end !== undefined ) {
		out.end = date( value.end, `${ field }.end` );
	}
	if ( out.start && out.end && Date.parse( out.end ) < Date.parse( out.start ) ) {
		fail( `${ field }.end`, 'is before start' );
	}
	return out;
}

function restrictedGroup( value: unknown, field: string ): RestrictedGroup {
	if ( !isObject( value ) ) {
		fail( field, 'must be an object' );
	}
	const kind = value.kind;
	if ( typeof kind !== 'string' || !( RESTRICTION_KINDS as readonly string[] ).includes( kind ) ) {
		fail( `${ field }.kind`, `must be one of ${ RESTRICTION_KINDS.join( ', ' ) }` );
	}
	return {
		group: matching( GROUP, 'a group name' )( value.group, `${ field }.group` ),
		kind: kind as RestrictionKind,
		policy: pageName( value.policy, `${ field }.policy` )
	};
}

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
	const each = <T>( value: unknown, field: string, item: ( v: unknown, f: string ) => T, keep: ( v: T, f: string ) => void ): void => {
		if ( value === undefined ) {
			return;
		}
		if ( !Array.isArray( value ) ) {
			warnings.push( `${ field } must be a list; ignored` );
			return;
		}
		value.forEach( ( v, i ) => {
			const f = `${ field }[${ i }]`;
			try {
				keep( item( v, f ), f );
			} catch ( e ) {
				if ( !( e instanceof FieldError ) ) {
					throw e;
				}
				warnings.push( `${ e.message }; skipped` );
			}
		} );
	};
	const ids = new Set<string>();
	each( raw.notices, 'notices', notice, ( n, f ) => {
		if ( ids.has( n.id ) ) {
			warnings.push( `${ f }.id "${ n.id }" is used twice; skipped` );
			return;
		}
		ids.add( n.id );
		data.notices.push( n );
	} );
	each( raw.restrictedGroups, 'restrictedGroups', restrictedGroup, ( g ) => {
		data.restrictedGroups.push( g );
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
