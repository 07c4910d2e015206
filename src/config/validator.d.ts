// Generated at build time from schema/notices.schema.json by ajv's standalone code
// (scripts/lib/checker.mjs); check.ts is its only user.
declare module 'oan:notices-validator' {
	export interface SchemaError {
		/** JSON pointer of the value: `/notices/0/revision`. */
		instancePath: string;
		/** Where in the schema: `#/$defs/date/pattern`, or `#/required` inside an object's own function. */
		schemaPath: string;
		keyword: string;
		params: Record<string, unknown>;
		/** Set when the error is about an object's key (propertyNames). */
		propertyName?: string;
		/** The schema of the keyword's object (ajv's `verbose`). */
		parentSchema?: { properties?: Record<string, unknown> };
	}
	interface ValidateFunction {
		( data: unknown ): boolean;
		errors: SchemaError[] | null;
	}
	const validate: ValidateFunction;
	export default validate;
}
