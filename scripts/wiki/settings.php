<?php
// office-action-notice: the settings of the local demo and test wikis, on top of what
// `maintenance/run.php install` wrote. Each wiki's LocalSettings.php requires its oan-settings.php,
// which sets $oan (rewritten by every `npm start` and test run, see scripts/lib/wiki.mjs) and
// then requires this file.
//
// $oan keys: uploadDir, localDatabases (the "farm" Special:UserRights knows), statementServer
// (where m: points: the wiki that holds the statement), tempAccounts (bool), translate (bool:
// this wiki runs Translate, as Meta does; only the statement's wiki, and only when the
// extension archives were there, see scripts/lib/extensions.mjs), extensions (loaded beyond
// the installer's: only the bench's twin has any).

$wgMainCacheType = CACHE_DB;
$wgMessageCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgUploadDirectory = $oan['uploadDir'];
$wgEnableBotPasswords = true;
$wgDefaultSkin = 'vector-2022';
$wgRateLimits = [];
$wgPasswordAttemptThrottle = [];
$wgAccountCreationThrottle = 0;
$wgShowExceptionDetails = true;
$wgEnableUploads = false;
$wgFavicon = '/resources/assets/change-your-logo-icon.svg';
$wgVectorNightMode = [ 'logged_in' => true, 'logged_out' => true, 'beta' => false ];

// Groups that give access to nonpublic data on Wikimedia wikis (CheckUser, Oversight are not
// installed here): defined so Special:UserRights offers them, as the notices data names them.
$wgGroupPermissions['checkuser']['read'] = true;
$wgGroupPermissions['suppress']['read'] = true;

// Wikis of the same "farm", for Special:UserRights/Name@otherwiki.
$wgLocalDatabases = $oan['localDatabases'];
$wgGroupPermissions['bureaucrat']['userrights-interwiki'] = true;

// Anonymous editors get temporary accounts (~2026-12345), as on Wikimedia wikis.
if ( $oan['tempAccounts'] ) {
	$wgAutoCreateTempUser['enabled'] = true;
	$wgAutoCreateTempUser['known'] = true;
	$wgAutoCreateTempUser['genPattern'] = '~$1';
	$wgAutoCreateTempUser['reservedPattern'] = '~$1';
	$wgAutoCreateTempUser['serialProvider'] = [ 'type' => 'local', 'useYear' => true ];
	$wgAutoCreateTempUser['serialMapping'] = [ 'type' => 'scramble' ];
}

// Statements live on Meta (prefix m:) on Wikimedia wikis; here m: points at the local wiki that
// holds the statement pages.
$wgHooks['InterwikiLoadPrefix'][] = static function ( $prefix, &$iwData ) use ( $oan ) {
	if ( $prefix !== 'm' ) {
		return true;
	}
	$iwData = [
		'iw_prefix' => 'm',
		'iw_url' => $oan['statementServer'] . '/index.php?title=$1',
		'iw_api' => $oan['statementServer'] . '/api.php',
		'iw_wikiid' => '',
		'iw_local' => 1,
		'iw_trans' => 0,
	];
	return false;
};

// Page translation, as on Meta: translatable pages with a language bar and Translate's statistics.
if ( !empty( $oan['translate'] ) ) {
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

// The bench's twin (scripts/lib/centralnotice.mjs): CentralNotice, with the EventLogging it
// requires, showing its banners from this wiki itself, as one campaign for the project
// "wikipedia". Impressions are recorded at CentralNotice's default rate (1 %), to this wiki.
foreach ( $oan['extensions'] ?? [] as $extension ) {
	wfLoadExtension( $extension );
}
if ( in_array( 'CentralNotice', $oan['extensions'] ?? [], true ) ) {
	$wgNoticeProject = 'wikipedia';
	$wgNoticeProjects = [ 'wikipedia' ];
	$wgCentralSelectedBannerDispatcher = $wgServer . '/index.php?title=Special:BannerLoader';
	$wgCentralBannerRecorder = $wgServer . '/index.php?title=Special:RecordImpression';
}
