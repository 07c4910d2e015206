// @vitest-environment node
// Whether a wiki keeps the notice's room: decided from the data by deploy (src/notice/room.ts,
// scripts/lib/deploy/room.mjs).
import { describe, expect, it } from 'vitest';
import { definitionWithRoom, roomNeeded } from '../../scripts/lib/deploy/room.mjs';
import { readDefinition } from '../../scripts/lib/definition.mjs';
import { roomForEveryReader } from '../../src/notice/room';
import { defaultNotices } from './helpers';

const ZHWIKI = { dbName: 'zhwiki', contentLanguage: 'zh' };
const NOW = new Date( '2026-12-06T00:00:00Z' );

describe( 'the room for every reader', () => {
	it( 'is kept while a notice is shown to every reader of the wiki: started, not ended, untargeted', () => {
		const [ notice ] = defaultNotices();
		expect( roomForEveryReader( [ notice ], ZHWIKI, NOW ) ).toBe( true );
		expect( roomForEveryReader( [ { ...notice, end: '2026-12-05' } ], ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( [ { ...notice, start: '2026-12-07' } ], ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( [ { ...notice, start: '2026-12-01', end: '2026-12-31' } ], ZHWIKI, NOW ) ).toBe( true );
		expect( roomForEveryReader( [], ZHWIKI, NOW ) ).toBe( false );
	} );

	it( 'follows the targeting: per wiki and content language, never for some readers or pages only', () => {
		const [ notice ] = defaultNotices();
		const target = ( t: object ) => [ { ...notice, target: { ...notice.target, ...t } } ];
		expect( roomForEveryReader( target( { wikis: [ 'zhwiki' ] } ), ZHWIKI, NOW ) ).toBe( true );
		expect( roomForEveryReader( target( { wikis: [ 'enwiki' ] } ), ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( target( { contentLanguages: [ 'zh' ] } ), ZHWIKI, NOW ) ).toBe( true );
		expect( roomForEveryReader( target( { contentLanguages: [ 'en' ] } ), ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( target( { users: 'anonymous' } ), ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( target( { namespaces: [ 0 ] } ), ZHWIKI, NOW ) ).toBe( false );
		expect( roomForEveryReader( target( { groups: [ 'sysop' ] } ), ZHWIKI, NOW ) ).toBe( false );
	} );

	it( 'is decided by deploy from the notices text the wiki will have; nothing readable, no room', () => {
		const text = JSON.stringify( { notices: defaultNotices() } );
		expect( roomNeeded( text, ZHWIKI, NOW ) ).toBe( true );
		expect( roomNeeded( '{"notices": [ broken', ZHWIKI, NOW ) ).toBe( false );
		expect( roomNeeded( '{"notices": []}', ZHWIKI, NOW ) ).toBe( false );
	} );

	it( 'takes only the peers out of the main gadget\'s line, every other line as it is', () => {
		const def = readDefinition();
		expect( definitionWithRoom( def, true ) ).toBe( def );
		const without = definitionWithRoom( def, false );
		expect( without.gadgets.map( ( g: any ) => g.line ) ).toEqual( def.gadgets.map( ( g: any ) => g === def.main ? g.line.replace( '|peers=office-action-notice-reserve', '' ) : g.line ) );
		expect( without.gadgets.find( ( g: any ) => g.name === 'office-action-notice' )!.line ).not.toContain( 'peers=' );
	} );
} );
