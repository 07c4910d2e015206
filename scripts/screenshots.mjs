#!/usr/bin/env node
// npm run screenshots: starts (or reuses) the demo wikis and saves the pictures the README and
// docs/design.md show into docs/screenshots/. Fonts for Chinese and Bengali come from Debian's
// fonts-noto-cjk and fonts-noto-core, installed here when missing (as root on Debian).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, logIn } from './lib/browser.mjs';
import { NOTICES_PAGE } from './lib/definition.mjs';
import { ROOT } from './lib/paths.mjs';
import { provisionFarm } from './lib/provisionFarm.mjs';

const OUT = path.join( ROOT, 'docs/screenshots' );

function ensureFonts() {
	if ( fs.existsSync( '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' ) ) {
		return;
	}
	try {
		execFileSync( 'apt-get', [ 'install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk', 'fonts-noto-core' ], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } );
	} catch {
		process.stderr.write( 'warning: could not install fonts-noto-cjk fonts-noto-core; Chinese and Bengali may show as boxes\n' );
	}
}

/** Each shot: file, page, query, viewport, and what else to set up (wiki: the farm's database name, default metawiki). */
export const SHOTS = [
	{ file: 'banner-vector-2022.png', title: 'Main_Page', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 } },
	{ file: 'banner-vector-2022-night.png', title: 'Main_Page', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, night: true },
	{ file: 'banner-dismissed-vector-2022.png', title: 'Main_Page', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, dismissed: true },
	{ file: 'banner-minerva-phone.png', title: 'Main_Page', query: { useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true },
	{ file: 'banner-dismissed-minerva-phone.png', title: 'Main_Page', query: { useskin: 'minerva' }, viewport: { width: 390, height: 844 }, mobile: true, dismissed: true },
	{ file: 'banner-opened-vector-2022.png', title: 'Main_Page', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 800 }, click: '.oan-notice-toggle' },
	{ file: 'banner-rtl-he.png', title: 'Main_Page', query: { useskin: 'vector-2022', uselang: 'he' }, viewport: { width: 1280, height: 800 } },
	{ file: 'banner-bn-partial.png', title: 'Main_Page', query: { useskin: 'vector-2022', uselang: 'bn' }, viewport: { width: 1280, height: 800 } },
	{ file: 'account-restored-zh.png', title: 'User:玄客', query: { useskin: 'vector-2022', uselang: 'zh-hant' }, viewport: { width: 1280, height: 800 } },
	{ file: 'banner-zh-tw.png', wiki: 'zhwiki', title: '首页', query: { useskin: 'vector-2022', variant: 'zh-tw' }, viewport: { width: 1280, height: 800 } },
	{ file: 'banner-zh-cn.png', wiki: 'zhwiki', title: '首页', query: { useskin: 'vector-2022', variant: 'zh-cn' }, viewport: { width: 1280, height: 800 } },
	// The authoring view, for an interface admin: the report and the first preview.
	{ file: 'authoring-view.png', title: NOTICES_PAGE, query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 1250 }, login: true, waitFor: '.oan-author-report' },
	{ file: 'userrights-warning.png', title: 'Special:UserRights/Example_desysopped_admin_2', query: { useskin: 'vector-2022' }, viewport: { width: 1280, height: 1000 }, login: true, tick: [ 'sysop', 'checkuser' ], click: 'input[name="saveusergroups"]' }
];

/**
 * @param {Object<string, string>} servers the demo farm's servers by database name
 * @param {{user: string, password: string}} admin the farm's admin (for the shots that log in)
 * @param {Object[]} [shots]
 * @param {string} [outDir]
 */
export async function shoot( servers, admin, shots = SHOTS, outDir = OUT ) {
	fs.mkdirSync( outDir, { recursive: true } );
	const browser = await launchChromium();
	try {
		for ( const shot of shots ) {
			const wikiId = shot.wiki || 'metawiki';
			const server = servers[ wikiId ];
			const context = await browser.newContext( {
				viewport: shot.viewport, isMobile: !!shot.mobile, hasTouch: !!shot.mobile, deviceScaleFactor: 1,
				colorScheme: shot.night ? 'dark' : 'light'
			} );
			if ( shot.night ) {
				await context.addCookies( [ { name: `${ wikiId }mwclientpreferences`, value: 'skin-theme-clientpref-night', url: server } ] );
			}
			if ( shot.dismissed ) {
				await context.addCookies( [ { name: 'officeActionNoticeHide', value: 'v1~office-action-2021-09.99', domain: `.${ new URL( server ).hostname.split( '.' ).slice( -2 ).join( '.' ) }`, path: '/' } ] );
			}
			const page = await context.newPage();
			if ( shot.login ) {
				await logIn( page, server, admin.user, admin.password );
			}
			const params = new URLSearchParams( { title: shot.title, ...shot.query } );
			await page.goto( `${ server }/index.php?${ params }` );
			await page.waitForSelector( shot.waitFor || '.oan-notice, .oan-minimised, .oan-account', { timeout: 15000 } );
			for ( const group of shot.tick || [] ) {
				await page.check( `#wpGroup-${ group }` );
			}
			if ( shot.click ) {
				await page.click( shot.click );
			}
			await page.waitForTimeout( 300 );
			await page.screenshot( { path: path.join( outDir, shot.file ) } );
			process.stdout.write( `saved ${ path.relative( ROOT, path.join( outDir, shot.file ) ) }\n` );
			await context.close();
		}
	} finally {
		await browser.close();
	}
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	ensureFonts();
	const port = Number( process.env.OAN_PORT || 8781 );
	const { farm, admin } = await provisionFarm( { name: 'demo', port } );
	await shoot( Object.fromEntries( farm.wikis.map( ( w ) => [ w.id, w.server ] ) ), admin );
}
