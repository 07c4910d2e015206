#!/usr/bin/env node
// npm start: build the gadget, start the local MediaWiki 1.43 wikis (the statement's English wiki
// and a Chinese-language one like zhwiki) with the gadget installed through the deploy command
// and the demo data, and print where to look. A second run reuses all of it.
import { NOTICES_PAGE } from './lib/definition.mjs';
import { provision } from './lib/provision.mjs';
import { STATEMENT } from './lib/seeds.mjs';
import { SetupError } from './lib/wiki.mjs';

const port = Number( process.env.OAN_PORT || 8781 );
const zhPort = Number( process.env.OAN_ZH_PORT || port + 2 );

try {
	const { wiki, bot, deployLog, zh, translate, translations } = await provision( { name: 'demo', port, zhPort, log: ( s ) => process.stderr.write( `[start] ${ s }\n` ) } );
	const admin = wiki.readState().admin;
	const zhAdmin = zh.wiki.readState().admin;
	// Titles as they are (Chinese included): browsers and terminals take them so, and people read them.
	const link = ( server ) => ( title, query = '' ) => `${ server }/index.php?title=${ title.replace( / /g, '_' ) }${ query }`;
	const url = link( wiki.server );
	const zhUrl = link( zh.wiki.server );
	// The numbers Translate computed, as the notices data on the wiki now has them.
	const percent = ( language ) => {
		const counted = translate.ok && translations.counted[ 0 ].translations.find( ( t ) => t.language === language );
		return counted ? `${ counted.complete } %` : 'partial';
	};
	const refresh = ( one ) => translate.ok ?
		`\n  Translations again  OAN_BOT_USER='${ one.bot.username }' OAN_BOT_PASSWORD='${ one.bot.password }' npm run translations -- --api ${ wiki.api } --save ${ one.wiki.api }` :
		'';
	process.stdout.write( `${ deployLog.trim().split( '\n' ).pop() } (English wiki); ${ zh.deployLog.trim().split( '\n' ).pop() } (Chinese-language wiki)

The demo wikis run at ${ wiki.server }/ (English, holds the statement) and ${ zh.wiki.server }/ (Chinese); stop them with: npm stop

  Notice banner         ${ url( 'Main_Page' ) }
    in Chinese          ${ url( 'Main_Page', '&uselang=zh-hk' ) }
    ${ `in Bengali (${ percent( 'bn' ) })`.padEnd( 20 ) }${ url( 'Main_Page', '&uselang=bn' ) }
    other skins         &useskin=vector | monobook | timeless | minerva
  Statement             ${ url( STATEMENT ) }${ translate.ok ? '  (translatable page: Translate)' : '' }
  Banned account        ${ url( 'User:Example_banned_user_1' ) }
  Restored account      ${ url( 'Special:Contributions/玄客' ) }
  Special:UserRights    ${ url( 'Special:UserRights/Example_desysopped_admin_1' ) }  (log in first)
    another wiki        ${ url( 'Special:UserRights/Remote_editor@otherwiki' ) }
  Notices data (edit)   ${ url( NOTICES_PAGE, '&action=edit' ) }
  Gadgets               ${ url( 'Special:Gadgets' ) }

  Log in as             ${ admin.user } / ${ admin.password }   (bureaucrat, interface admin)
  Bot password          ${ bot.username } / ${ bot.password }
  Deploy again          OAN_BOT_USER='${ bot.username }' OAN_BOT_PASSWORD='${ bot.password }' npm run deploy -- --api ${ wiki.api }${ refresh( { wiki, bot } ) }

The Chinese-language wiki (content language zh, read through its variants; anonymous edits make temporary accounts)
  Main page             ${ zhUrl( '首页' ) }
    traditional (zh-tw) ${ zhUrl( '首页', '&variant=zh-tw' ) }
    simplified (zh-cn)  ${ zhUrl( '首页', '&variant=zh-cn' ) }
    Hong Kong (zh-hk)   ${ zhUrl( '首页', '&variant=zh-hk' ) }
  Restored account      ${ zhUrl( 'User:玄客', '&variant=zh-tw' ) }
  Special:UserRights    ${ zhUrl( 'Special:UserRights/Example_banned_user_1' ) }  (log in first)
  Notices data (edit)   ${ zhUrl( NOTICES_PAGE, '&action=edit' ) }
  Log in as             ${ zhAdmin.user } / ${ zhAdmin.password }   (interface language zh; set the variant in
                        Special:Preferences, or log in as ${ zh.reader.user } / ${ zh.reader.password }, whose variant is ${ zh.reader.variant })
  Deploy again          OAN_BOT_USER='${ zh.bot.username }' OAN_BOT_PASSWORD='${ zh.bot.password }' npm run deploy -- --api ${ zh.wiki.api }${ refresh( zh ) }
` );
} catch ( e ) {
	process.stderr.write( `npm start failed: ${ e instanceof SetupError ? e.message : e.stack || e }\n` );
	process.exit( 1 );
}
