// The build published to a wiki as an interface admin would by hand: it shows what will change,
// asks, then saves. The deploy command (scripts/deploy.mjs) checks its options, builds, and
// calls publish().
import { NOTICES_PAGE, readDefinition } from '../definition.mjs';
import { explain, login, readPage, ToolError } from '../wikiApi.mjs';
import { checkNoticesEdit, checkRights, definitionEdit, noticesAfter, pageEdits, plannedPages } from './plan.mjs';
import { saveQuestion } from './prompt.mjs';
import { definitionWithRoom, roomNeeded, wikiFacts } from './room.mjs';
import { saveEdits } from './save.mjs';
import { commitSummary, isDirty } from './summary.mjs';

/** Why a deploy without --yes stops when nobody can be asked. */
export const NO_TERMINAL = 'stdin is not a terminal, so there is nobody to ask before saving; pass --yes to save without asking, or --dry-run to only see the changes';

/** Refuses, before anything is built or read, what cannot go well (opts: as publish()'s). */
export function checkOptions( opts ) {
	if ( !opts.api ) {
		throw new ToolError( 'missing --api https://example.org/w/api.php (or --farm FILE for every wiki of a farm file)' );
	}
	if ( !opts.allowDirty && isDirty() ) {
		throw new ToolError( 'the work tree has uncommitted changes; commit them, or pass --allow-dirty' );
	}
	if ( !opts.dryRun && !opts.yes && !opts.confirm ) {
		throw new ToolError( NO_TERMINAL );
	}
}

/**
 * Reads the wiki and works out every edit, shown as it goes: the definition first (it says which
 * pages make up the gadget), then the pages; the definition's edit comes last in the list, so the
 * wiki never lists a page that does not exist yet. The farm deploy (farmDeploy.mjs) passes
 * `opts.noticesFrom`, the source wiki's notices text, on the wikis that copy it: there the notices
 * page is left to the copy, and the languages page names the source's languages; and `opts.brief`:
 * no line for the pages left alone (its table counts them).
 *
 * @return {Promise<{edits: Object[], wikiScript: Object, wikiNotices: Object, unchanged: number}>}
 */
export async function planEdits( client, manifest, opts, log ) {
	const def = readDefinition();
	const show = { verb: opts.dryRun ? 'would' : 'will', log, diffs: opts.diffs !== false, brief: Boolean( opts.brief ) };
	await checkRights( client, manifest, opts.definition, opts.credentials.username );
	// The notices page is read first: the room in the definition and the languages' names follow it.
	const wikiNotices = await readPage( client, NOTICES_PAGE );
	const copies = typeof opts.noticesFrom === 'string';
	const named = copies ? { content: opts.noticesFrom } : wikiNotices;
	const room = roomNeeded( noticesAfter( manifest, named, opts.replaceNotices ), await wikiFacts( client ), new Date() );
	const definition = await definitionEdit( client, definitionWithRoom( def, room ), { apply: opts.definition, ...show } );
	const plan = ( await plannedPages( client, manifest, def, named, opts.replaceNotices ) )
		.filter( ( p ) => !copies || p.title !== NOTICES_PAGE );
	const { edits, read, unchanged } = await pageEdits( client, plan, { [ NOTICES_PAGE ]: wikiNotices }, show );
	await checkNoticesEdit( client, edits, log );
	// The wiki's main script names the commit it was built from: the summary lists what came since.
	const wikiScript = read.get( def.title( def.main.pages[ 0 ] ) ) || { exists: false, content: '' };
	return { edits: definition ? edits.concat( definition ) : edits, wikiScript, wikiNotices, unchanged };
}

/**
 * @param {{pages: Object[]}} manifest the build's (scripts/build.mjs)
 * @param {Object} opts
 * @param {string} opts.api api.php URL
 * @param {boolean} [opts.dryRun] show the changes, save nothing
 * @param {boolean} [opts.yes] save without asking
 * @param {Function} [opts.confirm] asks a yes/no question, resolves true for yes; needed unless
 *  dryRun or yes (the command line passes one when stdin is a terminal)
 * @param {boolean} [opts.definition] also update MediaWiki:Gadgets-definition
 * @param {boolean} [opts.allowDirty]
 * @param {boolean} [opts.replaceNotices] overwrite the on-wiki notices page with data/notices.json
 * @param {{username: string, password: string}} opts.credentials
 * @param {Function} [opts.log] receives each output line
 * @return {Promise<string[]>} the titles saved (or, in a dry run, that would be)
 */
export async function publish( manifest, opts ) {
	const log = opts.log || ( ( l ) => process.stdout.write( l + '\n' ) );
	const client = await login( opts.api, opts.credentials, 'deploy' );
	try {
		const { edits, wikiScript } = await planEdits( client, manifest, opts, log );
		if ( opts.dryRun ) {
			log( `dry run: ${ edits.length } page(s) would change; nothing was saved` );
			return edits.map( ( e ) => e.title );
		}
		if ( !edits.length ) {
			log( 'done: 0 page(s) changed' );
			return [];
		}
		if ( !opts.yes && !await opts.confirm( saveQuestion( edits.length ) ) ) {
			log( 'not saved: nothing was changed on the wiki' );
			return [];
		}
		// The texts were read before the question: an edit made on the wiki meanwhile is a conflict.
		await saveEdits( client, edits, commitSummary( wikiScript ), log );
		return edits.map( ( e ) => e.title );
	} catch ( e ) {
		throw explain( e, opts.api );
	} finally {
		await client.logout().catch( () => {} );
	}
}
