#!/usr/bin/env node
// npm stop: stops the demo wiki's PHP server (the data stays in .wiki/demo for the next start).
import { Wiki } from './lib/wiki.mjs';

const wiki = new Wiki( 'demo', Number( process.env.OAN_PORT || 8781 ) );
process.stdout.write( wiki.stopServer() ? `stopped the demo wiki on ${ wiki.server }\n` : 'the demo wiki was not running\n' );
