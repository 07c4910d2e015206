// The scripts' one way to a wiki: the Action API through mwn (bot-password login, reading a page
// with the revision it came from, saving with conflict detection), plain GETs for raw reads, and
// every failure explained in one line. Deploy, check, translations, bench, the provisioning of
// the local wikis and the browser tests' helpers all go through it.
//
// Local wikis may be reached by names such as http://zh.wikipedia.test:8400/api.php, which no DNS
// resolves: every request goes through agents whose lookup answers 127.0.0.1 for `*.test`
// (a name reserved for testing, RFC 2606) and asks the system's resolver for any other name.
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { Mwn } from 'mwn';
import { ROOT } from './paths.mjs';

/** A failure the commands print as its message alone, one line saying what to do. */
export class ToolError extends Error {}

/** Whether a host name is a local test name (`*.test`), served on this machine. */
export function isTestHost( hostname ) {
	return /\.test\.?$/i.test( hostname );
}

/**
 * A dns.lookup() for sockets: 127.0.0.1 for `*.test` names, the system's resolver for the rest.
 * Node asks with `all: true` (a list of addresses) when it tries several families.
 */
export function testHostLookup( hostname, options, callback ) {
	if ( typeof options === 'function' ) {
		callback = options;
		options = {};
	}
	if ( !isTestHost( hostname ) ) {
		dns.lookup( hostname, options, callback );
		return;
	}
	const address = '127.0.0.1';
	process.nextTick( () => ( options && options.all ? callback( null, [ { address, family: 4 } ] ) : callback( null, address, 4 ) ) );
}

/** The agents every request of the scripts goes through (connections kept alive, as mwn does). */
export const httpAgent = new http.Agent( { keepAlive: true, lookup: testHostLookup } );
export const httpsAgent = new https.Agent( { keepAlive: true, lookup: testHostLookup } );

