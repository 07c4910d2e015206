// The one question deploy asks before it saves, on the terminal.
import readline from 'node:readline';

/** The question, for a number of pages. */
export function saveQuestion( count ) {
	return count === 1 ? 'Save this 1 page? (y/N) ' : `Save these ${ count } pages? (y/N) `;
}

/**
 * Asks on the terminal (the question on stderr, so stdout keeps only the report). Only "y" or
 * "yes" is a yes; an empty line, anything else or the end of input is a no.
 *
 * @param {string} question
 * @return {Promise<boolean>}
 */
export function askOnTerminal( question ) {
	return new Promise( ( resolve ) => {
		const rl = readline.createInterface( { input: process.stdin, output: process.stderr } );
		let answered = false;
		rl.on( 'close', () => {
			if ( !answered ) {
				process.stderr.write( '\n' );
				resolve( false );
			}
		} );
		rl.question( question, ( answer ) => {
			answered = true;
			rl.close();
			resolve( /^y(es)?$/i.test( answer.trim() ) );
		} );
	} );
}
