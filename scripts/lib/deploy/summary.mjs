// What git says for a deploy: whether the work tree has uncommitted changes, and the edit summary,
// which names the commit deployed and the commits since the one the wiki's script was built from.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../paths.mjs';

function git( args ) {
	return execFileSync( 'git', args, { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
}

/** Whether tracked files have uncommitted changes (false outside a git work tree). */
export function isDirty() {
	try {
		return git( [ 'status', '--porcelain', '--untracked-files=no' ] ) !== '';
	} catch {
		return false;
	}
}

/** MediaWiki keeps 500 characters of a summary; 500 bytes hold in any script. */
export const SUMMARY_BYTES = 500;

/** Text cut to at most `max` bytes of UTF-8, at a character boundary, ending with "…" when cut. */
export function cutToBytes( text, max ) {
	if ( Buffer.byteLength( text ) <= max ) {
		return text;
	}
	let out = '';
	for ( const ch of text ) {
		if ( Buffer.byteLength( out + ch + '…' ) > max ) {
			break;
		}
		out += ch;
	}
	return out + '…';
}

/**
 * The commit the wiki's script came from, as its header names it (see scripts/build.mjs):
 * `/*! office-action-notice <sha>` (with `-dirty` for a build from uncommitted changes).
 *
 * @param {string} scriptText the wiki's current script page ('' when missing)
 * @return {string|null} the sha, or null when the text names none
 */
export function deployedCommit( scriptText ) {
	const m = /^\/\*! office-action-notice ([0-9a-f]{7,40})(?:-dirty)?(?=\s)/.exec( scriptText );
	return m ? m[ 1 ] : null;
}

/**
 * The edit summary: the commit deployed, and the subjects of the commits since the one the wiki's
 * script names, newest first, as many as fit in SUMMARY_BYTES.
 *
 * @param {Object} c
 * @param {string} c.head short sha of HEAD
 * @param {string} c.subject its subject
 * @param {boolean} c.dirty built from uncommitted changes
 * @param {Object} c.since what the wiki had: { missing: true } (no script yet), { sha: null } (no
 *  commit named), { sha, unknown: true } (not in this repository), or { sha, subjects } (git log sha..HEAD)
 * @return {string}
 */
export function formatSummary( { head, subject, dirty, since } ) {
	const base = `Git commit ${ head }: ${ subject }${ dirty ? ' (uncommitted changes)' : '' }`;
	if ( since.missing ) {
		return cutToBytes( `${ base }; the wiki had no script yet`, SUMMARY_BYTES );
	}
	if ( !since.sha ) {
		return cutToBytes( `${ base }; the wiki's script names no commit`, SUMMARY_BYTES );
	}
	if ( since.unknown ) {
		return cutToBytes( `${ base }; since ${ since.sha }: not in this repository`, SUMMARY_BYTES );
	}
	const n = since.subjects.length;
	if ( !n ) {
		return cutToBytes( `${ base }; since ${ since.sha }: no new commits`, SUMMARY_BYTES );
	}
	const text = `${ base }; since ${ since.sha }: ${ n } commit${ n > 1 ? 's' : '' }: `;
	// Whole subjects while they fit, with room for "; …" when more follow; else the first one cut.
	const shown = [];
	for ( const [ i, subj ] of since.subjects.entries() ) {
		const more = i < n - 1 ? '; …' : '';
		if ( Buffer.byteLength( text + shown.concat( subj ).join( '; ' ) + more ) > SUMMARY_BYTES ) {
			return shown.length ? `${ text }${ shown.join( '; ' ) }; …` : cutToBytes( text + subj, SUMMARY_BYTES );
		}
		shown.push( subj );
	}
	return text + shown.join( '; ' );
}

/**
 * What git says about the commits since the one the wiki's script names.
 *
 * @param {string|null} sha from deployedCommit(), or null
 * @param {boolean} scriptExists whether the wiki has the script page at all
 */
function commitsSince( sha, scriptExists ) {
	if ( !scriptExists ) {
		return { missing: true };
	}
	if ( !sha ) {
		return { sha: null };
	}
	try {
		git( [ 'rev-parse', '--verify', '--quiet', `${ sha }^{commit}` ] );
	} catch {
		return { sha, unknown: true };
	}
	const log = git( [ 'log', '--format=%s', `${ sha }..HEAD` ] );
	return { sha, subjects: log ? log.split( '\n' ) : [] };
}

/**
 * The summary of this deploy, against the wiki's main script as readPage() gave it.
 *
 * @param {{exists: boolean, content: string}} wikiScript
 * @return {string}
 */
export function commitSummary( wikiScript ) {
	let head;
	let subject;
	try {
		head = git( [ 'rev-parse', '--short=12', 'HEAD' ] );
		subject = git( [ 'log', '-1', '--format=%s' ] );
	} catch {
		return 'office-action-notice (no git commit)';
	}
	return formatSummary( {
		head, subject, dirty: isDirty(), since: commitsSince( deployedCommit( wikiScript.content ), wikiScript.exists )
	} );
}
