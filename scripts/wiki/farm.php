<?php
// office-action-notice: the one LocalSettings of the local wiki farm (scripts/lib/farm.mjs), as
// Wikimedia runs one: one MediaWiki code base, one database per wiki, the wiki chosen by the
// request's host name (or by `--wiki=<db>` for maintenance scripts), and one account system
// (CentralAuth) across all of them. The farm's LocalSettings.php sets $oanFarm (rewritten by every
// `npm start` and test run) and then requires this file.
//
// $oanFarm keys: port, dataDir, secretKey, upgradeKey, statementWiki (the wiki that holds the
// statement: m: points there), extensions (the optional extensions whose archives were there:
// CentralAuth, AntiSpoof, MobileFrontend, Translate, UniversalLanguageSelector), and wikis, each
// { id, host, mobileHost?, lang, sitename, family, tempAccounts?, translate?, mobile? }.

if ( !defined( 'MEDIAWIKI' ) ) {
	exit;
}

$oanWikis = [];
$oanHosts = [];
foreach ( $oanFarm['wikis'] as $oanWiki ) {
	$oanWikis[ $oanWiki['id'] ] = $oanWiki;
	$oanHosts[ $oanWiki['host'] ] = $oanWiki['id'];
	if ( !empty( $oanWiki['mobileHost'] ) ) {
		$oanHosts[ $oanWiki['mobileHost'] ] = $oanWiki['id'];
	}
}
$oanServer = static function ( $wiki ) use ( $oanFarm ) {
	return 'http://' . $wiki['host'] . ':' . $oanFarm['port'];
};

