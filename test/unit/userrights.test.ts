import { describe, expect, it } from 'vitest';
import { findAccountStatuses } from '../../src/accounts/match';
import { guardNoticesData } from '../../src/config/guard';
import { addedRestrictedGroups, decideRightsWarning, parseTarget } from '../../src/userrights/decide';
import { lookupParams, parseLookup } from '../../src/userrights/lookup';
import { liveText, renderGroupNote, renderRightsWarning } from '../../src/userrights/rightsWarning';
import { defaultNotices, deps, readJson } from './helpers';

const restricted = guardNoticesData( readJson( 'data/notices.json' ) ).data.restrictedGroups;
const statuses = ( name: string ) => findAccountStatuses( defaultNotices(), name );

describe( 'parseTarget', () => {
	it.each( [
		[ 'Example banned user 1', { name: 'Example banned user 1', wiki: null } ],
		[ 'example_banned_user_1', { name: 'example_banned_user_1', wiki: null } ],
		[ 'Someone@zhwiki', { name: 'Someone', wiki: 'zhwiki' } ],
		[ 'Old@name@enwiki', { name: 'Old@name', wiki: 'enwiki' } ],
		[ 'mail@Example.org', { name: 'mail@Example.org', wiki: null } ],
		[ '  ', null ],
		[ null, null ]
	] )( '%j', ( raw, expected ) => {
		expect( parseTarget( raw ) ).toEqual( expected );
	} );
} );

describe( 'decideRightsWarning', () => {
	it( 'shows nothing new for an unaffected account given unrestricted groups, or losing groups', () => {
		expect( decideRightsWarning( statuses( 'Unaffected editor' ), false, restricted, [ 'bot' ], [] ) ).toEqual( { showWarning: false, severe: false, needsAcknowledgement: false, groupNotes: [] } );
		expect( decideRightsWarning( statuses( 'Example banned user 1' ), false, restricted, [], [ 'sysop' ] ).groupNotes ).toEqual( [] );
		expect( decideRightsWarning( statuses( 'Example banned user 1' ), false, restricted, [], [ 'sysop' ] ).needsAcknowledgement ).toBe( false );
	} );

	it( 'notes a restricted group ticked for an unaffected account, without asking for acknowledgement', () => {
		const d = decideRightsWarning( statuses( 'Unaffected editor' ), false, restricted, [ 'checkuser', 'bot' ], [] );
		expect( d.groupNotes.map( ( n ) => [ n.group, n.restriction.kind ] ) ).toEqual( [ [ 'checkuser', 'nonpublic' ] ] );
		expect( d.needsAcknowledgement ).toBe( false );
		expect( d.showWarning ).toBe( false );
	} );

	it( 'asks a banned or desysopped account\'s promoter to acknowledge restricted groups only', () => {
		expect( decideRightsWarning( statuses( 'Example banned user 1' ), false, restricted, [ 'bot' ], [] ).needsAcknowledgement ).toBe( false );
		expect( decideRightsWarning( statuses( 'Example banned user 1' ), false, restricted, [ 'bot' ], [] ).showWarning ).toBe( true );
		expect( decideRightsWarning( statuses( 'example_desysopped_admin_1' ), false, restricted, [ 'sysop' ], [] ).needsAcknowledgement ).toBe( true );
		expect( decideRightsWarning( statuses( 'Example desysopped admin 1' ), false, restricted, [ 'suppress' ], [] ).needsAcknowledgement ).toBe( true );
	} );

	it( 'does not count a group the account already holds as added', () => {
		expect( addedRestrictedGroups( restricted, [ 'sysop', 'bureaucrat' ], [ 'sysop' ] ).map( ( n ) => n.group ) ).toEqual( [ 'bureaucrat' ] );
	} );

	it( 'warns about a locked global account that no notice lists, as about a ban', () => {
		const d = decideRightsWarning( statuses( 'Unaffected editor' ), true, restricted, [ 'sysop' ], [] );
		expect( d ).toMatchObject( { showWarning: true, severe: true, needsAcknowledgement: true } );
		expect( decideRightsWarning( statuses( 'Unaffected editor' ), true, restricted, [ 'bot' ], [] ) ).toMatchObject( { showWarning: true, needsAcknowledgement: false } );
		// The restored account, locked again since: the lock weighs more than the restoration.
		expect( decideRightsWarning( statuses( '玄客' ), true, restricted, [ 'sysop' ], [] ) ).toMatchObject( { severe: true, needsAcknowledgement: true } );
	} );

	it( 'gives 玄客 a neutral notice and no acknowledgement', () => {
		const d = decideRightsWarning( statuses( '玄客' ), false, restricted, [ 'sysop' ], [] );
		expect( d ).toMatchObject( { showWarning: true, severe: false, needsAcknowledgement: false } );
		expect( d.groupNotes ).toHaveLength( 1 );
	} );
} );

