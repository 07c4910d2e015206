// The authoring view's one click for the statement's translations: Translate's numbers read from
// the statement's wiki in the admin's browser (cross-origin, anonymous: origin=*), written into
// the edit form's text as an edit the admin then reviews and saves. The reading and the rewrite
// are the same code as `npm run translations` (src/completeness/).
import { StatementClient } from '../completeness/statistics';
import { updateNoticesText } from '../completeness/updateNoticesText';
import { statementApi } from './wikiRead';

export type { StatementClient };

/** mw.Api (or mw.ForeignApi) as such a client: its failures become Errors with the API's code. */
export function clientOf( api: mw.Api ): StatementClient {
	return {
		request: ( params ) => new Promise( ( resolve, reject ) => {
			// mw.Api rejects with the error code and the whole answer.
			api.get( params as Record<string, string> ).then( resolve, ( ( code: string, result?: { error?: { info?: string } } ) => {
				const info = result && result.error && result.error.info;
				const error = new Error( info ? `${ code }: ${ info }` : String( code ) ) as Error & { code: string };
				error.code = code;
				reject( error );
			} ) as () => void );
		} )
	};
}

export interface CompletenessUpdate {
	text: string;
	/** One line per notice that changed ("office-action-2021-09: bn 14 → 29"). */
	changes: string[];
}

/**
 * The text with each notice's translations as Translate counts them. Notices are read one by
 * one, each from the wiki its statement page names.
 *
 * @param text the notices page's text as in the edit form
 * @param interwikiApis this wiki's interwiki prefixes and their APIs
 * @param clientFor a client for an API URL, or for this wiki (null)
 * @return rejected with the first failure (an Error), nothing changed then
 */
export function updateCompleteness(
	text: string, interwikiApis: Record<string, string>, clientFor: ( api: string | null ) => StatementClient
): Promise<CompletenessUpdate> {
	let notices: { id?: unknown; statement?: { page?: unknown } }[];
	try {
		const data = JSON.parse( text );
		notices = data && Array.isArray( data.notices ) ? data.notices : [];
	} catch ( e ) {
		return Promise.reject( e );
	}
	// One notice after another, each on the text the one before left.
	return notices.reduce( ( done: Promise<CompletenessUpdate>, notice ) => done.then( ( so ) => {
		const page = notice && notice.statement && notice.statement.page;
		if ( !notice || typeof notice.id !== 'string' || typeof page !== 'string' ) {
			return so;
		}
		const client = clientFor( statementApi( page, interwikiApis ) );
		return updateNoticesText( so.text, client, { notice: notice.id } ).then( ( result ) => ( {
			text: result.text,
			changes: so.changes.concat( result.changes )
		} ) );
	} ), Promise.resolve( { text, changes: [] } ) );
}
