#!/usr/bin/env node
// Publishes the built gadget pages to a wiki through the Action API (with mwn), as an interface
// admin would by hand: it shows what will change, asks, then saves. See README, "Installing on
// a wiki", and docs/development.md; `--help` lists the options (HELP below). The work is done in
// scripts/lib/deploy/ (publish, plan, summary, prompt, save; farmDeploy and its farm* modules for
// --farm) and scripts/lib/wikiApi.mjs.
import { parseArgs } from 'node:util';
import { build } from './build.mjs';
import { farmDeploy } from './lib/deploy/farmDeploy.mjs';
import { readFarmFile, selectWikis, UsageError } from './lib/deploy/farmFile.mjs';
import { askOnTerminal } from './lib/deploy/prompt.mjs';
import { checkOptions, publish } from './lib/deploy/publish.mjs';
import { readCredentials, ToolError } from './lib/wikiApi.mjs';

/**
 * Checks the options, builds, and publishes the build (opts: as publish()'s, in
 * scripts/lib/deploy/publish.mjs).
 *
 * @return {Promise<string[]>} the titles saved (or, in a dry run, that would be)
 */
export async function deploy( opts ) {
	checkOptions( opts );
	return publish( await build( { quiet: true } ), opts );
}

/**
 * The same for every wiki of a farm file (opts: as farmDeploy()'s, in
 * scripts/lib/deploy/farmDeploy.mjs, with `farmFile`, the file's path, for `farm`).
 *
 * @return {Promise<{rows: Object[], failed: boolean}>}
 */
export async function deployFarm( opts ) {
	const farm = readFarmFile( opts.farmFile );
	selectWikis( farm, opts.only );
	checkOptions( { ...opts, api: opts.farmFile } );
	return farmDeploy( await build( { quiet: true } ), { ...opts, farm } );
}

/** The command line's options, for parseArgs (and the docs' check that they name only these). */
export const OPTIONS = {
	api: { type: 'string' },
	farm: { type: 'string' },
	only: { type: 'string', multiple: true },
	diffs: { type: 'boolean', default: false },
	'replace-copies': { type: 'boolean', default: false },
	'dry-run': { type: 'boolean', default: false },
	yes: { type: 'boolean', default: false },
	definition: { type: 'boolean', default: false },
	'replace-notices': { type: 'boolean', default: false },
	'allow-dirty': { type: 'boolean', default: false },
	credentials: { type: 'string' },
	help: { type: 'boolean', default: false }
};

export const HELP = `Usage: npm run deploy -- --api https://example.org/w/api.php [options]
       npm run deploy -- --farm FILE [--only ID…] [options]

Builds the gadget, shows what would change on the wiki (a diff for each page), asks
"Save these N pages? (y/N)", and saves them with a summary naming the commits since the
version on the wiki.

With --farm, does that for every wiki of FILE (.wiki/farm.json's format), 3 at a time, and
copies the notices data from the source wiki (the one marked "source": true, else the first)
to the others' notices pages: it shows each wiki's plan (diffs with --diffs), asks once
"Save these N pages on M wikis? (y/N)", saves, and prints a table per wiki. A copy edited on
its wiki is a conflict, kept (--replace-copies replaces it). Exit status 1 when a wiki failed
or kept a conflict.

  --api URL           the wiki's api.php (one wiki)
  --farm FILE         every wiki of a farm file: {"wikis": [{"id", "api", "bot"?, "source"?}…]}
  --only ID…          with --farm: only these wikis (ids, or --only a --only b, or a,b)
  --diffs             with --farm: show each page's diff (a copy's conflict always shows it)
  --replace-copies    with --farm: replace copies of the notices data edited on their wiki
  --dry-run           show the changes, save nothing
  --yes               save without asking (needed when stdin is not a terminal)
  --definition        also write this gadget's lines into MediaWiki:Gadgets-definition
  --replace-notices   overwrite the on-wiki notices page with data/notices.json (checked first,
                      as when deploy creates it: invalid data is never saved)
  --allow-dirty       deploy from a work tree with uncommitted changes
  --credentials FILE  read the bot password from FILE: {"username": "Name@app", "password": "…"}
  --help              this text

Credentials: OAN_BOT_USER and OAN_BOT_PASSWORD, or .deploy-credentials.json, or --credentials FILE.
With --farm: a wiki's own "bot" in FILE, else FILE's "accounts": {"bot": {…}}, else as above
(one bot password for all through a global account, or one per wiki).
`;

/** The wiki ids --only names: repeated, comma-separated, or the words after it. */
function onlyIds( values, positionals ) {
	if ( positionals.length && !values.only ) {
		throw new UsageError( `unexpected ${ positionals.join( ' ' ) }; see --help` );
	}
	return values.only && values.only.concat( positionals ).flatMap( ( v ) => v.split( ',' ) ).filter( Boolean );
}

async function cli() {
	let values;
	let positionals;
	try {
		( { values, positionals } = parseArgs( { options: OPTIONS, allowPositionals: true } ) );
	} catch ( e ) {
		throw new UsageError( `${ e.message }; see --help` );
	}
	if ( values.help ) {
		process.stdout.write( HELP );
		return;
	}
	const common = {
		dryRun: values[ 'dry-run' ],
		yes: values.yes,
		confirm: process.stdin.isTTY ? askOnTerminal : null,
		definition: values.definition,
		allowDirty: values[ 'allow-dirty' ]
	};
	if ( values.farm ) {
		if ( values.api || values[ 'replace-notices' ] ) {
			throw new UsageError( `--farm goes without ${ values.api ? '--api' : '--replace-notices' } (the source wiki's notices page is edited on its wiki; --replace-copies replaces edited copies); see --help` );
		}
		const { failed } = await deployFarm( {
			...common, farmFile: values.farm, only: onlyIds( values, positionals ), diffs: values.diffs,
			replaceCopies: values[ 'replace-copies' ], credentials: () => readCredentials( values.credentials )
		} );
		process.exitCode = failed ? 1 : 0;
		return;
	}
	if ( values.only || positionals.length || values.diffs || values[ 'replace-copies' ] ) {
		throw new UsageError( '--only, --diffs and --replace-copies go with --farm; see --help' );
	}
	await deploy( { ...common, api: values.api, replaceNotices: values[ 'replace-notices' ], credentials: readCredentials( values.credentials ) } );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	cli().catch( ( e ) => {
		process.stderr.write( `deploy failed: ${ e instanceof ToolError ? e.message : e.stack || e }\n` );
		process.exit( e instanceof UsageError ? 2 : 1 );
	} );
}
