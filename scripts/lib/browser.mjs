// Chromium as the browser tests, the bench and the screenshots drive it: Debian's own browser
// (never one a tool downloads), with flags that keep it from doing anything beyond the page, and
// the wiki's own login form.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './system.mjs';

export const CHROMIUM_FLAGS = [ '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run' ];

/** Chromium's flag that sends the local farm's host names (*.test, reserved for testing) to this machine. */
export const HOST_RESOLVER_RULES = '--host-resolver-rules=MAP *.test 127.0.0.1';

/**
 * The flags, the farm's host names sent to this machine, and Local Network Access off: a page the
 * tests serve themselves (the control without the gadget, route.fulfill) has no address, so
 * Chromium takes it for a public page and blocks its requests to the farm on 127.0.0.1 (every
 * stylesheet and script, net::ERR_FAILED). Wikimedia's readers never meet this: their pages and
 * load.php share one public address space.
 */
export const CHROMIUM_ARGS = [ ...CHROMIUM_FLAGS, HOST_RESOLVER_RULES, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests' ];

/**
 * @return {Promise<Object>} a Playwright browser
 */
export function launchChromium() {
	return chromium.launch( { executablePath: CHROMIUM, args: CHROMIUM_ARGS } );
}

/**
 * Logs in through Special:UserLogin in this page, as a person would.
 *
 * @param {Object} page a Playwright page
 * @param {string} server
 * @param {string} user
 * @param {string} password
 * @return {Promise<void>}
 */
export async function logIn( page, server, user, password ) {
	await page.goto( `${ server }/index.php?title=Special:UserLogin` );
	await page.fill( '#wpName1', user );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
}

/**
 * Logs in in a context of its own and returns the session, for new contexts.
 *
 * @param {Object} browser a Playwright browser
 * @param {string} server
 * @param {string} user
 * @param {string} password
 * @return {Promise<Object>} the session (Playwright's storage state)
 */
export async function loginState( browser, server, user, password ) {
	const context = await browser.newContext();
	await logIn( await context.newPage(), server, user, password );
	const state = await context.storageState();
	await context.close();
	return state;
}
