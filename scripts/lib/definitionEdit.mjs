// Inserts or replaces this gadget's lines in MediaWiki:Gadgets-definition, leaving every other
// line exactly as it was.

/**
 * Gadgets this project no longer ships: their lines go when the definition is merged, so a wiki
 * is not left with a gadget whose pages nothing updates. (office-action-notice-quiet: the
 * logged-in readers' quiet option, given up when a dismissed notice's bar came to fill the room.)
 */
export const RETIRED_GADGETS = [ 'office-action-notice-quiet' ];

function ownsLine( line, names ) {
	const m = line.match( /^\*+\s*([^[|\s]+)\s*[[|]/ );
	return Boolean( m && names.includes( m[ 1 ] ) );
}

/**
 * @param {string} current the wiki's MediaWiki:Gadgets-definition text ('' when missing)
 * @param {{ sectionLine: string, gadgets: { name: string, line: string }[] }} def
 * @return {string} the new text
 */
export function mergeDefinition( current, def ) {
	const names = def.gadgets.map( ( g ) => g.name ).concat( RETIRED_GADGETS );
	const ours = def.gadgets.map( ( g ) => g.line );
	const lines = current === '' ? [] : current.split( '\n' );
	const first = lines.findIndex( ( l ) => ownsLine( l, names ) );
	if ( first === -1 ) {
		const hasSection = def.sectionLine && lines.some( ( l ) => l.trim() === def.sectionLine.trim() );
		const kept = lines.slice();
		while ( kept.length && kept[ kept.length - 1 ].trim() === '' ) {
			kept.pop();
		}
		if ( hasSection ) {
			// Add our lines at the end of our existing section.
			const at = lines.findIndex( ( l ) => l.trim() === def.sectionLine.trim() );
			let end = at + 1;
			while ( end < kept.length && !/^==/.test( kept[ end ] ) ) {
				end++;
			}
			while ( end > at + 1 && kept[ end - 1 ].trim() === '' ) {
				end--;
			}
			kept.splice( end, 0, ...ours );
		} else {
			if ( kept.length ) {
				kept.push( '' );
			}
			if ( def.sectionLine ) {
				kept.push( def.sectionLine );
			}
			kept.push( ...ours );
		}
		return kept.join( '\n' ) + '\n';
	}
	const out = [];
	lines.forEach( ( l, i ) => {
		if ( i === first ) {
			out.push( ...ours );
		} else if ( !ownsLine( l, names ) ) {
			out.push( l );
		}
	} );
	return out.join( '\n' );
}
