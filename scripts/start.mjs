#!/usr/bin/env node
// npm start: build the gadget, start a local MediaWiki 1.43 with the gadget installed through
// the deploy command and the demo data, and print where to look. A second run reuses all of it.
import { provision } from './lib/provision.mjs';
import { STATEMENT } from './lib/seeds.mjs';
import { SetupError } from './lib/wiki.mjs';

const port = Number( process.env.OAN_PORT || 8781 );

try {
	const { wiki, bot, deployLog } = await provision( { name: 'demo', port, log: ( s ) => process.stderr.write( `[start] ${ s }\n` ) } );
	const admin = wiki.readState().admin;
	const url = ( title, query = '' ) => `${ wiki.server }/index.php?title=${ encodeURIComponent( title.replace( / /g, '_' ) ).replace( /%2F/g, '/' ).replace( /%3A/g, ':' ) }${ query }`;
	process.stdout.write( `${ deployLog.trim().split( '\n' ).pop() }

The demo wiki runs at ${ wiki.server }/ (stop it with: npm stop)

  Notice banner         ${ url( 'Main_Page' ) }
    in Chinese          ${ url( 'Main_Page', '&uselang=zh-hk' ) }
    in Bengali (19 %)   ${ url( 'Main_Page', '&uselang=bn' ) }
    other skins         &useskin=vector | monobook | timeless | minerva
  Statement             ${ url( STATEMENT ) }
  Banned account        ${ url( 'User:Example_banned_user_1' ) }
  Restored account      ${ url( 'Special:Contributions/玄客' ) }
  Special:UserRights    ${ url( 'Special:UserRights/Example_desysopped_admin_1' ) }  (log in first)
    another wiki        ${ url( 'Special:UserRights/Remote_editor@otherwiki' ) }
  Notices data (edit)   ${ url( 'MediaWiki:Gadget-office-action-notice-notices.json', '&action=edit' ) }
  Gadgets               ${ url( 'Special:Gadgets' ) }

  Log in as             ${ admin.user } / ${ admin.password }   (bureaucrat, interface admin)
  Bot password          ${ bot.username } / ${ bot.password }
  Deploy again          OAN_BOT_USER='${ bot.username }' OAN_BOT_PASSWORD='${ bot.password }' npm run deploy -- --api ${ wiki.api } --allow-dirty
` );
} catch ( e ) {
	process.stderr.write( `npm start failed: ${ e instanceof SetupError ? e.message : e.stack || e }\n` );
	process.exit( 1 );
}
