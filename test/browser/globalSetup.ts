// Starts a fresh local wiki for the browser tests on its own port (OAN_TEST_PORT, default 8782),
// installs the gadget through the deploy command, and stops the server afterwards.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { provision } from '../../scripts/lib/provision.mjs';
import { Wiki } from '../../scripts/lib/wiki.mjs';

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
	}
}

export default async function setup( project: TestProject ): Promise<() => void> {
	const port = Number( process.env.OAN_TEST_PORT || 8782 );
	const stale = new Wiki( 'test', port );
	stale.stopServer();
	fs.rmSync( stale.dir, { recursive: true, force: true } );
	const { wiki, bot, deployLog } = await provision( { name: 'test', port } );
	project.provide( 'wiki', { server: wiki.server, api: wiki.api, admin: wiki.readState().admin, bot, deployLog } );
	return () => {
		wiki.stopServer();
	};
}
