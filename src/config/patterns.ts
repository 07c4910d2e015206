// The notices data's patterns that code needs beside the schema's validation: each is the schema's
// own (schema/notices.schema.json, $defs), and test/unit/check.test.ts proves they are equal. And
// what the date pattern cannot say: that the day exists.

/** `languageCode`: a language code the data may hold (strict; MediaWiki knows more). */
export const LANGUAGE_CODE_PATTERN = '^[a-z]{2,3}(-[a-z0-9]{2,8})*$';

/** `date`: a day, with a time and a zone after it or not. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

/** LANGUAGE_CODE_PATTERN as a RegExp. */
export const DATA_LANGUAGE_CODE = new RegExp( LANGUAGE_CODE_PATTERN );

const DATE = new RegExp( DATE_PATTERN );

/** A date of the schema's form whose day does not exist (2021-02-30) or whose time cannot be (25:00). */
export function isImpossibleDate( value: string ): boolean {
	if ( !DATE.test( value ) ) {
		return false;
	}
	const y = Number( value.slice( 0, 4 ) );
	const mo = Number( value.slice( 5, 7 ) );
	const d = Number( value.slice( 8, 10 ) );
	const day = new Date( Date.UTC( y, mo - 1, d ) );
	return day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || isNaN( Date.parse( value ) );
}

/** A date as the schema takes it, and one that exists. */
export function isDate( value: unknown ): value is string {
	return typeof value === 'string' && DATE.test( value ) && !isImpossibleDate( value );
}
