// The rules of the notices data a schema cannot say (src/config/check.ts applies them): a date
// that does not exist, an end before the start, a language MediaWiki does not know, a language
// listed twice for a statement, a notice's revision going backwards from the saved page.
import { isObject } from './guard';
import { isDate } from './patterns';

type Fields = Record<string, unknown>;

/** A path as its parts: field names and list indexes. */
export type Segments = ( string | number )[];

/** The checks the rules below apply at a place in the data, each adding its problem there. */
export interface Checks {
	add: ( segments: Segments, key: string, params: string[] ) => void;
	/** A language code MediaWiki does not know (when the context can tell). */
	language: ( segments: Segments, code: unknown ) => void;
	/** The language codes of a localized text. */
	localized: ( segments: Segments, value: unknown ) => void;
	/** A date of the schema's form that does not exist. */
	date: ( segments: Segments, value: unknown ) => void;
}

function itemsOf( value: unknown ): unknown[] {
	return Array.isArray( value ) ? value : [];
}

/** The highest revision of each notice on the saved page. */
export function savedRevisionsOf( saved: unknown ): Record<string, number> {
	const revisions: Record<string, number> = {};
	if ( isObject( saved ) ) {
		for ( const n of itemsOf( saved.notices ) ) {
			if ( isObject( n ) && typeof n.id === 'string' && typeof n.revision === 'number' ) {
				const before = Object.prototype.hasOwnProperty.call( revisions, n.id ) ? revisions[ n.id ] : -Infinity;
				revisions[ n.id ] = Math.max( n.revision, before );
			}
		}
	}
	return revisions;
}

/** The statement's languages: each known, each once (the original's included; its default is English). */
function statementProblems( at: Segments, s: Fields, checks: Checks ): void {
	checks.language( at.concat( 'statement', 'language' ), s.language );
	const seen = [ typeof s.language === 'string' ? s.language : 'en' ];
	itemsOf( s.translations ).forEach( ( t, j ) => {
		if ( isObject( t ) && typeof t.language === 'string' ) {
			const where = at.concat( 'statement', 'translations', j, 'language' );
			checks.language( where, t.language );
			if ( seen.includes( t.language ) ) {
				checks.add( where, 'oan-check-duplicate-language', [ t.language ] );
			}
			seen.push( t.language );
		}
	} );
}

/** One notice's texts, dates, statement, target and accounts. */
export function noticeProblems( n: Fields, at: Segments, checks: Checks ): void {
	checks.localized( at.concat( 'title' ), n.title );
	checks.localized( at.concat( 'summary' ), n.summary );
	checks.date( at.concat( 'published' ), n.published );
	itemsOf( n.updates ).forEach( ( u, j ) => {
		if ( isObject( u ) ) {
			checks.date( at.concat( 'updates', j, 'date' ), u.date );
			checks.localized( at.concat( 'updates', j, 'text' ), u.text );
		}
	} );
	if ( isObject( n.statement ) ) {
		statementProblems( at, n.statement, checks );
	}
	checks.date( at.concat( 'start' ), n.start );
	checks.date( at.concat( 'end' ), n.end );
	if ( isDate( n.start ) && isDate( n.end ) && Date.parse( n.end ) < Date.parse( n.start ) ) {
		checks.add( at.concat( 'end' ), 'oan-check-end-before-start', [ n.end, n.start ] );
	}
	if ( isObject( n.target ) ) {
		itemsOf( n.target.contentLanguages ).forEach( ( code, j ) => checks.language( at.concat( 'target', 'contentLanguages', j ), code ) );
	}
	itemsOf( n.accounts ).forEach( ( a, j ) => {
		if ( isObject( a ) ) {
			checks.date( at.concat( 'accounts', j, 'date' ), a.date );
			checks.localized( at.concat( 'accounts', j, 'note' ), a.note );
		}
	} );
}
