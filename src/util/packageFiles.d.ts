// ResourceLoader runs a package gadget's files with a `require` for its other files, and gives
// each a `module`. The build turns these placeholders into them after bundling, so esbuild never
// tries to bundle the wiki's pages (the notices page is edited on-wiki) nor renames the calls.

/** A file of this package gadget: its JSON pages arrive parsed, in the same load.php response. */
declare const OAN_PACKAGE_REQUIRE: ( name: string ) => unknown;

/** The `module` of this package file (the accounts gadget exports through it). */
declare const OAN_PACKAGE_MODULE: { exports: unknown };
