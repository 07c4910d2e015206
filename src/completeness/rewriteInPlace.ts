// Rewriting the statement's translations lists in the notices data's text in place: only the
// `complete` numbers (and entries added or removed) change, every other byte of the text stays.
import { NoticesDataError } from './statistics';

/** A JSON value and where it stands in the text. */
interface JsonNode {
	kind: 'object' | 'array' | 'string' | 'scalar';
	start: number;
	end: number;
	value?: unknown;
	members?: { key: unknown; node: JsonNode }[];
	items?: JsonNode[];
}

/** A translations entry as the data holds it. */
export type TranslationEntry = Record<string, unknown> & { language: string; complete?: unknown; page?: unknown };

/** Parses JSON and records where each value stands in the text. */
export function parseNodes( text: string ): JsonNode {
	let at = 0;
	const space = (): void => {
		while ( /\s/.test( text[ at ] || '' ) ) {
			at++;
		}
	};
	const fail = (): never => {
		throw new NoticesDataError( `the notices data is not valid JSON (at character ${ at })` );
	};
	const container = ( open: string, start: number ): JsonNode => {
		at++;
		const close = open === '{' ? '}' : ']';
		const node: JsonNode = open === '{' ? { kind: 'object', members: [], start, end: start } : { kind: 'array', items: [], start, end: start };
		space();
		if ( text[ at ] === close ) {
			at++;
			node.end = at;
			return node;
		}
		for ( ;; ) {
			if ( open === '{' ) {
				space();
				const key = value();
				space();
				if ( key.kind !== 'string' || text[ at++ ] !== ':' ) {
					fail();
				}
				( node.members as { key: unknown; node: JsonNode }[] ).push( { key: key.value, node: value() } );
			} else {
				( node.items as JsonNode[] ).push( value() );
			}
			space();
			const next = text[ at++ ];
			if ( next === close ) {
				node.end = at;
				return node;
			}
			if ( next !== ',' ) {
				fail();
			}
		}
	};
	const value = (): JsonNode => {
		space();
		const start = at;
		const c = text[ at ];
		if ( c === '{' || c === '[' ) {
			return container( c, start );
		}
		if ( c === '"' ) {
			at++;
			while ( at < text.length && text[ at ] !== '"' ) {
				at += text[ at ] === '\\' ? 2 : 1;
			}
			at++;
		} else {
			while ( at < text.length && !/[\s,\]}]/.test( text[ at ] ) ) {
				at++;
			}
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse( text.slice( start, at ) );
		} catch ( e ) {
			fail();
		}
		if ( parsed !== null && typeof parsed === 'object' ) {
			fail();
		}
		return { kind: c === '"' ? 'string' : 'scalar', value: parsed, start, end: at };
	};
	const root = value();
	space();
	if ( at !== text.length ) {
		fail();
	}
	return root;
}

function member( node: JsonNode | null, key: string ): JsonNode | null {
	const found = node && node.kind === 'object' && ( node.members as { key: unknown; node: JsonNode }[] ).find( ( m ) => m.key === key );
	return found ? found.node : null;
}

/** The white space that starts the line `offset` is on. */
function indentAt( text: string, offset: number ): string {
	const lineStart = text.lastIndexOf( '\n', offset - 1 ) + 1;
	return ( /^[ \t]*/.exec( text.slice( lineStart ) ) as RegExpExecArray )[ 0 ];
}

function renderEntry( entry: TranslationEntry ): string {
	return `{ ${ Object.keys( entry ).map( ( k ) => `${ JSON.stringify( k ) }: ${ JSON.stringify( entry[ k ] ) }` ).join( ', ' ) } }`;
}

/**
 * The text of a translations array holding `entries`, laid out as `node` (the array in the
 * text) was: an entry kept keeps its text, with only its number replaced; new entries are
 * written like the data's own, one to a line.
 */
function renderArray(
	text: string, node: { start: number; end?: number; items: JsonNode[] }, entries: TranslationEntry[], byLanguage: Map<unknown, JsonNode>
): string {
	if ( !entries.length ) {
		return '[]';
	}
	const indent = indentAt( text, node.start );
	let open = `\n${ indent }\t`;
	let separator = `,\n${ indent }\t`;
	let close = `\n${ indent }`;
	const items = node.items;
	if ( items.length ) {
		open = text.slice( node.start + 1, items[ 0 ].start );
		close = text.slice( items[ items.length - 1 ].end, ( node.end as number ) - 1 );
		separator = items.length > 1 ? text.slice( items[ 0 ].end, items[ 1 ].start ) : `,${ open }`;
	}
	return `[${ open }${ entries.map( ( entry ) => {
		const item = byLanguage.get( entry.language );
		const complete = item ? member( item, 'complete' ) : null;
		if ( !item || !complete ) {
			return renderEntry( entry );
		}
		return text.slice( item.start, complete.start ) + JSON.stringify( entry.complete ) + text.slice( complete.end, item.end );
	} ).join( separator ) }${ close }]`;
}

interface Edit {
	start: number;
	end: number;
	text: string;
}

/** The edit that gives one statement `entries` as its translations list. */
function listEdit( text: string, statement: JsonNode, entries: TranslationEntry[] ): Edit {
	const array = member( statement, 'translations' );
	if ( array && array.kind === 'array' ) {
		const items = array.items as JsonNode[];
		const byLanguage = new Map( items.map( ( item ): [ unknown, JsonNode ] => {
			const language = member( item, 'language' );
			return [ language && language.value, item ];
		} ) );
		const rendered = renderArray( text, { start: array.start, end: array.end, items }, entries, byLanguage );
		return { start: array.start, end: array.end, text: rendered };
	}
	if ( array ) {
		return { start: array.start, end: array.end, text: renderArray( text, { start: array.start, items: [] }, entries, new Map() ) };
	}
	// No list yet: one more member after the statement's last one, on a line of its own.
	const members = statement.members as { node: JsonNode }[];
	const last = members[ members.length - 1 ].node;
	// The last member's key stands on the line of the colon before its value.
	const lastKeyLine = text.lastIndexOf( ':', last.start );
	const indent = indentAt( text, lastKeyLine );
	const inline = !text.slice( statement.start, last.end ).includes( '\n' );
	const list = renderArray( text, { start: inline ? statement.start : lastKeyLine, items: [] }, entries, new Map() );
	return { start: last.end, end: last.end, text: `,${ inline ? ' ' : `\n${ indent }` }"translations": ${ list }` };
}

/**
 * Replaces the translations of the given notices in the notices data's text, leaving every other
 * byte as it was.
 *
 * @param text the notices data (data/notices.json, or the wiki's notices page)
 * @param replacements notice index → its new translations list
 */
export function rewriteTranslations( text: string, replacements: Map<number, TranslationEntry[]> ): string {
	const notices = member( parseNodes( text ), 'notices' ) as JsonNode;
	const edits: Edit[] = [];
	replacements.forEach( ( entries, index ) => {
		edits.push( listEdit( text, member( ( notices.items as JsonNode[] )[ index ], 'statement' ) as JsonNode, entries ) );
	} );
	let out = text;
	for ( const edit of edits.sort( ( a, b ) => b.start - a.start ) ) {
		out = out.slice( 0, edit.start ) + edit.text + out.slice( edit.end );
	}
	return out;
}
