import { describe, expect, it } from 'vitest';
import { findAccountStatuses, hasGlobalAccount, isAccountPage, needsAccountsGadget, normalizeUserName, sameUser } from '../../src/accounts/match';
import { renderAccountStatus } from '../../src/accounts/statusBox';
import { defaultNotices, deps } from './helpers';

describe( 'user name matching', () => {
	it.each( [
		[ 'example banned user 1', 'Example banned user 1', true ],
		[ 'Example_banned_user_1', 'Example banned user 1', true ],
		[ '  Example   banned_user 1 ', 'Example banned user 1', true ],
		[ 'Example Banned user 1', 'Example banned user 1', false ],
		[ 'Example banned user 10', 'Example banned user 1', false ],
		[ '玄客', '玄客', true ],
		[ 'ébé', 'Ébé', true ],
		// NFD (e + combining acute) equals NFC é
		[ 'E\u0301be', 'Ébe', true ],
		[ '', '', false ]
	] )( '%j ~ %j → %s', ( a, b, expected ) => {
		expect( sameUser( a, b ) ).toBe( expected );
	} );

	it( 'upper-cases only the first character, also outside the BMP', () => {
		expect( normalizeUserName( 'ǆemal' ) ).toBe( 'ǅemal'.toUpperCase().charAt( 0 ) + 'emal' );
		expect( normalizeUserName( '𐐨x' ) ).toBe( '𐐀x' );
	} );

	it( 'finds the restored account as restored, not banned', () => {
		const statuses = findAccountStatuses( defaultNotices(), '玄客' );
		expect( statuses.map( ( s ) => s.account.action ) ).toEqual( [ 'restored' ] );
	} );

	it( 'finds nothing for an unaffected or missing name', () => {
		expect( findAccountStatuses( defaultNotices(), 'Unaffected editor' ) ).toEqual( [] );
		expect( findAccountStatuses( defaultNotices(), null ) ).toEqual( [] );
	} );

	it( 'knows the account pages', () => {
		expect( isAccountPage( 2, null ) ).toBe( true );
		expect( isAccountPage( 3, null ) ).toBe( true );
		expect( isAccountPage( -1, 'Contributions' ) ).toBe( true );
		expect( isAccountPage( -1, 'Userrights' ) ).toBe( false );
		expect( isAccountPage( 0, null ) ).toBe( false );
	} );

	it( 'loads the accounts gadget on UserRights and on every account\'s pages, nowhere else', () => {
		expect( needsAccountsGadget( -1, 'Userrights' ) ).toBe( true );
		expect( needsAccountsGadget( 2, null ) ).toBe( true );
		expect( needsAccountsGadget( 3, null ) ).toBe( true );
		expect( needsAccountsGadget( -1, 'Contributions' ) ).toBe( true );
		expect( needsAccountsGadget( 0, null ) ).toBe( false );
		expect( needsAccountsGadget( -1, 'Preferences' ) ).toBe( false );
	} );

	it( 'asks about the global account of registered and temporary accounts, not of IP addresses', () => {
		for ( const name of [ 'Unaffected editor', '~2026-12345', '玄客', '1.2.3', 'Version 1.2.3.4' ] ) {
			expect( hasGlobalAccount( name ), name ).toBe( true );
		}
		for ( const name of [ '192.0.2.7', '2001:db8::1', '::1' ] ) {
			expect( hasGlobalAccount( name ), name ).toBe( false );
		}
	} );
} );

describe( 'renderAccountStatus', () => {
	it( 'says banned with the date and links the statement', () => {
		const box = renderAccountStatus( findAccountStatuses( defaultNotices(), 'Example banned user 1' ), deps() );
		expect( box.getAttribute( 'role' ) ).toBe( 'note' );
		expect( box.textContent ).toContain( 'This account was banned by a Wikimedia Foundation office action on September 13, 2021.' );
		expect( box.querySelector<HTMLAnchorElement>( '.oan-statement-link' )?.getAttribute( 'href' ) ).toBe( '/index.php?title=m%3AOffice_actions%2FSeptember_2021_statement' );
	} );

	it( 'says restored with the note in the reader\'s language', () => {
		const box = renderAccountStatus( findAccountStatuses( defaultNotices(), '玄客' ), deps( [ 'zh-hk', 'zh-hant', 'zh-tw', 'zh', 'zh-hans', 'en' ] ) );
		expect( box.querySelector( '[data-oan-action]' )?.getAttribute( 'data-oan-action' ) ).toBe( 'restored' );
		expect( box.textContent ).toContain( '針對此帳號的辦公室行動已於' );
		expect( box.textContent ).toContain( '誤認' );
		expect( box.textContent ).not.toMatch( /封禁。$/ );
	} );
} );
