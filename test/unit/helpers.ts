import fs from 'node:fs';
import path from 'node:path';
import { Notice } from '../../src/config/types';
import { guardNoticesData } from '../../src/config/guard';
import { pickMessages } from '../../src/i18n/fallbackChain';
import { RenderDeps } from '../../src/util/dom';

export const ROOT = path.resolve( __dirname, '../..' );

export function readJson( rel: string ): unknown {
	return JSON.parse( fs.readFileSync( path.join( ROOT, rel ), 'utf8' ) );
}

export function defaultNotices(): Notice[] {
	const { data, warnings } = guardNoticesData( readJson( 'data/notices.json' ) );
	if ( warnings.length ) {
		throw new Error( warnings.join( '\n' ) );
	}
	return data.notices;
}

export function bundles(): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for ( const file of fs.readdirSync( path.join( ROOT, 'i18n' ) ) ) {
		out[ file.replace( /\.json$/, '' ) ] = readJson( `i18n/${ file }` ) as Record<string, string>;
	}
	return out;
}

/** Render dependencies with the real message texts, filled in the way mw.message().text() does. */
export function deps( chain: string[] = [ 'en' ] ): RenderDeps {
	const messages = pickMessages( bundles(), chain );
	return {
		msg: ( key, ...params ) => {
			const text = messages[ key ];
			if ( text === undefined ) {
				throw new Error( `no message ${ key }` );
			}
			return text.replace( /\$(\d+)/g, ( m, n ) => params[ Number( n ) - 1 ] ?? m );
		},
		getUrl: ( page ) => `/index.php?title=${ encodeURIComponent( page.replace( / /g, '_' ) ) }`,
		userLanguage: chain[ 0 ],
		chain,
		locale: chain[ 0 ],
		languageNames: {}
	};
}

export function clone<T>( value: T ): T {
	return JSON.parse( JSON.stringify( value ) );
}
