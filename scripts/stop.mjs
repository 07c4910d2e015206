#!/usr/bin/env node
// npm stop: stops the demo farm's PHP server (and its workers, by process group); the data stays
// in .wiki/demo for the next start.
import { Farm } from './lib/farm.mjs';

const farm = new Farm( 'demo', Number( process.env.OAN_PORT || 8781 ) );
process.stdout.write( farm.stopServer() ? `stopped the demo farm on port ${ farm.port }\n` : 'the demo farm was not running\n' );
