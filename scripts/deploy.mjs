#!/usr/bin/env node
// Publishes the built gadget pages to a wiki through the Action API (with mwn), as an interface
// admin would by hand: it shows what will change, asks, then saves. See README, "Installing on
// a wiki", and docs/development.md; `--help` lists the options (HELP below). The work is done in
// scripts/lib/deploy/ (publish, plan, summary, prompt, save) and scripts/lib/wikiApi.mjs.
import { parseArgs } from 'node:util';
import { build } from './build.mjs';
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

/** The command line's options, for parseArgs (and the docs' check that they name only these). */
export const OPTIONS = {
	api: { type: 'string' },
	'dry-run': { type: 'boolean', default: false },
	yes: { type: 'boolean', default: false },
	definition: { type: 'boolean', default: false },
	'replace-notices': { type: 'boolean', default: false },
	'allow-dirty': { type: 'boolean', default: false },
	credentials: { type: 'string' },
	help: { type: 'boolean', default: false }
};

export const HELP = `Usage: npm run deploy -- --api https://example.org/w/api.php [options]

Builds the gadget, shows what would change on the wiki (a diff for each page), asks
"Save these N pages? (y/N)", and saves them with a summary naming the commits since the
version on the wiki.

  --api URL           the wiki's api.php (required)
  --dry-run           show the changes, save nothing
  --yes               save without asking (needed when stdin is not a terminal)
  --definition        also write this gadget's lines into MediaWiki:Gadgets-definition
  --replace-notices   overwrite the on-wiki notices page with data/notices.json (checked first,
                      as when deploy creates it: invalid data is never saved)
  --allow-dirty       deploy from a work tree with uncommitted changes
  --credentials FILE  read the bot password from FILE: {"username": "Name@app", "password": "…"}
  --help              this text

Credentials: OAN_BOT_USER and OAN_BOT_PASSWORD, or .deploy-credentials.json, or --credentials FILE.
`;

async function cli() {
	let values;
	try {
		( { values } = parseArgs( { options: OPTIONS } ) );
	} catch ( e ) {
		throw new ToolError( `${ e.message }; see --help` );
	}
	if ( values.help ) {
		process.stdout.write( HELP );
		return;
	}
	await deploy( {
		api: values.api,
		dryRun: values[ 'dry-run' ],
		yes: values.yes,
		confirm: process.stdin.isTTY ? askOnTerminal : null,
		definition: values.definition,
		allowDirty: values[ 'allow-dirty' ],
		replaceNotices: values[ 'replace-notices' ],
		credentials: readCredentials( values.credentials )
	} );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	cli().catch( ( e ) => {
		process.stderr.write( `deploy failed: ${ e instanceof ToolError ? e.message : e.stack || e }\n` );
		process.exit( 1 );
	} );
}
