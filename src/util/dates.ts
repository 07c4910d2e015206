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
	try {
		return new Intl.DateTimeFormat( locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ).format( time );
	} catch ( e ) {
		return new Date( time ).toISOString().slice( 0, 10 );
	}
}

/** The language's own name for itself ("中文", "বাংলা"), or the code where the browser has none. */
export function autonym( code: string ): string {
	try {
		// Guarded: where Intl.DisplayNames is missing, the code is shown.
		// eslint-disable-next-line compat/compat
		const names = new Intl.DisplayNames( [ code ], { type: 'language' } );
		const name = names.of( code );
		return name && name !== code ? name : code;
	} catch ( e ) {
		return code;
	}
}
