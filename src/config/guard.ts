// The reader's guards on the notices data from the wiki. This runs on every page view, so it keeps
// only what the script needs never to throw, to show nothing but strings as text, and to link
// nowhere but wiki pages; the data's full rules (schema/notices.schema.json) are checked where
// the data is written. A notice that fails is skipped with one warning naming it and why; so is
// an account or a restricted group, and the rest stays.
import { LANGUAGE_CODE } from '../i18n/readerLanguages';
import { ACCOUNT_ACTIONS, AffectedAccount, LocalizedText, Notice, NoticesData, NoticeTarget, RestrictedGroup, Statement } from './types';

export interface GuardResult {
	data: NoticesData;
	/** One line per item skipped, naming it and the field that is unfit. */
	warnings: string[];
}

type Fields = Record<string, unknown>;

/** Thrown inside this module only; never escapes guardNoticesData. */
class Unfit extends Error {}

function unfit( field: string, why: string ): never {
	throw new Unfit( `${ field } ${ why }` );
}

export function isObject( value: unknown ): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function object( value: unknown, field: string ): Fields {
	return isObject( value ) ? value : unfit( field, 'is not an object' );
}

function string( value: unknown, field: string ): string {
	return typeof value === 'string' ? value : unfit( field, 'is not a string' );
}

function number( value: unknown, field: string ): number {
	return typeof value === 'number' ? value : unfit( field, 'is not a number' );
}

function oneOf<T extends string>( value: unknown, field: string, values: readonly T[] ): T {
	return values.includes( value as T ) ? value as T : unfit( field, `is not one of ${ values.join( ', ' ) }` );
}

/** A date the browser reads: start and end decide when a notice shows, and dates are shown formatted. */
function date( value: unknown, field: string ): string {
	return isNaN( Date.parse( string( value, field ) ) ) ? unfit( field, 'is not a date' ) : value as string;
}

/** Each item checked; absent is an empty list. */
function listOf<T>( value: unknown, field: string, item: ( v: unknown, f: string ) => T ): T[] {
	if ( value !== undefined && !Array.isArray( value ) ) {
		unfit( field, 'is not a list' );
	}
	return ( ( value || [] ) as unknown[] ).map( ( v, i ) => item( v, `${ field }[${ i }]` ) );
}

/** Absent stays absent (no default); present is checked. */
function optional<T>( value: unknown, check: ( v: unknown ) => T ): T | undefined {
	return value === undefined ? undefined : check( value );
}

/** Text per language: every value a string, and English there (the last fallback). */
function localized( value: unknown, field: string ): LocalizedText {
	const given = object( value, field );
	const text: LocalizedText = {};
	for ( const key of Object.keys( given ) ) {
		// A "__proto__" key from JSON is a plain own key; given a string, the assignment does nothing.
		text[ key ] = string( given[ key ], `${ field }.${ key }` );
	}
	return typeof text.en === 'string' ? text : unfit( `${ field }.en`, 'is missing' );
}

// A language code (LANGUAGE_CODE) goes into attributes and, for a translation without a page, into
// its page name.
function languageCode( value: unknown, field: string ): string {
	return LANGUAGE_CODE.test( string( value, field ) ) ? value as string : unfit( field, 'is not a language code' );
}

