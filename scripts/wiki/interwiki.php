<?php
// office-action-notice: what the farm (farm.php) and the bench's single wikis (settings.php) both
// need. Statements live on Meta (prefix m:) on Wikimedia wikis; here m: points at the local wiki
// that holds the statement. The interwiki table lists it too (scripts/lib/localWikiFiles.mjs), for
// siteinfo's interwikimap; this hook answers the lookups themselves, with no cache to go stale.

/**
 * @param string $server the statement's wiki, e.g. http://meta.wikimedia.test:8781
 * @return callable an InterwikiLoadPrefix handler for m:
 */
function oanStatementInterwiki( string $server ): callable {
	return static function ( $prefix, &$iwData ) use ( $server ) {
		if ( $prefix !== 'm' ) {
			return true;
		}
		$iwData = [
			'iw_prefix' => 'm',
			'iw_url' => $server . '/index.php?title=$1',
			'iw_api' => $server . '/api.php',
			'iw_wikiid' => '',
			'iw_local' => 1,
			'iw_trans' => 0,
		];
		return false;
	};
}