describe( 'the live lookup', () => {
	it( 'asks for everything in one request', () => {
		expect( lookupParams( 'A b', true ) ).toEqual( {
			action: 'query', format: 'json', formatversion: '2', meta: 'globaluserinfo', guiuser: 'A b', guiprop: 'groups',
			list: 'users', ususers: 'A b', usprop: 'groups|blockinfo|registration|editcount'
		} );
		expect( lookupParams( 'A', false ).list ).toBeUndefined();
	} );

	it( 'reads a local answer without CentralAuth (the unknown module only warns)', () => {
		const answer = {
			warnings: { main: { warnings: 'Unrecognized value for parameter "meta": globaluserinfo.' } },
			query: { users: [ { userid: 4, name: 'Example banned user 1', editcount: 0, registration: '2026-11-21T05:54:38Z', groups: [ '*', 'user', 'autoconfirmed' ], blockid: 1, blockedby: 'Admin', blockexpiry: 'infinite' } ] }
		};
		expect( parseLookup( answer, true ) ).toEqual( {
			exists: true, groups: [], blocked: { by: 'Admin', expiry: 'infinite' }, registration: '2026-11-21T05:54:38Z', editCount: 0, global: null, remote: false
		} );
	} );

	it( 'reads a global lock', () => {
		const answer = { query: { globaluserinfo: { home: 'zhwiki', locked: true }, users: [ { name: 'X', groups: [ 'sysop' ], editcount: 5 } ] } };
		expect( parseLookup( answer, true ) ).toMatchObject( { global: { locked: true }, groups: [ 'sysop' ] } );
	} );

	it.each( [
		[ 'an error answer', { error: { code: 'internal_api_error' } } ],
		[ 'HTML', '<html>' ],
		[ 'no users list', { query: {} } ],
		[ 'nothing', null ]
	] )( 'gives null for %s', ( _name, answer ) => {
		expect( parseLookup( answer, true ) ).toBeNull();
	} );

	it( 'can say nothing about another wiki\'s account without CentralAuth', () => {
		expect( parseLookup( { warnings: {}, query: {} }, false ) ).toBeNull();
		expect( parseLookup( { query: { globaluserinfo: { home: 'otherwiki', id: 3 } } }, false ) ).toMatchObject( { exists: true, global: { locked: false } } );
	} );

	it( 'reads CentralAuth\'s three other answers: no global account, a hidden one, no CentralAuth', () => {
		const users = [ { name: 'X', groups: [], editcount: 1 } ];
		// A local account with no global account (or one hidden from this reader): "missing".
		expect( parseLookup( { query: { globaluserinfo: { missing: true, unattached: [] }, users } }, true ) ).toMatchObject( { exists: true, global: null } );
		// A wiki without CentralAuth: the API warns about the unknown module and answers the rest.
		expect( parseLookup( { warnings: { main: { warnings: 'Unrecognized value for parameter "meta": globaluserinfo.' } }, query: { users } }, true ) ).toMatchObject( { exists: true, global: null } );
		// formatversion 1 gives an empty string for true.
		expect( parseLookup( { query: { globaluserinfo: { locked: '' }, users } }, true ) ).toMatchObject( { global: { locked: true } } );
	} );

	it( 'says when an account is missing', () => {
		expect( parseLookup( { query: { users: [ { name: 'Nobody', missing: true } ] } }, true ) ).toMatchObject( { exists: false } );
	} );
} );

describe( 'rendering', () => {
	it( 'builds the warning with the action, date, statement and a hidden, unnamed acknowledgement', () => {
		const w = renderRightsWarning( 'Example desysopped admin 1', statuses( 'Example desysopped admin 1' ), false, deps() );
		expect( w.root.querySelector( '.oan-ur-status' )?.textContent ).toBe( 'Example desysopped admin 1 had administrator rights removed by a Wikimedia Foundation office action on September 13, 2021.' );
		expect( w.root.classList.contains( 'oan-ur-severe' ) ).toBe( true );
		expect( w.ackWrap.hidden ).toBe( true );
		expect( w.ack.name ).toBe( '' );
		expect( w.root.querySelector( `label[for="${ w.ack.id }"]` )?.textContent ).toMatch( /^I have read this warning/ );
	} );

	it( 'is neutral for a restored account', () => {
		const w = renderRightsWarning( '玄客', statuses( '玄客' ), false, deps() );
		expect( w.root.classList.contains( 'oan-ur-neutral' ) ).toBe( true );
		expect( w.root.textContent ).toContain( 'An office action against 玄客 was reversed on September 16, 2021; the account is restored.' );
	} );

	it( 'notes a nonpublic-data group with its policy link', () => {
		const note = renderGroupNote( { group: 'checkuser', restriction: restricted[ 0 ] }, deps() );
		expect( note.textContent ).toMatch( /^This group gives access to nonpublic personal data\. .*confidentiality agreement/ );
		expect( note.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe( '/index.php?title=m%3AAccess_to_nonpublic_personal_data_policy' );
	} );

	it( 'names a locked global account that no notice lists', () => {
		const w = renderRightsWarning( 'Unaffected editor', [], true, deps() );
		expect( w.root.querySelector( '.oan-ur-status' )?.textContent ).toBe( 'Unaffected editor\'s global account is locked: it cannot log in on any wiki of this family.' );
		expect( w.root.classList.contains( 'oan-ur-severe' ) ).toBe( true );
	} );

	it( 'says only the global state of another wiki\'s account', () => {
		const remote = { exists: true, groups: [], blocked: null, registration: null, editCount: null, remote: true };
		expect( liveText( { ...remote, global: { locked: false } }, deps() ) ).toBe( 'The global account is not locked.' );
		expect( liveText( { ...remote, global: { locked: true } }, deps() ) ).toBe( 'The global account is locked.' );
	} );

	it( 'writes the live line', () => {
		expect( liveText( null, deps() ) ).toMatch( /could not be made/ );
		expect( liveText( { exists: true, groups: [ 'sysop' ], blocked: { by: 'A', expiry: 'infinite' }, registration: '2021-01-02T00:00:00Z', editCount: 7, global: { locked: true }, remote: false }, deps() ) )
			.toBe( 'Groups now: sysop. Blocked now (expires: infinite). The global account is locked. Edits: 7. Registered: January 2, 2021.' );
	} );
} );