// Links are mw.util.getUrl( page ): always this wiki's. What would make one leave the page it
// names: characters MediaWiki never allows in a title ("#" a fragment, "|", brackets, control
// characters), a URL or a script scheme, a leading slash or white space, and "." or ".." as a
// path segment (the browser resolves them), after an interwiki prefix too.
// eslint-disable-next-line no-control-regex
const NOT_A_PAGE = /^$|[#<>[\]|{}\u0000-\u001f\u007f]|^[\s/]|^[a-z][a-z0-9+.-]*:\/\/|^(javascript|data|vbscript|file|blob):|(^|[/:])\.\.?(\/|$)/i;

function pageName( value: unknown, field: string ): string {
	return NOT_A_PAGE.test( string( value, field ) ) ? unfit( field, 'is not a wiki page name' ) : value as string;
}

function guardStatement( value: unknown, field: string ): Statement {
	const given = object( value, field );
	const page = pageName( given.page, `${ field }.page` );
	return {
		page,
		language: given.language === undefined ? 'en' : languageCode( given.language, `${ field }.language` ),
		translations: listOf( given.translations, `${ field }.translations`, ( v, f ) => {
			const t = object( v, f );
			const language = languageCode( t.language, `${ f }.language` );
			return {
				language,
				complete: number( t.complete, `${ f }.complete` ),
				page: t.page === undefined ? `${ page }/${ language }` : pageName( t.page, `${ f }.page` )
			};
		} )
	};
}

function guardTarget( value: unknown ): NoticeTarget {
	const given = value === undefined ? {} : object( value, 'target' );
	const strings = ( key: string ): string[] | undefined => optional( given[ key ], ( v ) => listOf( v, `target.${ key }`, string ) );
	return {
		users: given.users === undefined ? 'all' : oneOf( given.users, 'target.users', [ 'all', 'anonymous', 'loggedin' ] ),
		wikis: strings( 'wikis' ),
		contentLanguages: strings( 'contentLanguages' ),
		namespaces: optional( given.namespaces, ( v ) => listOf( v, 'target.namespaces', number ) ),
		groups: strings( 'groups' )
	};
}

function guardAccount( value: unknown ): AffectedAccount {
	const given = object( value, 'it' );
	return {
		name: string( given.name, 'name' ),
		action: oneOf( given.action, 'action', ACCOUNT_ACTIONS ),
		date: date( given.date, 'date' ),
		note: optional( given.note, ( v ) => localized( v, 'note' ) )
	};
}

/**
 * One notice, or Unfit. Its accounts come last, each kept or skipped on its own (with a warning
 * of its own), so a skipped notice never leaves more than its one warning.
 *
 * @param value the notice as the wiki gives it
 * @param at its place in the data ("notices[0]"), for the accounts' warnings
 * @param ids the ids of the notices kept so far
 * @param warn for a skipped account
 */
function guardNotice( value: unknown, at: string, ids: string[], warn: ( message: string ) => void ): Notice {
	const given = object( value, 'it' );
	const id = string( given.id, 'id' );
	if ( !id || ids.includes( id ) ) {
		unfit( 'id', id ? 'is used by an earlier notice' : 'is empty' );
	}
	const kept: Notice = {
		id,
		revision: number( given.revision, 'revision' ),
		title: localized( given.title, 'title' ),
		summary: localized( given.summary, 'summary' ),
		published: date( given.published, 'published' ),
		updates: listOf( given.updates, 'updates', ( v, f ) => {
			const u = object( v, f );
			return { date: date( u.date, `${ f }.date` ), text: localized( u.text, `${ f }.text` ) };
		} ),
		statement: guardStatement( given.statement, 'statement' ),
		start: optional( given.start, ( v ) => date( v, 'start' ) ),
		end: optional( given.end, ( v ) => date( v, 'end' ) ),
		target: guardTarget( given.target ),
		accounts: []
	};
	listOf( given.accounts, 'accounts', ( v ) => v ).forEach( ( v, i ) => {
		try {
			kept.accounts.push( guardAccount( v ) );
		} catch ( e ) {
			warn( `${ at }.accounts[${ i }] skipped: ${ reason( e ) }` );
		}
	} );
	return kept;
}

function guardRestrictedGroup( value: unknown ): RestrictedGroup {
	const given = object( value, 'it' );
	return {
		group: string( given.group, 'group' ),
		kind: oneOf( given.kind, 'kind', [ 'nonpublic', 'office-action' ] ),
		policy: pageName( given.policy, 'policy' )
	};
}

/** Unfit's message; anything else thrown is a fault of this code, and skips the item all the same. */
function reason( e: unknown ): string {
	return e instanceof Unfit ? e.message : `could not be read (${ String( e ) })`;
}

/**
 * The notices data as the every-page script may use it: every notice, account and restricted
 * group that passes the guards, in the data's order, with the defaults filled in (no updates, no
 * accounts, everyone targeted, the original in English, a translation's page under the
 * statement's). Never throws.
 *
 * @param raw the parsed notices page (anything)
 */
export function guardNoticesData( raw: unknown ): GuardResult {
	const warnings: string[] = [];
	const data: NoticesData = { notices: [], restrictedGroups: [] };
	if ( !isObject( raw ) ) {
		warnings.push( 'notices data must be a JSON object with a "notices" list; nothing is shown' );
		return { data, warnings };
	}
	const each = ( key: 'notices' | 'restrictedGroups', keep: ( item: unknown, at: string ) => void ): void => {
		const items = raw[ key ];
		if ( items !== undefined && !Array.isArray( items ) ) {
			warnings.push( `${ key } is not a list; ${ key === 'notices' ? 'nothing is shown' : 'ignored' }` );
			return;
		}
		( ( items || [] ) as unknown[] ).forEach( ( item, i ) => {
			const at = `${ key }[${ i }]`;
			try {
				keep( item, at );
			} catch ( e ) {
				const id = isObject( item ) && typeof item.id === 'string' ? ` ("${ item.id }")` : '';
				warnings.push( `${ at }${ id } skipped: ${ reason( e ) }` );
			}
		} );
	};
	const ids: string[] = [];
	each( 'notices', ( item, at ) => {
		const kept = guardNotice( item, at, ids, ( w ) => warnings.push( w ) );
		ids.push( kept.id );
		data.notices.push( kept );
	} );
	each( 'restrictedGroups', ( item ) => {
		data.restrictedGroups.push( guardRestrictedGroup( item ) );
	} );
	return { data, warnings };
}
