// Starts fresh local wikis for the browser tests on their own ports: the statement's (English)
// wiki on OAN_TEST_PORT (default 8782) and the Chinese-language wiki on OAN_TEST_ZH_PORT (default
// that + 2), installs the gadget on each through the deploy command, and stops them afterwards.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { localWikis, provision } from '../../scripts/lib/provision.mjs';

export interface WikiInfo {
	server: string;
	api: string;
	admin: { user: string; password: string };
	bot: { username: string; password: string };
	deployLog: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		wiki: WikiInfo;
		zhWiki: WikiInfo;
	}
}

export default async function setup( project: TestProject ): Promise<() => void> {
	const port = Number( process.env.OAN_TEST_PORT || 8782 );
	const zhPort = Number( process.env.OAN_TEST_ZH_PORT || port + 2 );
	for ( const stale of Object.values( localWikis( 'test', port, zhPort ) ) ) {
		stale.stopServer();
		fs.rmSync( stale.dir, { recursive: true, force: true } );
	}
	const { wiki, bot, deployLog, zh } = await provision( { name: 'test', port, zhPort } );
	if ( !zh ) {
		throw new Error( 'the Chinese-language test wiki was not provisioned' );
	}
	project.provide( 'wiki', { server: wiki.server, api: wiki.api, admin: wiki.readState().admin, bot, deployLog } );
	project.provide( 'zhWiki', { server: zh.wiki.server, api: zh.wiki.api, admin: zh.wiki.readState().admin, bot: zh.bot, deployLog: zh.deployLog } );
	return () => {
		wiki.stopServer();
		zh.wiki.stopServer();
	};
}
