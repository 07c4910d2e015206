// Whether a wiki's pages should reserve the notice's room before the script runs (the styles
// peer, office-action-notice-reserve), decided from the notices data by deploy: only while some
// notice is shown to every reader of that wiki. Otherwise the room would close under every reader
// once the script finds nothing to show (docs/design.md, "What targeting costs"). A pure function:
// deploy runs it through the build (scripts/lib/sourceModule.mjs); readers never download it.
import { Notice } from '../config/types';

/** The wiki deploy writes to, as targeting sees it. */
export interface WikiFacts {
	dbName: string;
	contentLanguage: string;
}

/**
 * Whether some notice is shown to every reader of this wiki now: started, not ended, for all
 * readers (no `users`, `namespaces` or `groups` targeting), and, where it names wikis or content
 * languages, naming this one.
 */
export function roomForEveryReader( notices: Notice[], wiki: WikiFacts, now: Date ): boolean {
	return notices.some( ( n ) => {
		const t = n.target;
		return ( !n.start || Date.parse( n.start ) <= now.getTime() ) &&
			( !n.end || now.getTime() <= Date.parse( n.end ) ) &&
			t.users === 'all' && !t.namespaces && !t.groups &&
			( !t.wikis || t.wikis.includes( wiki.dbName ) ) &&
			( !t.contentLanguages || t.contentLanguages.includes( wiki.contentLanguage ) );
	} );
}
