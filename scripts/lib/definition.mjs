// gadget-definition.txt is the single source of truth for the gadget's pages, options and
// dependencies: the build, the deploy and the tests all read it through this module.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export const DEFINITION_FILE = path.join( ROOT, 'gadget-definition.txt' );

/**
 * Parses Gadgets-definition lines the way MediaWikiGadgetsDefinitionRepo does:
 * `* name[ResourceLoader|opt|key=a,b]|page1|page2`, and `== section ==` headings.
 *
 * @param {string} text
 */
export function parseDefinition( text ) {
	const gadgets = [];
	let section = '';
	for ( const line of text.split( '\n' ) ) {
		const heading = line.match( /^==+\s*([^=]+?)\s*==+\s*$/ );
		if ( heading ) {
			section = heading[ 1 ];
			continue;
		}
		const m = line.match( /^\*+\s*([a-zA-Z](?:[-_:.\w ]*[a-zA-Z0-9])?)\s*(?:\[(.*?)\])?\s*((?:\|[^|]*)+)\s*$/ );
		if ( !m ) {
			continue;
		}
		const options = {};
		for ( const opt of ( m[ 2 ] || '' ).split( '|' ).map( ( s ) => s.trim() ).filter( Boolean ) ) {
			const [ key, value ] = opt.split( '=' );
			options[ key.trim() ] = value === undefined ? true : value.split( ',' ).map( ( s ) => s.trim() ).filter( Boolean );
		}
		const pages = m[ 3 ].split( '|' ).map( ( s ) => s.trim() ).filter( Boolean );
		gadgets.push( { name: m[ 1 ], section, options, pages, line } );
	}
	return gadgets;
}

export function readDefinition() {
	const text = fs.readFileSync( DEFINITION_FILE, 'utf8' );
	const gadgets = parseDefinition( text );
	const main = gadgets.find( ( g ) => g.options.package );
	if ( !main ) {
		throw new Error( 'gadget-definition.txt names no package gadget' );
	}
	const sectionLine = text.split( '\n' ).find( ( l ) => /^==/.test( l ) ) || '';
	return {
		text: text.trimEnd() + '\n',
		sectionLine,
		gadgets,
		main,
		peers: gadgets.filter( ( g ) => ( main.options.peers || [] ).includes( g.name ) ),
		/** The wiki title of a gadget page. */
		title: ( page ) => `MediaWiki:Gadget-${ page }`
	};
}

/** The on-wiki notices data, as deploy creates it: its title for every script and test helper. */
export const NOTICES_PAGE = readDefinition().title( 'office-action-notice-notices.json' );
