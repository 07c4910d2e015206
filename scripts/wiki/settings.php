<?php
// office-action-notice: the settings of the bench's single wikis (the demo and the tests run the
// farm: farm.php), on top of what `maintenance/run.php install` wrote. Each wiki's
// LocalSettings.php requires its oan-settings.php, which sets $oan (rewritten on every run, see
// scripts/lib/wiki.mjs) and then requires this file.
//
// $oan keys: uploadDir, statementServer (where m: points: the wiki itself), extensions (loaded
// beyond the installer's: only the bench's CentralNotice twin has any).

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

// Statements live on Meta (prefix m:) on Wikimedia wikis; here m: points at the wiki itself,
// which holds the statement pages.
require_once __DIR__ . '/interwiki.php';
$wgHooks['InterwikiLoadPrefix'][] = oanStatementInterwiki( $oan['statementServer'] );

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
