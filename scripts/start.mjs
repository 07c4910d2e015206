#!/usr/bin/env node
// npm start: build the gadget, start the local wiki farm (Meta with the statement, zhwiki and its
// mobile site, enwiki, zhwikibooks; global accounts) with the gadget installed on every wiki
// through the deploy command and the demo data, describe it in .wiki/farm.json, and print where
// to look. A second run reuses all of it.
import path from 'node:path';
import { HOST_RESOLVER_RULES } from './lib/browser.mjs';
import { farmFile, provisionFarm } from './lib/provisionFarm.mjs';
import { NOTICES_PAGE } from './lib/definition.mjs';
import { ROOT } from './lib/paths.mjs';
import { STATEMENT } from './lib/seeds.mjs';
import { SetupError } from './lib/system.mjs';

const port = Number( process.env.OAN_PORT || 8781 );

try {
	const { farm, wikis, bot, admin, reader, translations, extensions } = await provisionFarm( { name: 'demo', port, log: ( s ) => process.stderr.write( `[start] ${ s }\n` ) } );
	const meta = farm.wiki( 'metawiki' );
	const zh = farm.wiki( 'zhwiki' );
	const en = farm.wiki( 'enwiki' );
	const books = farm.wiki( 'zhwikibooks' );
	// Titles as they are (Chinese included): browsers and terminals take them so, and people read them.
	const link = ( server ) => ( title, query = '' ) => `${ server }/index.php?title=${ title.replace( / /g, '_' ) }${ query }`;
	const [ metaUrl, zhUrl, enUrl, booksUrl ] = [ meta, zh, en, books ].map( ( w ) => link( w.server ) );
	const mobileUrl = zh.mobileServer ? link( zh.mobileServer ) : null;
	// The numbers Translate computed, as the notices data on the wiki now has them.
	const percent = ( language ) => {
		const counted = translations && translations.counted[ 0 ].translations.find( ( t ) => t.language === language );
		return counted ? `${ counted.complete } %` : 'partial';
	};
	const deployed = Object.values( wikis ).map( ( w ) => `${ w.wiki.id }: ${ w.deployLog.trim().split( '\n' ).pop() }` ).join( '\n' );
	const without = extensions.missing.length ? `\n${ extensions.missing.map( ( m ) => `  (${ m })` ).join( '\n' ) }\n` : '';
	process.stdout.write( `${ deployed }

The demo farm runs on port ${ port } (one PHP server for every wiki); stop it with: npm stop
Its host names end in .test and are in no DNS. Open them in Chromium started with
  chromium ${ HOST_RESOLVER_RULES.replace( '=', '="' ) }"
or add "127.0.0.1 ${ farm.wikis.map( ( w ) => [ new URL( w.server ).hostname, w.mobileServer && new URL( w.mobileServer ).hostname ] ).flat().filter( Boolean ).join( ' ' ) }" to /etc/hosts.
The farm, for deploy and scripts: ${ path.relative( ROOT, farmFile( farm ) ) }${ without }

Meta (meta.wikimedia.test): the statement, and the gadget as on every wiki
  Notice banner         ${ metaUrl( 'Main_Page' ) }
    in Chinese          ${ metaUrl( 'Main_Page', '&uselang=zh-hk' ) }
    ${ `in Bengali (${ percent( 'bn' ) })`.padEnd( 20 ) }${ metaUrl( 'Main_Page', '&uselang=bn' ) }
    other skins         &useskin=vector | monobook | timeless | minerva
  Statement             ${ metaUrl( STATEMENT ) }${ translations ? '  (translatable page: Translate)' : '' }
  Notices data (edit)   ${ metaUrl( NOTICES_PAGE, '&action=edit' ) }
zhwiki (zh.wikipedia.test): content language zh, read through its variants; anonymous edits make temporary accounts
  Main page             ${ zhUrl( '首页' ) }
    traditional (zh-tw) ${ zhUrl( '首页', '&variant=zh-tw' ) }
    simplified (zh-cn)  ${ zhUrl( '首页', '&variant=zh-cn' ) }
    Hong Kong (zh-hk)   ${ zhUrl( '首页', '&variant=zh-hk' ) }
  Mobile site           ${ mobileUrl ? mobileUrl( '首页' ) : '(none: MobileFrontend is not installed)' }
  Banned, locked        ${ zhUrl( 'User:Example_banned_user_1', '&variant=zh-tw' ) }
  Restored account      ${ zhUrl( 'Special:Contributions/玄客', '&variant=zh-tw' ) }
  Special:UserRights    ${ zhUrl( 'Special:UserRights/Example_desysopped_admin_1' ) }  (log in first)
    another wiki        ${ zhUrl( 'Special:UserRights/Example_banned_user_2@enwiki' ) }
enwiki (en.wikipedia.test)   ${ enUrl( 'Main_Page' ) }
zhwikibooks (zh.wikibooks.test, another family)   ${ booksUrl( '首页' ) }

  Log in as             ${ admin.user } / ${ admin.password }   (bureaucrat and interface admin on every wiki; ${ farm.has( 'CentralAuth' ) ? 'one global account' : 'an account on each wiki' })
                        or ${ reader.user } / ${ reader.password }, whose variant on zhwiki is ${ reader.variant }
  Bot password          ${ bot.username } / ${ bot.password }${ farm.has( 'CentralAuth' ) ? '   (one for every wiki)' : '' }
  Deploy again          OAN_BOT_USER='${ bot.username }' OAN_BOT_PASSWORD='${ bot.password }' npm run deploy -- --api ${ zh.api }
` );
} catch ( e ) {
	process.stderr.write( `npm start failed: ${ e instanceof SetupError ? e.message : e.stack || e }\n` );
	process.exit( 1 );
}
