// The farm's host names (meta.wikimedia.test, zh.wikipedia.test, …) are in no DNS: Chromium maps
// them with --host-resolver-rules, and Node reaches them through an http.Agent whose lookup
// answers 127.0.0.1 for every name under `.test` (Node's fetch cannot set the Host header, so
// requests go through node:http with this agent).
import dns from 'node:dns';
import http from 'node:http';

/** The top-level domain of the farm's host names (reserved for testing, RFC 2606). */
export const FARM_TLD = 'test';

/** Chromium's flag that sends every farm host name to this machine. */
export const HOST_RESOLVER_RULES = `--host-resolver-rules=MAP *.${ FARM_TLD } 127.0.0.1`;

/** Whether a host name is one of the farm's. */
export function isFarmHost( hostname ) {
	return hostname === FARM_TLD || hostname.endsWith( `.${ FARM_TLD }` );
}

/**
 * dns.lookup for node:http: the farm's names answer 127.0.0.1, every other name goes to the system.
 *
 * @param {string} hostname
 * @param {Object} options
 * @param {Function} callback
 */
export function farmLookup( hostname, options, callback ) {
	if ( !isFarmHost( hostname ) ) {
		dns.lookup( hostname, options, callback );
		return;
	}
	if ( options && options.all ) {
		callback( null, [ { address: '127.0.0.1', family: 4 } ] );
	} else {
		callback( null, '127.0.0.1', 4 );
	}
}

/** An agent for node:http (and axios, so mwn) that reaches the farm's host names. */
export const farmAgent = new http.Agent( { keepAlive: true, lookup: farmLookup } );

/**
 * One HTTP request through node:http with the farm's agent: any method, headers and body (the
 * browser tests' control pages forward a browser's request with it, cookies included).
 *
 * @param {string} url
 * @param {Object} [options]
 * @param {string} [options.method]
 * @param {Object} [options.headers]
 * @param {Buffer|string|null} [options.body]
 * @param {number} [options.timeout] milliseconds (default 10 000)
 * @return {Promise<{status: number, headers: Object, body: Buffer}>}
 */
export function httpRequest( url, { method = 'GET', headers = {}, body = null, timeout = 10000 } = {} ) {
	return new Promise( ( resolve, reject ) => {
		const request = http.request( url, { method, agent: farmAgent, headers, timeout }, ( response ) => {
			const chunks = [];
			response.on( 'data', ( c ) => chunks.push( c ) );
			response.on( 'end', () => resolve( { status: response.statusCode, headers: response.headers, body: Buffer.concat( chunks ) } ) );
			response.on( 'error', reject );
		} );
		request.on( 'timeout', () => request.destroy( new Error( `no answer from ${ url } within ${ timeout } ms` ) ) );
		request.on( 'error', reject );
		request.end( body || undefined );
	} );
}

/**
 * GET through node:http with the farm's agent.
 *
 * @param {string} url
 * @param {Object} [options]
 * @param {number} [options.timeout] milliseconds (default 10 000)
 * @param {Object} [options.headers]
 * @return {Promise<{status: number, headers: Object, text: string}>}
 */
export async function httpGet( url, { timeout = 10000, headers = {} } = {} ) {
	const response = await httpRequest( url, { headers, timeout } );
	return { status: response.status, headers: response.headers, text: response.body.toString( 'utf8' ) };
}
