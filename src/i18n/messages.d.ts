// Built by scripts/build.mjs from i18n/*.json (without qqq and @metadata).
declare module 'oan:messages' {
	const bundles: Record<string, Record<string, string>>;
	export default bundles;
}
