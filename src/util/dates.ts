// English month names, as CLDR writes them in a long date. Locale data, not interface text.
const ENGLISH_MONTHS = [ 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December' ];

/**
 * The long date of English ("September 16, 2021") and of every Chinese locale ("2021年9月16日"),
 * the readers most notices have, written without Intl: the first Intl call of a page view costs
 * 15 to 35 ms (the browser starts ICU), on the way to the notice being visible. The same text as
 * Intl gives (tested); null for any other locale.
 */
function dateWithoutIntl( time: number, locale: string ): string | null {
	const day = new Date( time );
	const year = day.getUTCFullYear();
	if ( year < 1000 || year > 9999 ) {
		return null;
	}
	if ( /^zh(-|$)/i.test( locale ) ) {
		return `${ year }年${ day.getUTCMonth() + 1 }月${ day.getUTCDate() }日`;
	}
	if ( /^en(-US)?$/i.test( locale ) ) {
		return `${ ENGLISH_MONTHS[ day.getUTCMonth() ] } ${ day.getUTCDate() }, ${ year }`;
	}
	return null;
}

/**
 * A date for people in the given locale ("16 September 2021"; "2021年9月16日"), in UTC so every
 * reader sees the same day; falls back to the ISO date where Intl does not know the locale.
 *
 * @param iso the date as the data gives it
 * @param locale a BCP 47 tag ("zh-Hant-HK")
 */
export function formatDate( iso: string, locale: string ): string {
	const time = Date.parse( iso );
	if ( isNaN( time ) ) {
		return iso;
	}
	const known = dateWithoutIntl( time, locale );
	if ( known !== null ) {
		return known;
	}
	try {
		return new Intl.DateTimeFormat( locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ).format( time );
	} catch ( e ) {
		return new Date( time ).toISOString().slice( 0, 10 );
	}
}

/**
 * The language's own name for itself ("中文", "বাংলা"): MediaWiki's, where the languages page has
 * it (deploy writes the names of the languages the notices and the gadget use, so ordinary page
 * views need no Intl); else the browser's; else the code.
 *
 * @param code language code
 * @param names MediaWiki's autonyms by code (the languages page)
 */
export function autonym( code: string, names: Record<string, string> = {} ): string {
	if ( Object.prototype.hasOwnProperty.call( names, code ) ) {
		return names[ code ];
	}
	try {
		// Guarded: where Intl.DisplayNames is missing, the code is shown.
		// eslint-disable-next-line compat/compat
		const display = new Intl.DisplayNames( [ code ], { type: 'language' } );
		const name = display.of( code );
		return name && name !== code ? name : code;
	} catch ( e ) {
		return code;
	}
}
