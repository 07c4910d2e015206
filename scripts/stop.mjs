#!/usr/bin/env node
// npm stop: stops the demo wikis' PHP servers, the English and the Chinese-language one (the data
// stays in .wiki/demo and .wiki/demo-zh for the next start).
import { localWikis } from './lib/provision.mjs';

const port = Number( process.env.OAN_PORT || 8781 );
const wikis = localWikis( 'demo', port, Number( process.env.OAN_ZH_PORT || port + 2 ) );
for ( const wiki of Object.values( wikis ) ) {
	process.stdout.write( wiki.stopServer() ? `stopped the ${ wiki.name } wiki on ${ wiki.server }\n` : `the ${ wiki.name } wiki was not running\n` );
}
