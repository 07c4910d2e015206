// The authoring gadget: on the notices page only, for interface admins (the definition loads it
// only there: rights=editsitejson, namespace 8, JSON pages, view/edit/submit). Above the JSON it
// shows the checker's report, a preview of each notice as readers get it, and its accounts; on
// the edit form it checks as the admin types and holds back saving data with problems until
// they confirm. Nothing here ever runs on a reader's page.
import bundles from 'oan:messages';
import { NOTICES_PAGE } from '../config/loadNoticesData';
import { pickMessages } from '../i18n/fallbackChain';
import { PREFIX } from '../util/log';
import { clientOf } from './completeness';
import { showPanel, Texts } from './panel';
import { Get, readRevisions, readSiteFacts } from './wikiRead';

// The page this gadget is for is NOTICES_PAGE; the definition's conditions only narrow it to JSON
// pages in the MediaWiki namespace.
/** On the page view, the one-click update of the translations opens the edit form with this set. */
const UPDATE_PARAM = 'oan-update-completeness';

const get: Get = ( params ) => new Promise( ( resolve, reject ) => {
	new mw.Api().get( params as Record<string, string> ).then( resolve, ( code: string ) => reject( new Error( code ) ) );
} );

/** The text to check (the form's, as typed, or the revision viewed) and the saved text it replaces. */
function readTexts(): Promise<Texts> {
	const action = mw.config.get( 'wgAction' );
	const textbox = document.getElementById( 'wpTextbox1' ) as HTMLTextAreaElement | null;
	if ( ( action === 'edit' || action === 'submit' ) && textbox ) {
		const current = Number( mw.config.get( 'wgCurRevisionId' ) ) || 0;
		const saved = current ? readRevisions( get, [ current ] ) : Promise.resolve( {} as Record<number, string> );
		return saved.then( ( texts ) => ( {
			// Through textSelection, so CodeEditor's or WikiEditor's text counts, not a stale textarea.
			text: () => String( $( textbox ).textSelection( 'getContents' ) ),
			saved: current in texts ? texts[ current ] : null,
			textbox
		} ) );
	}
	// A diff checks its newer side against its older one; a page view checks the revision shown.
	const oldId = Number( mw.config.get( 'wgDiffOldId' ) ) || 0;
	const newId = Number( mw.config.get( 'wgDiffNewId' ) ) || Number( mw.config.get( 'wgRevisionId' ) ) || 0;
	const read = newId ? readRevisions( get, oldId ? [ oldId, newId ] : [ newId ] ) : Promise.resolve( {} as Record<number, string> );
	return read.then( ( texts ) => ( {
		text: () => newId in texts ? texts[ newId ] : null,
		saved: oldId in texts ? texts[ oldId ] : null,
		textbox: null
	} ) );
}

/** The edit form, updating at once; in the language the admin chose for this view (uselang), if any. */
function updateQuery(): Record<string, string> {
	const query: Record<string, string> = { action: 'edit', [ UPDATE_PARAM ]: '1' };
	const uselang = mw.util.getParamValue( 'uselang' );
	if ( uselang ) {
		query.uselang = uselang;
	}
	return query;
}

function runAuthoringView(): void {
	const content = document.getElementById( 'mw-content-text' );
	if ( mw.config.get( 'wgPageName' ) !== NOTICES_PAGE || !content ) {
		return;
	}
	mw.messages.set( pickMessages( bundles, mw.language.getFallbackLanguageChain() ) );
	showPanel( content, {
		bundles,
		get,
		texts: readTexts(),
		site: readSiteFacts( get ),
		form: document.getElementById( 'editform' ) as HTMLFormElement | null,
		clientFor: ( api ) => clientOf( api ? new mw.ForeignApi( api, { anonymous: true } ) : new mw.Api() ),
		updateUrl: mw.config.get( 'wgIsProbablyEditable' ) ? mw.util.getUrl( NOTICES_PAGE, updateQuery() ) : null,
		updateNow: Boolean( mw.util.getParamValue( UPDATE_PARAM ) ),
		locale: mw.language.bcp47( String( mw.config.get( 'wgUserLanguage' ) || 'en' ) )
	} ).catch( ( e ) => mw.log.error( PREFIX, e ) );
}

try {
	runAuthoringView();
} catch ( e ) {
	mw.log.error( PREFIX, e );
}
