// Starts a fresh local farm for the browser tests on its own port (OAN_TEST_PORT, default 8782):
// meta.wikimedia.test, zh.wikipedia.test (and its mobile site), en.wikipedia.test and
// zh.wikibooks.test, with global accounts, the gadget installed on each through the deploy
// command; one farm for every test file, stopped afterwards.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { Farm } from '../../scripts/lib/farm.mjs';
import { provisionFarm } from '../../scripts/lib/provisionFarm.mjs';

export interface WikiInfo {
	/** The database name: metawiki, zhwiki, enwiki, zhwikibooks. */
	id: string;
	server: string;
	api: string;
	/** The mobile site's server, where the wiki has one (zh.m.wikipedia.test). */
	mobileServer: string | null;
	admin: { user: string; password: string };
	bot: { username: string; password: string };
	deployLog: string;
}

export interface FarmInfo {
	name: string;
	port: number;
	/** Which optional extensions run: CentralAuth, MobileFrontend, Translate, … */
	extensions: string[];
	reader: { user: string; password: string; variant: string };
	locked: string[];
}

declare module 'vitest' {
	export interface ProvidedContext {
		farm: FarmInfo;
		wiki: WikiInfo;
		zhWiki: WikiInfo;
		enWiki: WikiInfo;
		booksWiki: WikiInfo;
	}
}

export default async function setup( project: TestProject ): Promise<() => void> {
	const port = Number( process.env.OAN_TEST_PORT || 8782 );
	const stale = new Farm( 'test', port );
	stale.stopServer();
	fs.rmSync( stale.dir, { recursive: true, force: true } );
	const started = Date.now();
	const { farm, wikis, bot, admin, reader } = await provisionFarm( { name: 'test', port } );
	process.stdout.write( `test farm ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s\n` );
	const info = ( id: string ): WikiInfo => {
		const one = wikis[ id ];
		return { id, server: one.wiki.server, api: one.wiki.api, mobileServer: one.wiki.mobileServer, admin, bot, deployLog: one.deployLog };
	};
	project.provide( 'farm', { name: farm.name, port, extensions: farm.extensions, reader, locked: farm.readState().locked || [] } );
	project.provide( 'wiki', info( 'metawiki' ) );
	project.provide( 'zhWiki', info( 'zhwiki' ) );
	project.provide( 'enWiki', info( 'enwiki' ) );
	project.provide( 'booksWiki', info( 'zhwikibooks' ) );
	return () => {
		farm.stopServer();
	};
}
