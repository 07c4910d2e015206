import { describe, expect, it } from 'vitest';
import { Notice } from '../../src/config/types';
import { findApplicableNotices, PageContext, readerKind } from '../../src/notice/applicability';
import { clone, defaultNotices } from './helpers';

const ctx: PageContext = {
	now: new Date( '2021-10-01T00:00:00Z' ), dbName: 'zhwiki', contentLanguage: 'zh',
	namespace: 0, userGroups: [ '*' ], reader: 'anonymous'
};

function notice( target: Partial<Notice[ 'target' ]>, extra: Partial<Notice> = {} ): Notice {
	const n = clone( defaultNotices()[ 0 ] );
	n.target = { users: 'all', ...target };
	return Object.assign( n, extra );
}

describe( 'findApplicableNotices', () => {
	it( 'shows an untargeted notice everywhere', () => {
		expect( findApplicableNotices( defaultNotices(), ctx ) ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'another wiki', { wikis: [ 'enwiki' ] }, false ],
		[ 'this wiki', { wikis: [ 'enwiki', 'zhwiki' ] }, true ],
		[ 'another content language', { contentLanguages: [ 'en' ] }, false ],
		[ 'another namespace', { namespaces: [ 4 ] }, false ],
		[ 'this namespace', { namespaces: [ 0, 4 ] }, true ],
		[ 'logged-in users only', { users: 'loggedin' as const }, false ],
		[ 'anonymous readers only', { users: 'anonymous' as const }, true ],
		[ 'a group the reader lacks', { groups: [ 'sysop' ] }, false ]
	] )( 'targeting %s → %s', ( _name, target, expected ) => {
		expect( findApplicableNotices( [ notice( target ) ], ctx ).length === 1 ).toBe( expected );
	} );

	it( 'matches groups of a logged-in user', () => {
		const n = notice( { groups: [ 'sysop', 'bureaucrat' ], users: 'loggedin' } );
		expect( findApplicableNotices( [ n ], { ...ctx, reader: 'named', userGroups: [ '*', 'user', 'bureaucrat' ] } ) ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'anonymous' as const, 'anonymous' as const, true ],
		[ 'anonymous' as const, 'temporary' as const, true ],
		[ 'anonymous' as const, 'named' as const, false ],
		[ 'loggedin' as const, 'anonymous' as const, false ],
		[ 'loggedin' as const, 'temporary' as const, false ],
		[ 'loggedin' as const, 'named' as const, true ],
		[ 'all' as const, 'temporary' as const, true ]
	] )( 'targeting users=%s, reader %s → %s (temporary accounts are anonymous editors)', ( users, reader, expected ) => {
		expect( findApplicableNotices( [ notice( { users } ) ], { ...ctx, reader } ).length === 1 ).toBe( expected );
	} );

	it( 'tells the reader\'s kind from mw.user.isNamed() and isTemp() (MediaWiki 1.43 has both)', () => {
		expect( readerKind( false, false ) ).toBe( 'anonymous' );
		expect( readerKind( false, true ) ).toBe( 'temporary' );
		expect( readerKind( true, false ) ).toBe( 'named' );
	} );

	it( 'respects start and end dates', () => {
		expect( findApplicableNotices( [ notice( {}, { start: '2021-11-01' } ) ], ctx ) ).toHaveLength( 0 );
		expect( findApplicableNotices( [ notice( {}, { end: '2021-09-30' } ) ], ctx ) ).toHaveLength( 0 );
		expect( findApplicableNotices( [ notice( {}, { start: '2021-09-01', end: '2021-12-31' } ) ], ctx ) ).toHaveLength( 1 );
	} );

	it( 'keeps the data order for several notices', () => {
		const a = notice( {}, { id: 'b-second' } );
		const b = notice( {}, { id: 'a-first' } );
		expect( findApplicableNotices( [ a, b ], ctx ).map( ( n ) => n.id ) ).toEqual( [ 'b-second', 'a-first' ] );
	} );
} );
