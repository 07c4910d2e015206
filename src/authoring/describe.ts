// What the authoring view says about a notice besides its look: when it runs, whom it reaches,
// which languages and variants a preview can be shown in. Pure: plain data in, plain data out.
import { Notice, NoticeTarget } from '../config/types';

/** When a notice runs, against a moment: not yet, now (with or without an end), or no longer. */
export type Schedule =
	{ state: 'always' } |
	{ state: 'until'; end: string } |
	{ state: 'since'; start: string } |
	{ state: 'between'; start: string; end: string } |
	{ state: 'starts'; start: string } |
	{ state: 'ended'; end: string };

/**
 * @param notice its optional start and end (ISO 8601)
 * @param now the moment to judge by
 */
export function scheduleOf( notice: Pick<Notice, 'start' | 'end'>, now: Date ): Schedule {
	const at = now.getTime();
	const { start, end } = notice;
	if ( start && at < Date.parse( start ) ) {
		return { state: 'starts', start };
	}
	if ( end && at > Date.parse( end ) ) {
		return { state: 'ended', end };
	}
	if ( start && end ) {
		return { state: 'between', start, end };
	}
	if ( start ) {
		return { state: 'since', start };
	}
	return end ? { state: 'until', end } : { state: 'always' };
}

/** One line of whom a notice reaches: a message key and its list parameter, where it has one. */
export interface TargetLine {
	key: string;
	list?: string;
}

/** Whom a notice reaches, one line per condition (every condition must hold). */
export function describeTarget( target: NoticeTarget ): TargetLine[] {
	const lines: TargetLine[] = [ { key: `oan-author-target-users-${ target.users }` } ];
	const lists: [ keyof NoticeTarget, string ][] = [
		[ 'wikis', 'oan-author-target-wikis' ],
		[ 'contentLanguages', 'oan-author-target-languages' ],
		[ 'namespaces', 'oan-author-target-namespaces' ],
		[ 'groups', 'oan-author-target-groups' ]
	];
	for ( const [ field, key ] of lists ) {
		const values = target[ field ];
		if ( Array.isArray( values ) ) {
			lines.push( { key, list: values.join( ', ' ) } );
		}
	}
	return lines;
}

/** The language codes a notice has text for: its title's, summary's and updates' keys, sorted, English first. */
export function textLanguages( notice: Pick<Notice, 'title' | 'summary' | 'updates'> ): string[] {
	const codes = new Set<string>();
	const add = ( text: unknown ): void => {
		if ( text && typeof text === 'object' ) {
			Object.keys( text ).forEach( ( code ) => codes.add( code ) );
		}
	};
	add( notice.title );
	add( notice.summary );
	( Array.isArray( notice.updates ) ? notice.updates : [] ).forEach( ( u ) => add( u && u.text ) );
	return [ ...codes ].sort( ( a, b ) => a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : a > b ? 1 : 0 );
}

/**
 * The languages to preview a notice in: every language it has text for, then the wiki's variants
 * (a zh-hk reader gets the zh-hant text through MediaWiki's fallbacks, and a date of their own).
 *
 * @param notice the notice
 * @param variants the content language's variants (siteinfo general.variants), possibly none
 */
export function previewLanguages( notice: Pick<Notice, 'title' | 'summary' | 'updates'>, variants: string[] ): string[] {
	const own = textLanguages( notice );
	return own.concat( variants.filter( ( v ) => !own.includes( v ) ) );
}

/**
 * A reader's chain for a preview language: the language, MediaWiki's fallbacks for it
 * (meta=languageinfo), English last.
 */
export function previewChain( code: string, fallbacks: string[] ): string[] {
	return [ code ].concat( fallbacks, 'en' ).filter( ( c, i, all ) => all.indexOf( c ) === i );
}