// Which wiki: `--wiki=<db>` (MW_DB) for maintenance scripts, else the Host header, port stripped.
$oanRequestHost = strtolower( preg_replace( '/:\d+$/', '', $_SERVER['HTTP_HOST'] ?? '' ) );
if ( defined( 'MW_DB' ) ) {
	$oanId = MW_DB;
} elseif ( PHP_SAPI === 'cli' ) {
	$oanId = getenv( 'OAN_WIKI' ) ?: $oanFarm['statementWiki'];
} else {
	$oanId = $oanHosts[ $oanRequestHost ] ?? null;
}
if ( !isset( $oanWikis[ $oanId ] ) ) {
	if ( PHP_SAPI === 'cli' ) {
		fwrite( STDERR, "No wiki $oanId in this farm\n" );
		exit( 1 );
	}
	http_response_code( 404 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "No wiki at this host: $oanRequestHost\n";
	exit;
}
$oanThis = $oanWikis[ $oanId ];
$oanIsMobileHost = !empty( $oanThis['mobileHost'] ) && $oanRequestHost === $oanThis['mobileHost'];
$oanExtensions = $oanFarm['extensions'];

// The farm, as WikiMap, Special:UserRights (Name@enwiki) and CentralAuth see it.
$wgLocalDatabases = array_keys( $oanWikis );
$wgConf->wikis = $wgLocalDatabases;
$wgConf->suffixes = [ 'wikibooks' => 'wikibooks', 'wikipedia' => 'wiki' ];
$wgConf->settings = [
	'wgServer' => [],
	'wgCanonicalServer' => [],
	'wgArticlePath' => [ 'default' => '/index.php/$1' ],
	'wgScriptPath' => [ 'default' => '' ],
	'wgLanguageCode' => [],
	'wgSitename' => [],
];
foreach ( $oanWikis as $oanId => $oanWiki ) {
	$wgConf->settings['wgServer'][ $oanId ] = $oanServer( $oanWiki );
	$wgConf->settings['wgCanonicalServer'][ $oanId ] = $oanServer( $oanWiki );
	$wgConf->settings['wgLanguageCode'][ $oanId ] = $oanWiki['lang'];
	$wgConf->settings['wgSitename'][ $oanId ] = $oanWiki['sitename'];
}
$wgDBname = $oanThis['id'];
$wgConf->extractAllGlobals( $wgDBname );

$wgMetaNamespace = 'Project';
$wgScriptPath = '';
$wgResourceBasePath = $wgScriptPath;
$wgLogos = [
	'1x' => "$wgResourceBasePath/resources/assets/change-your-logo.svg",
	'icon' => "$wgResourceBasePath/resources/assets/change-your-logo-icon.svg",
];
$wgFavicon = '/resources/assets/change-your-logo-icon.svg';
$wgLocaltimezone = 'UTC';
$wgSecretKey = $oanFarm['secretKey'];
$wgUpgradeKey = $oanFarm['upgradeKey'];
$wgAuthenticationTokenVersion = '1';
$wgEnableEmail = false;
$wgPingback = false;
$wgUseInstantCommons = false;
$wgEnableUploads = false;
$wgDiff3 = '/usr/bin/diff3';

// One SQLite file per wiki, in one folder; one cache file for all (CACHE_DB: CLI PHP has no
// APCu, and the server and the maintenance scripts must see the same caches). Jobs stay in each
// wiki's own database (no 'server' for the job queue).
$wgDBtype = 'sqlite';
$wgDBserver = '';
$wgDBuser = '';
$wgDBpassword = '';
$wgSQLiteDataDir = $oanFarm['dataDir'];
$oanSqlite = static function ( $dbname ) use ( $wgSQLiteDataDir ) {
	return [
		'type' => 'sqlite', 'dbname' => $dbname, 'tablePrefix' => '', 'variables' => [ 'synchronous' => 'NORMAL' ],
		'dbDirectory' => $wgSQLiteDataDir, 'trxMode' => 'IMMEDIATE', 'flags' => 0,
	];
};
$wgObjectCaches[CACHE_DB] = [ 'class' => SqlBagOStuff::class, 'loggroup' => 'SQLBagOStuff', 'server' => $oanSqlite( 'wikicache' ) ];
// The interface messages as PHP files (OPcache keeps them in memory), one folder per wiki, since
// the wikis load different extensions: much less work per request than reading them from SQLite.
$wgCacheDirectory = "{$oanFarm['dataDir']}/cache-{$wgDBname}";
$wgLocalisationCacheConf['store'] = 'array';
$wgJobTypeConf['default'] = [ 'class' => 'JobQueueDB', 'claimTTL' => 3600 ];
$wgResourceLoaderUseObjectCacheForDeps = true;
$wgMainCacheType = CACHE_DB;
$wgMessageCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;

$wgEnableBotPasswords = true;
$wgRateLimits = [];
$wgPasswordAttemptThrottle = [];
$wgAccountCreationThrottle = 0;
$wgShowExceptionDetails = true;
$wgDefaultSkin = 'vector-2022';
$wgVectorNightMode = [ 'logged_in' => true, 'logged_out' => true, 'beta' => false ];

wfLoadSkin( 'Vector' );
wfLoadSkin( 'MonoBook' );
wfLoadSkin( 'Timeless' );
wfLoadSkin( 'MinervaNeue' );
wfLoadExtension( 'Gadgets' );
wfLoadExtension( 'ParserFunctions' );
wfLoadExtension( 'Interwiki' );

// Groups that give access to nonpublic data on Wikimedia wikis (CheckUser, Oversight are not
// installed here): defined so Special:UserRights offers them, as the notices data names them.
$wgGroupPermissions['checkuser']['read'] = true;
$wgGroupPermissions['suppress']['read'] = true;
// Special:UserRights/Name@enwiki, as bureaucrats on a farm may.
$wgGroupPermissions['bureaucrat']['userrights-interwiki'] = true;

// Anonymous editors get temporary accounts (~2026-12345), as on Wikimedia wikis.
if ( !empty( $oanThis['tempAccounts'] ) ) {
	$wgAutoCreateTempUser['enabled'] = true;
	$wgAutoCreateTempUser['known'] = true;
	$wgAutoCreateTempUser['genPattern'] = '~$1';
	$wgAutoCreateTempUser['reservedPattern'] = '~$1';
	$wgAutoCreateTempUser['serialProvider'] = [ 'type' => 'local', 'useYear' => true ];
	$wgAutoCreateTempUser['serialMapping'] = [ 'type' => 'scramble' ];
}

// Statements live on Meta (prefix m:), as on Wikimedia wikis.
require_once __DIR__ . '/interwiki.php';
$wgHooks['InterwikiLoadPrefix'][] = oanStatementInterwiki( $oanServer( $oanWikis[ $oanFarm['statementWiki'] ] ) );

// Global accounts, as on Wikimedia: CentralAuth (with AntiSpoof) on SQLite, central login through
// Meta, cookies shared by the wikis of one family (.wikipedia.test, .wikibooks.test), one bot
// password for every wiki (stored on Meta, keyed by the global account).
if ( in_array( 'CentralAuth', $oanExtensions, true ) ) {
	wfLoadExtension( 'AntiSpoof' );
	wfLoadExtension( 'CentralAuth' );
	$wgVirtualDomainsMapping['virtual-centralauth'] = [ 'db' => 'centralauth' ];
	$wgVirtualDomainsMapping['virtual-botpasswords'] = [ 'db' => $oanFarm['statementWiki'] ];
	$wgCentralAuthCookies = true;
	$wgCentralAuthLoginWiki = $oanFarm['statementWiki'];
	$wgCentralAuthAutoLoginWikis = [];
	foreach ( $oanWikis as $oanWiki ) {
		$oanDomain = $oanWiki['family'] === 'wikimedia' ? $oanWiki['host'] : '.' . $oanWiki['family'] . '.test';
		$wgCentralAuthAutoLoginWikis[ $oanDomain ] = $wgCentralAuthAutoLoginWikis[ $oanDomain ] ?? $oanWiki['id'];
	}
	$wgCentralAuthCookieDomain = $oanThis['family'] === 'wikimedia' ? $oanThis['host'] : '.' . $oanThis['family'] . '.test';
	$wgCentralAuthEnableGlobalRenameRequest = false;
}

// The mobile site, as Wikimedia serves phones: MobileFrontend in Minerva on the m. host name.
// Wikimedia's Varnish tells MediaWiki through a header; php -S cannot add one, so on the m. host
// the header named is Host, which every request has.
if ( !empty( $oanThis['mobileHost'] ) && in_array( 'MobileFrontend', $oanExtensions, true ) ) {
	wfLoadExtension( 'MobileFrontend' );
	$wgMFAutodetectMobileView = false;
	$oanMobileHost = $oanThis['mobileHost'];
	$oanDesktopHost = $oanThis['host'];
	$wgMobileUrlCallback = static function ( $host ) use ( $oanDesktopHost, $oanMobileHost ) {
		return $host === $oanDesktopHost ? $oanMobileHost : $host;
	};
	$wgMFMobileHeader = $oanIsMobileHost ? 'Host' : 'X-Subdomain';
	$wgDefaultMobileSkin = 'minerva';
}

// Page translation, as on Meta: translatable pages with a language bar and Translate's statistics.
if ( !empty( $oanThis['translate'] ) && in_array( 'Translate', $oanExtensions, true ) ) {
	wfLoadExtension( 'UniversalLanguageSelector' );
	wfLoadExtension( 'Translate' );
	// Translate needs ULS's code, not its interface: without it, every page outside the statement
	// loads and looks as on the other wikis (no language selector in the header, no interface
	// language from Accept-Language), so the measurements and the other tests stay comparable.
	$wgULSEnable = false;
	$wgGroupPermissions['user']['translate'] = true;
	$wgGroupPermissions['sysop']['pagetranslation'] = true;
	$wgGroupPermissions['sysop']['translate-manage'] = true;
	// Translation pages get their language as page language (zh, bn), as on Meta.
	$wgPageLanguageUseDB = true;
	// No translation memory or machine translation: nothing to reach beyond this machine.
	$wgTranslateTranslationServices = [];
	$wgTranslateTranslationDefaultService = false;
}
