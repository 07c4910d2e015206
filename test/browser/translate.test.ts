// Issue #14: the statement's wiki runs Translate, as Meta does. The statement is a translatable
// page; the completeness the notice shows comes from Translate's statistics and equals what the
// page's own language bar shows; one command brings a wiki's notice up to date after a
// translator adds a unit, and fails with one line, leaving the notices data as it was.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchives, TRANSLATE_ARCHIVES } from '../../scripts/lib/extensions.mjs';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { apiClient, DATA_PAGE, launch, loginState, open, readPageText, savePageText, url, visit, wiki, zhWiki, farmWiki } from './helpers';

const STATEMENT = 'Office actions/September 2021 statement';
const execFileP = promisify( execFile );

/** The test instance's statement wiki, for its job queue and maintenance scripts. */
const statementWiki = farmWiki( wiki );

type Target = typeof wiki;
type Percentages = Record<string, number>;

/** The statement page's language bar: each translation's percentage, from its link title "… (48% translated)". */
async function barPercentages( page: Page ): Promise<Percentages> {
	await page.goto( url( STATEMENT, { uselang: 'en' } ) );
	return page.evaluate( () => Object.fromEntries( [ ...document.querySelectorAll<HTMLAnchorElement>( 'div.mw-pt-languages a[lang]' ) ]
		.map( ( a ) => [ a.lang, Number( ( /\((\d+)% translated\)$/.exec( a.title ) || [] )[ 1 ] ) ] ) ) );
}

/**
 * The percentages the notice lists beside the statement's languages, and the one it says for
 * the reader's language, as a new reader sees them (a fresh context: nothing cached).
 */
async function noticePercentages( browser: Browser, query: Record<string, string>, target: Target = wiki ): Promise<{ listed: Percentages; meta: string }> {
	const { context, page, errors } = await open( browser );
	await visit( page, target === wiki ? 'Main_Page' : '首页', query, target );
	const seen = await page.evaluate( () => ( {
		listed: Object.fromEntries( [ ...document.querySelectorAll( '.oan-notice .oan-statement-language-list li' ) ]
			.filter( ( li ) => li.querySelector( '.oan-statement-complete' ) )
			.map( ( li ) => [ li.querySelector( 'a' )!.lang, Number( /\d+/.exec( li.querySelector( '.oan-statement-complete' )!.textContent! )![ 0 ] ) ] ) ),
		meta: document.querySelector( '.oan-notice .oan-statement-meta' )!.textContent!
	} ) );
	expect( errors ).toEqual( [] );
	await context.close();
	return seen;
}

/** Runs the command as a person would; never throws. */
async function translationsCommand( args: string[], target: Target = wiki ): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await execFileP( process.execPath, [ path.join( ROOT, 'scripts/translations.mjs' ), ...args ], {
			cwd: ROOT, env: { ...process.env, OAN_BOT_USER: target.bot.username, OAN_BOT_PASSWORD: target.bot.password }
		} );
		return { code: 0, stdout, stderr };
	} catch ( e ) {
		const err = e as { code: number; stdout: string; stderr: string };
		return { code: err.code, stdout: err.stdout, stderr: err.stderr };
	}
}

/** The command that brings a wiki's notices page up to date. */
function saveTo( target: Target ) {
	return translationsCommand( [ '--api', wiki.api, '--save', target.api ], target );
}