/** One line for any failure of mwn, the network or a GET here. */
export function explain( e, api ) {
	if ( e instanceof ToolError ) {
		return e;
	}
	const code = e && ( e.code || ( e.response && e.response.status ) );
	if ( [ 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ERR_INVALID_URL' ].includes( code ) ) {
		return new ToolError( `cannot reach ${ api } (${ code }); check --api and that the wiki is up` );
	}
	if ( e && e.response && e.response.status ) {
		return new ToolError( `${ api } answered HTTP ${ e.response.status }; is this the api.php URL?` );
	}
	if ( code === 'editconflict' ) {
		return new ToolError( 'edit conflict: someone saved the page while deploying; nothing was overwritten, run the deploy again' );
	}
	if ( [ 'WrongPass', 'Failed', 'WrongPluginPass', 'NotExists', 'Aborted' ].includes( code ) || /password|login/i.test( String( e && e.message ) ) ) {
		return new ToolError( `login failed (${ e.info || e.message }); check the bot password from Special:BotPasswords` );
	}
	return new ToolError( `API error: ${ e && e.message ? e.message : e }` );
}

/**
 * A GET over node:http(s) through the agents above, following redirects.
 *
 * @param {string} url
 * @param {Object} [options]
 * @param {Object<string, string>} [options.headers]
 * @param {number} [options.timeout] ms without an answer before it fails with ETIMEDOUT
 * @return {Promise<{status: number, body: Buffer}>} rejects with the socket's error (its `code`:
 *  ECONNREFUSED…) or ERR_INVALID_URL
 */
export function httpGet( url, { headers = {}, timeout } = {}, redirects = 5 ) {
	return new Promise( ( resolve, reject ) => {
		const target = new URL( url );
		const secure = target.protocol === 'https:';
		const req = ( secure ? https : http ).get( target, { agent: secure ? httpsAgent : httpAgent, headers }, ( res ) => {
			const chunks = [];
			res.on( 'data', ( c ) => chunks.push( c ) );
			res.on( 'error', reject );
			res.on( 'end', () => {
				if ( res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0 ) {
					resolve( httpGet( new URL( res.headers.location, target ).href, { headers, timeout }, redirects - 1 ) );
				} else {
					resolve( { status: res.statusCode, body: Buffer.concat( chunks ) } );
				}
			} );
		} );
		if ( timeout ) {
			req.setTimeout( timeout, () => {
				reject( Object.assign( new Error( `no answer within ${ timeout } ms` ), { code: 'ETIMEDOUT' } ) );
				req.destroy();
			} );
		}
		req.on( 'error', reject );
	} );
}

/**
 * One request as a browser made it (any method, its headers and body), through the agents above,
 * redirects not followed: the browser tests' control pages forward routed document requests with
 * it, since Playwright's own route.fetch() sends from Node, where *.test resolves through nothing.
 *
 * @param {string} url
 * @param {Object} request
 * @param {string} request.method
 * @param {Object<string, string>} request.headers
 * @param {Buffer|null} request.body
 * @return {Promise<{status: number, headers: Object, body: Buffer}>}
 */
export function forwardRequest( url, { method, headers, body } ) {
	return new Promise( ( resolve, reject ) => {
		const target = new URL( url );
		const secure = target.protocol === 'https:';
		const req = ( secure ? https : http ).request( target, { method, headers, agent: secure ? httpsAgent : httpAgent }, ( res ) => {
			const chunks = [];
			res.on( 'data', ( c ) => chunks.push( c ) );
			res.on( 'error', reject );
			res.on( 'end', () => resolve( { status: res.statusCode, headers: res.headers, body: Buffer.concat( chunks ) } ) );
		} );
		req.on( 'error', reject );
		req.end( body || undefined );
	} );
}

/** A raw read (load.php, action=raw…): the body as text; an HTTP error status is an error ({ response: { status } }, as explain() reads). */
export async function fetchText( url ) {
	const res = await httpGet( url );
	if ( res.status >= 400 ) {
		throw Object.assign( new Error( `${ url } answered HTTP ${ res.status }` ), { response: { status: res.status } } );
	}
	return res.body.toString( 'utf8' );
}

function userAgent( tool ) {
	return `office-action-notice-${ tool } (MediaWiki gadget tools)`;
}

/**
 * Action API requests without mwn and without a login (GET, format=json): what reading needs.
 *
 * @param {string} api the wiki's api.php
 * @param {string} tool names the script in the User-Agent
 * @return {function(Object): Promise<Object>} the answer's body; failures are ToolErrors
 */
export function apiGetter( api, tool ) {
	let url;
	try {
		url = new URL( api );
	} catch {
		throw new ToolError( `--api ${ api } is not a URL; give the wiki's api.php, e.g. https://example.org/w/api.php` );
	}
	return async ( params ) => {
		let res;
		try {
			res = await httpGet( `${ url.href }?${ new URLSearchParams( { format: 'json', ...params } ) }`, { headers: { 'User-Agent': userAgent( tool ) } } );
		} catch ( e ) {
			throw explain( e, api );
		}
		if ( res.status >= 400 ) {
			throw explain( { response: { status: res.status } }, api );
		}
		let body;
		try {
			body = JSON.parse( res.body.toString( 'utf8' ) );
		} catch {
			throw new ToolError( `${ api } did not answer with JSON; is this the api.php URL?` );
		}
		if ( body.error ) {
			throw new ToolError( `${ api } answered with an API error: ${ body.error.code }: ${ body.error.info }` );
		}
		return body;
	};
}

/**
 * An mwn client of a wiki, not logged in (reading needs no login).
 *
 * @param {string} api the wiki's api.php
 * @param {string} tool names the script in the User-Agent
 * @param {Object} [more] more mwn options (username, password, defaultParams)
 */
export function wikiClient( api, tool, more = {} ) {
	const client = new Mwn( {
		apiUrl: api, userAgent: userAgent( tool ), silent: true, maxRetries: 0, ...more,
		defaultParams: { maxlag: undefined, ...more.defaultParams }
	} );
	client.setRequestOptions( { httpAgent, httpsAgent } );
	return client;
}

/**
 * Logs in with a bot password (Special:BotPasswords) and fetches the tokens; every request of the
 * client then asserts that it is still logged in.
 *
 * @param {string} api
 * @param {{username: string, password: string}} credentials
 * @param {string} tool names the script in the User-Agent
 * @return {Promise<Mwn>} rejects with a ToolError (explain())
 */
export async function login( api, credentials, tool ) {
	try {
		const client = wikiClient( api, tool, { username: credentials.username, password: credentials.password, defaultParams: { assert: 'user' } } );
		await client.login();
		return client;
	} catch ( e ) {
		throw explain( e, api );
	}
}

/** Bot password from OAN_BOT_USER/OAN_BOT_PASSWORD, else from a JSON file { "username", "password" }. */
export function readCredentials( file, env = process.env ) {
	if ( env.OAN_BOT_USER && env.OAN_BOT_PASSWORD ) {
		return { username: env.OAN_BOT_USER, password: env.OAN_BOT_PASSWORD };
	}
	const f = file || path.join( ROOT, '.deploy-credentials.json' );
	if ( !fs.existsSync( f ) ) {
		throw new ToolError( `no credentials: set OAN_BOT_USER and OAN_BOT_PASSWORD (a bot password from Special:BotPasswords), or write ${ path.relative( process.cwd(), f ) } as {"username": "Name@app", "password": "…"}` );
	}
	try {
		const c = JSON.parse( fs.readFileSync( f, 'utf8' ) );
		if ( typeof c.username === 'string' && typeof c.password === 'string' ) {
			return c;
		}
	} catch {}
	throw new ToolError( `${ f } must hold {"username": "Name@app", "password": "…"}` );
}

/**
 * A page's current text, with the revision's timestamp and the time it was read (what a save
 * needs to detect a conflict) and its content model; exists: false when missing.
 *
 * @param {{request: Function}} client
 * @param {string} title
 */
export async function readPage( client, title ) {
	const res = await client.request( {
		action: 'query', titles: title, prop: 'revisions', rvprop: 'content|timestamp|contentmodel', rvslots: 'main', curtimestamp: true, formatversion: 2
	} );
	const page = res.query.pages[ 0 ];
	if ( page.missing || !page.revisions ) {
		return { exists: false, content: '', timestamp: null, curtimestamp: res.curtimestamp };
	}
	const slot = page.revisions[ 0 ].slots.main;
	return { exists: true, content: slot.content, contentModel: slot.contentmodel, timestamp: page.revisions[ 0 ].timestamp, curtimestamp: res.curtimestamp };
}

/**
 * The edit parameters (without the token) that make any edit since `current` was read a
 * conflict: the revision it was read from (basetimestamp) and when (starttimestamp); an existing
 * page is never created anew (nocreate), a missing one never overwritten (createonly).
 *
 * @param {Object} edit
 * @param {string} edit.title
 * @param {string} edit.text
 * @param {string} edit.summary
 * @param {Object} edit.current what readPage() gave
 * @param {string} [edit.contentModel] for a page it creates
 */
export function conflictSafeEdit( { title, text, summary, current, contentModel } ) {
	const params = { action: 'edit', title, text, summary, formatversion: 2, starttimestamp: current.curtimestamp };
	if ( current.exists ) {
		params.basetimestamp = current.timestamp;
		params.nocreate = true;
	} else {
		params.createonly = true;
		if ( contentModel ) {
			params.contentmodel = contentModel;
		}
	}
	return params;
}

/**
 * Saves a page read with readPage(): an edit made since is a conflict, never overwritten.
 *
 * @return {Promise<Object>} the API's edit result (newrevid…)
 */
export async function savePage( client, title, text, current, summary, contentModel ) {
	const res = await client.request( { ...conflictSafeEdit( { title, text, summary, current, contentModel } ), token: client.csrfToken } );
	if ( !res.edit || res.edit.result !== 'Success' ) {
		throw new ToolError( `saving ${ title } failed: ${ JSON.stringify( res.edit || res ) }` );
	}
	return res.edit;
}

/**
 * Saves a page whatever it holds now (set-up of local wikis and tests, where nobody else edits).
 *
 * @param {Object} client a logged-in client
 * @param {string} title
 * @param {string} text
 * @param {Object} [params] more edit parameters (summary, contentmodel…)
 */
export function editPage( client, title, text, params = {} ) {
	return client.request( { action: 'edit', title, text, summary: 'office-action-notice', formatversion: 2, ...params, token: client.csrfToken } );
}

/** Saves a page unless it already has exactly this text (trailing white space aside); true when saved. */
export async function ensurePage( client, title, text, summary ) {
	const current = await readPage( client, title );
	if ( current.exists && current.content.trimEnd() === text.trimEnd() ) {
		return false;
	}
	await editPage( client, title, text, { summary } );
	return true;
}
