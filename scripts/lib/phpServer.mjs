// PHP's built-in server for a local wiki or the farm: started detached with its pid in a file, so
// `npm stop` (another process) stops exactly the processes it started, and a second `npm start`
// finds it running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { IP } from './mediawiki.mjs';
import { SetupError } from './system.mjs';

export function portIsFree( port ) {
	return new Promise( ( resolve ) => {
		const srv = net.createServer();
		srv.once( 'error', () => resolve( false ) );
		srv.listen( port, '127.0.0.1', () => srv.close( () => resolve( true ) ) );
	} );
}

export class PhpServer {
	/**
	 * @param {Object} opts
	 * @param {string} opts.dir where its pid file and log go
	 * @param {number} opts.port on 127.0.0.1
	 * @param {Object} opts.env the environment (MW_CONFIG_FILE)
	 * @param {Function} opts.responds resolves to whether the wiki answers
	 * @param {string} opts.portHint which variable chooses the port, for the message of a taken one
	 */
	constructor( { dir, port, env, responds, portHint } ) {
		Object.assign( this, { dir, port, env, responds, portHint } );
		this.pidFile = path.join( dir, 'server.pid' );
		this.logFile = path.join( dir, 'server.log' );
	}

	runningPid() {
		try {
			const pid = Number( fs.readFileSync( this.pidFile, 'utf8' ) );
			process.kill( pid, 0 );
			return pid;
		} catch {
			return null;
		}
	}

	/** @return {Promise<boolean>} false when it was running already */
	async start() {
		if ( this.runningPid() && await this.responds() ) {
			return false;
		}
		if ( !await portIsFree( this.port ) ) {
			throw new SetupError( `Port ${ this.port } on 127.0.0.1 is taken by another program. Free it, or choose another port (${ this.portHint }).` );
		}
		const out = fs.openSync( this.logFile, 'a' );
		const child = spawn( 'php', [ '-S', `127.0.0.1:${ this.port }`, '-t', IP ], {
			cwd: IP, env: { ...this.env, PHP_CLI_SERVER_WORKERS: '4' }, detached: true, stdio: [ 'ignore', out, out ]
		} );
		child.unref();
		fs.writeFileSync( this.pidFile, String( child.pid ) );
		for ( let i = 0; i < 100; i++ ) {
			if ( await this.responds() ) {
				return true;
			}
			await new Promise( ( r ) => {
				setTimeout( r, 100 );
			} );
		}
		throw new SetupError( `The PHP server did not answer on port ${ this.port } within 10 s; see ${ this.logFile }` );
	}

	/** @return {boolean} whether it was running */
	stop() {
		const pid = this.runningPid();
		if ( pid ) {
			try {
				// Negative pid: the whole process group (php -S and its workers).
				process.kill( -pid, 'SIGTERM' );
			} catch {
				process.kill( pid, 'SIGTERM' );
			}
		}
		fs.rmSync( this.pidFile, { force: true } );
		return Boolean( pid );
	}
}