describe.runIf( checkArchives( TRANSLATE_ARCHIVES ).ok )( 'the statement\'s wiki with Translate', () => {
	let browser: Browser;
	let page: Page;
	beforeAll( async () => {
		browser = await launch();
		( { page } = await open( browser ) );
	} );
	afterAll( () => browser.close() );

	it( 'holds the statement as a translatable page: a language bar, and /zh and /bn translation pages in their language', async () => {
		const watched = await open( browser );
		await visit( watched.page, STATEMENT );
		expect( await watched.page.locator( 'div.mw-pt-languages' ).count() ).toBe( 1 );
		for ( const language of [ 'zh', 'bn' ] ) {
			await visit( watched.page, `${ STATEMENT }/${ language }` );
			expect( await watched.page.evaluate( () => ( window as any ).mw.config.get( 'wgPageContentLanguage' ) ) ).toBe( language );
			expect( await watched.page.locator( '#mw-content-text > .mw-parser-output' ).getAttribute( 'lang' ) ).toBe( language );
			// Translate's own header names the completeness, as the bar does.
			expect( await watched.page.textContent( '.mw-pt-translate-header' ) ).toMatch( /and the translation is \d+% complete/ );
		}
		expect( watched.errors ).toEqual( [] );
		await watched.context.close();
	} );

	it( 'shows in the notice the percentages of the statement\'s language bar, on the English and the Chinese wiki', async () => {
		const bar = await barPercentages( page );
		expect( Object.keys( bar ).sort() ).toEqual( [ 'bn', 'zh' ] );
		// Translate computed them: no longer the numbers typed into data/notices.json.
		const typed = JSON.parse( fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' ) ).notices[ 0 ].statement.translations;
		expect( bar ).not.toEqual( Object.fromEntries( typed.map( ( t: { language: string; complete: number } ) => [ t.language, t.complete ] ) ) );
		const bengali = await noticePercentages( browser, { uselang: 'bn' } );
		expect( bengali.listed ).toEqual( bar );
		expect( bengali.meta ).toBe( ` (বাংলা, ${ bar.bn }% অনূদিত)` );
		const chinese = await noticePercentages( browser, {}, zhWiki );
		expect( chinese.listed ).toEqual( bar );
		expect( chinese.meta ).toBe( ` （中文，已翻译${ bar.zh }%）` );
	} );

	it( 'brings the notice up to date with one command once a translator has added a Bengali unit and the jobs have run', async () => {
		const before = await barPercentages( page );
		const client = await apiClient();
		const untranslated: any = await client.request( {
			action: 'query', list: 'messagecollection', mcgroup: `page-${ STATEMENT }`, mclanguage: 'bn', mcfilter: '!translated', mcprop: 'translation', mclimit: 1, formatversion: 2
		} );
		const unit = untranslated.query.messagecollection[ 0 ].title;
		await client.request( { action: 'edit', title: unit, text: 'একটি পরীক্ষামূলক অনুবাদ।', summary: 'test', token: client.csrfToken, formatversion: 2 } );
		try {
			statementWiki.maintenance( 'runJobs' );
			const after = await barPercentages( page );
			expect( after.bn ).toBeGreaterThan( before.bn );
			// Until the command runs, the notices data still has the old number.
			expect( JSON.parse( ( await readPageText( DATA_PAGE ) )! ).notices[ 0 ].statement.translations ).toContainEqual( { language: 'bn', complete: before.bn } );
			const runs = await Promise.all( [ saveTo( wiki ), saveTo( zhWiki ) ] );
			[ wiki, zhWiki ].forEach( ( target, i ) => {
				expect( runs[ i ] ).toMatchObject( { code: 0, stderr: '' } );
				expect( runs[ i ].stdout ).toContain( `saved ${ DATA_PAGE } on ${ target.api } (revision ` );
				expect( runs[ i ].stdout ).toContain( `office-action-2021-09: bn ${ before.bn } → ${ after.bn }` );
			} );
			expect( ( await noticePercentages( browser, { uselang: 'bn' } ) ).listed ).toEqual( after );
			expect( ( await noticePercentages( browser, { uselang: 'bn' }, zhWiki ) ).listed ).toEqual( after );
		} finally {
			// The unit goes again (the bot may not delete), and the command follows it back.
			const list = path.join( fs.mkdtempSync( path.join( os.tmpdir(), 'oan-delete-' ) ), 'pages.txt' );
			fs.writeFileSync( list, `${ unit }\n` );
			statementWiki.maintenance( 'deleteBatch', [ '-r', 'test cleanup', list ] );
			statementWiki.maintenance( 'runJobs' );
			await Promise.all( [ saveTo( wiki ), saveTo( zhWiki ) ] );
		}
		expect( await barPercentages( page ) ).toEqual( before );
		expect( ( await noticePercentages( browser, { uselang: 'bn' } ) ).listed ).toEqual( before );
		// Up to date again: the command saves nothing.
		expect( ( await saveTo( wiki ) ).stdout ).toContain( `unchanged ${ DATA_PAGE } on ${ wiki.api }` );
		// Two job runs and five commands: longer than a page view's test.
	}, 150000 );

	it( 'brings the Chinese-language wiki\'s notice up to date with one click in the authoring view, read across origins, and says why when it cannot', async () => {
		const bar = await barPercentages( page );
		const onWiki = JSON.parse( ( await readPageText( DATA_PAGE, zhWiki ) )! );
		const stale = structuredClone( onWiki );
		stale.notices[ 0 ].statement.translations = [ { language: 'zh', complete: bar.zh }, { language: 'bn', complete: 1 } ];
		await savePageText( DATA_PAGE, JSON.stringify( stale, null, '\t' ), {}, zhWiki );
		const resultOf = async ( admin: Page ): Promise<string> => {
			await admin.waitForFunction( () => /^(Updated|Not updated|The data already)/.test( document.querySelector( '.oan-author-update-result' )?.textContent || '' ), null, { timeout: 20000 } );
			return ( await admin.textContent( '.oan-author-update-result' ) )!;
		};
		try {
			const zhAdmin = await loginState( browser, zhWiki.admin.user, zhWiki.admin.password, zhWiki );
			const { context, page: admin, errors } = await open( browser, { storageState: zhAdmin } );
			// The page view's link: one click opens the edit form, which asks the statement's wiki at once.
			await admin.goto( url( DATA_PAGE, { uselang: 'en' }, zhWiki ) );
			await Promise.all( [ admin.waitForNavigation(), admin.click( 'a.oan-author-update' ) ] );
			const change = `office-action-2021-09: bn 1 → ${ bar.bn }`;
			expect( await resultOf( admin ) ).toBe( `Updated in the text below: ${ change }. Review it with "Show changes", then save.` );
			expect( await admin.inputValue( '#wpSummary' ) ).toBe( `Translations' completeness from Translate: ${ change }` );
			const fresh = [ { language: 'zh', complete: bar.zh }, { language: 'bn', complete: bar.bn } ];
			expect( JSON.parse( await admin.inputValue( '#wpTextbox1' ) ).notices[ 0 ].statement.translations ).toEqual( fresh );
			// Nothing is saved until the admin saves.
			expect( JSON.parse( ( await readPageText( DATA_PAGE, zhWiki ) )! ) ).toEqual( stale );
			await Promise.all( [ admin.waitForNavigation(), admin.click( '#wpSave' ) ] );
			expect( JSON.parse( ( await readPageText( DATA_PAGE, zhWiki ) )! ).notices[ 0 ].statement.translations ).toEqual( fresh );
			expect( ( await noticePercentages( browser, { uselang: 'bn' }, zhWiki ) ).listed ).toEqual( bar );

			// A statement page that is not translatable: one line, and the text as it was.
			await admin.goto( url( DATA_PAGE, { action: 'edit', uselang: 'en' }, zhWiki ) );
			await admin.waitForSelector( 'button.oan-author-update' );
			const text = ( await admin.inputValue( '#wpTextbox1' ) ).replace( `"m:${ STATEMENT }"`, '"m:Office actions"' );
			await admin.fill( '#wpTextbox1', text );
			await admin.click( 'button.oan-author-update' );
			expect( await resultOf( admin ) ).toBe( 'Not updated: "Office actions" is not a translatable page (Translate knows no message group page-Office actions)' );
			expect( await admin.inputValue( '#wpTextbox1' ) ).toBe( text );
			expect( errors ).toEqual( [] );
			await context.close();
		} finally {
			await savePageText( DATA_PAGE, JSON.stringify( onWiki, null, '\t' ), {}, zhWiki );
		}
	} );

	it( 'fails with one line and leaves the notices data as it was: the statement wiki unreachable, a wiki without Translate, a page that is not translatable or missing', async () => {
		const onWiki = await readPageText( DATA_PAGE );
		// A port nothing listens on: the one a server just had.
		const server = net.createServer();
		await new Promise<void>( ( resolve ) => {
			server.listen( 0, '127.0.0.1', () => resolve() );
		} );
		const unreachable = `http://127.0.0.1:${ ( server.address() as net.AddressInfo ).port }/api.php`;
		await new Promise( ( resolve ) => {
			server.close( resolve );
		} );
		for ( const [ api, message ] of [
			[ unreachable, `translations failed: cannot reach ${ unreachable } (ECONNREFUSED); check --api and that the wiki is up\n` ],
			[ zhWiki.api, `translations failed: ${ zhWiki.api }: the wiki does not run Translate\n` ]
		] ) {
			expect( await translationsCommand( [ '--api', api, '--save', wiki.api ] ) ).toEqual( { code: 1, stdout: '', stderr: message } );
		}
		expect( await readPageText( DATA_PAGE ) ).toBe( onWiki );

		const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'oan-notices-' ) );
		const data = fs.readFileSync( path.join( ROOT, 'data/notices.json' ), 'utf8' );
		for ( const [ statement, message ] of [
			[ 'm:Office actions', '"Office actions" is not a translatable page (Translate knows no message group page-Office actions)' ],
			[ 'm:No such statement', 'there is no page "No such statement"' ]
		] ) {
			const file = path.join( dir, 'notices.json' );
			const text = data.replace( `"m:${ STATEMENT }"`, JSON.stringify( statement ) );
			fs.writeFileSync( file, text );
			expect( await translationsCommand( [ '--api', wiki.api, '--write', file ] ) ).toEqual( { code: 1, stdout: '', stderr: `translations failed: ${ wiki.api }: ${ message }\n` } );
			expect( fs.readFileSync( file, 'utf8' ) ).toBe( text );
		}
	} );
} );
