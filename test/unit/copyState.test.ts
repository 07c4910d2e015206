// Issue 26: the authoring view on a farm's copy of the notices data says where to edit (the source
// wiki's notices page) and how the copy stands against its source, as the next farm deploy judges
// it. The decision, where the source wiki is, the read of the source, and the notice's DOM.
import { describe, expect, it, vi } from 'vitest';
import { copyStateText, renderCopyNotice } from '../../src/authoring/copyNotice';
import { copyOrigin, copyState, Interwiki, sameCopiedData, sourceWiki } from '../../src/authoring/copyState';
import { readSourceRevisions } from '../../src/authoring/wikiRead';
import { NOTICES_PAGE } from '../../src/config/loadNoticesData';
import { clone, deps, readJson } from './helpers';

const SOURCE = readJson( 'data/notices.json' ) as Record<string, any>;
const FROM = { wiki: 'metawiki', revision: 40 };
/** A copy as deploy --farm writes it: copiedFrom first, then the source's data. */
const copyOf = ( data: Record<string, any>, from = FROM ): Record<string, any> => Object.assign( { copiedFrom: from }, clone( data ) );
const text = ( data: unknown ): string => JSON.stringify( data, null, '\t' );
const keyMsg = ( key: string, ...params: string[] ): string => [ key, ...params ].join( '|' );

describe( 'copyOrigin', () => {
	it( 'is the copy\'s copiedFrom, and none for data that is no copy or names its source unusably', () => {
		expect( copyOrigin( copyOf( SOURCE ) ) ).toEqual( FROM );
		expect( copyOrigin( SOURCE ) ).toBeNull();
		for ( const bad of [ null, 'x', [], { wiki: 'metawiki' }, { wiki: '', revision: 1 }, { wiki: 'metawiki', revision: 0 }, { wiki: 'metawiki', revision: 1.5 }, { wiki: 3, revision: 1 } ] ) {
			expect( copyOrigin( { copiedFrom: bad } ) ).toBeNull();
		}
		expect( copyOrigin( null ) ).toBeNull();
		expect( copyOrigin( '{}' ) ).toBeNull();
	} );
} );

describe( 'copyState', () => {
	const copy = copyOf( SOURCE );

	it( 'is in step when the copy holds the data of the source\'s current revision, whatever its formatting or key order', () => {
		const reordered = Object.assign( {}, clone( SOURCE ) );
		reordered.notices[ 0 ] = Object.fromEntries( Object.entries( reordered.notices[ 0 ] ).reverse() );
		expect( copyState( copy, FROM, { current: 40, copied: JSON.stringify( reordered ) } ) ).toEqual( { state: 'in-step', revision: 40 } );
		// The source itself may be a copy of yet another wiki: its copiedFrom is no data of the notices.
		expect( copyState( copy, FROM, { current: 40, copied: text( copyOf( SOURCE, { wiki: 'otherwiki', revision: 3 } ) ) } ) ).toEqual( { state: 'in-step', revision: 40 } );
	} );

	it( 'is behind when the copy is untouched and the source has a newer revision: the next deploy brings it', () => {
		expect( copyState( copy, FROM, { current: 45, copied: text( SOURCE ) } ) ).toEqual( { state: 'behind', from: 40, to: 45 } );
	} );

	it( 'is edited when the copy\'s data differs from the revision it names, in step with the source or not', () => {
		const edited = clone( copy );
		edited.notices[ 0 ].title.en = 'Edited here';
		expect( copyState( edited, FROM, { current: 40, copied: text( SOURCE ) } ) ).toEqual( { state: 'edited', revision: 40 } );
		expect( copyState( edited, FROM, { current: 45, copied: text( SOURCE ) } ) ).toEqual( { state: 'edited', revision: 40 } );
		const added = Object.assign( clone( copy ), { extra: true } );
		expect( copyState( added, FROM, { current: 40, copied: text( SOURCE ) } ).state ).toBe( 'edited' );
		const reordered = clone( copy );
		reordered.notices[ 0 ].accounts.reverse();
		expect( copyState( reordered, FROM, { current: 40, copied: text( SOURCE ) } ).state ).toBe( 'edited' );
	} );

	it( 'is lost when the revision named cannot be read (or is not JSON), and missing when the source has no notices page', () => {
		expect( copyState( copy, FROM, { current: 45, copied: null } ) ).toEqual( { state: 'lost', revision: 40 } );
		expect( copyState( copy, FROM, { current: 45, copied: 'not json' } ) ).toEqual( { state: 'lost', revision: 40 } );
		expect( copyState( copy, FROM, { current: null, copied: null } ) ).toEqual( { state: 'missing' } );
	} );

	it( 'compares data, copiedFrom aside only at the top', () => {
		expect( sameCopiedData( { a: 1, b: [ 1, { c: 2, d: 3 } ] }, { b: [ 1, { d: 3, c: 2 } ], a: 1, copiedFrom: FROM } ) ).toBe( true );
		expect( sameCopiedData( { a: { copiedFrom: 1 } }, { a: {} } ) ).toBe( false );
		expect( sameCopiedData( { a: 1 }, { a: '1' } ) ).toBe( false );
	} );
} );

describe( 'sourceWiki', () => {
	const local: Interwiki[] = [ { prefix: 'm', url: 'http://meta.wikimedia.test:8862/index.php?title=$1', api: 'http://meta.wikimedia.test:8862/api.php' } ];

	it( 'finds the source by the interwiki entry naming its database, else Meta by m:, with a link to its notices page', () => {
		expect( sourceWiki( 'metawiki', local, NOTICES_PAGE ) ).toEqual( {
			page: 'http://meta.wikimedia.test:8862/index.php?title=MediaWiki:Gadget-office-action-notice-notices.json',
			api: 'http://meta.wikimedia.test:8862/api.php'
		} );
		const farm: Interwiki[] = [
			{ prefix: 'm', url: 'https://m.example/wiki/$1' },
			{ prefix: 'src', url: 'https://source.example/wiki/$1', wikiid: 'metawiki', api: 'https://source.example/api' }
		];
		expect( sourceWiki( 'metawiki', farm, 'MediaWiki:A b/c?' ) ).toEqual( { page: 'https://source.example/wiki/MediaWiki:A_b/c%3F', api: 'https://source.example/api' } );
	} );

	it( 'puts an API beside the usual page URLs where the entry names none (Wikimedia\'s interwiki map)', () => {
		expect( sourceWiki( 'metawiki', [ { prefix: 'meta', url: 'https://meta.wikimedia.org/wiki/$1' } ], NOTICES_PAGE ) ).toEqual( {
			page: `https://meta.wikimedia.org/wiki/${ NOTICES_PAGE }`, api: 'https://meta.wikimedia.org/w/api.php'
		} );
		expect( sourceWiki( 'metawiki', [ { prefix: 'm', url: 'http://meta.test/index.php?title=$1' } ], NOTICES_PAGE )!.api ).toBe( 'http://meta.test/api.php' );
		expect( sourceWiki( 'metawiki', [ { prefix: 'm', url: 'https://x.example/$1?a' } ], NOTICES_PAGE ) ).toEqual( { page: `https://x.example/${ NOTICES_PAGE }?a`, api: null } );
	} );

	it( 'is none where no prefix leads there', () => {
		expect( sourceWiki( 'frwiki', local, NOTICES_PAGE ) ).toBeNull();
		expect( sourceWiki( 'metawiki', [], NOTICES_PAGE ) ).toBeNull();
		expect( sourceWiki( 'metawiki', [ { prefix: 'm', url: 'https://meta.example/' } ], NOTICES_PAGE ) ).toBeNull();
	} );
} );

describe( 'reading the source', () => {
	const page = ( revid: number, content?: string, title = NOTICES_PAGE ) => {
		const revision = Object.assign( { revid }, content === undefined ? {} : { slots: { main: { content } } } );
		return { query: { pages: [ { title, revisions: [ revision ] } ] } };
	};

	it( 'reads the current revision and the text of the revision the copy names', async () => {
		const get = vi.fn( ( params: Record<string, unknown> ) => Promise.resolve( params.titles ? page( 45 ) : page( 40, '{}' ) ) );
		expect( await readSourceRevisions( get, 40 ) ).toEqual( { current: 45, copied: '{}' } );
		expect( get ).toHaveBeenCalledWith( expect.objectContaining( { titles: NOTICES_PAGE, rvprop: 'ids' } ) );
		expect( get ).toHaveBeenCalledWith( expect.objectContaining( { revids: 40, rvprop: 'ids|content', rvslots: 'main' } ) );
	} );

	it( 'takes no revision of another page, and no page for a missing one', async () => {
		const get = vi.fn( ( params: Record<string, unknown> ): Promise<unknown> => Promise.resolve( params.titles ?
			{ query: { pages: [ { title: NOTICES_PAGE, missing: true } ] } } :
			page( 40, '{}', 'Main Page' ) ) );
		expect( await readSourceRevisions( get, 40 ) ).toEqual( { current: null, copied: null } );
		get.mockImplementation( () => Promise.resolve( {} ) );
		expect( await readSourceRevisions( get, 40 ) ).toEqual( { current: null, copied: null } );
	} );

	it( 'fails where the source cannot be reached', async () => {
		await expect( readSourceRevisions( () => Promise.reject( new Error( 'http' ) ), 40 ) ).rejects.toThrow( 'http' );
	} );
} );

describe( 'the notice on a copy', () => {
	const link = 'http://meta.wikimedia.test/index.php?title=MediaWiki:Gadget-office-action-notice-notices.json';

	it( 'names the source with a link to its notices page, says it is comparing, then how the copy stands', () => {
		const { msg } = deps();
		const notice = renderCopyNotice( FROM, link, false, msg );
		const box = notice.box;
		expect( box.getAttribute( 'role' ) ).toBe( 'status' );
		expect( box.classList.contains( 'cdx-message' ) ).toBe( true );
		expect( box.querySelector( 'strong' )!.textContent ).toBe( 'This page is a copy of the notices data of metawiki, kept in step by the farm deploy: edit the notices there, not here.' );
		const a = box.querySelector<HTMLAnchorElement>( 'a.oan-author-copy-link' )!;
		expect( [ a.href, a.textContent ] ).toEqual( [ link, 'The notices data on metawiki' ] );
		expect( box.querySelector( '.oan-author-copy-editing' ) ).toBeNull();
		expect( box.getAttribute( 'data-oan-copy' ) ).toBe( 'checking' );
		expect( box.querySelector( '.oan-author-copy-state' )!.textContent ).toBe( 'Comparing with the notices data of metawiki…' );

		notice.show( { state: 'in-step', revision: 40 } );
		expect( box.querySelector( '.oan-author-copy-state' )!.textContent ).toBe( 'In step with revision 40 of the notices data of metawiki.' );
		expect( [ box.getAttribute( 'data-oan-copy' ), box.classList.contains( 'cdx-message--notice' ), box.classList.contains( 'cdx-message--warning' ) ] ).toEqual( [ 'in-step', true, false ] );
		notice.show( { state: 'edited', revision: 40 } );
		expect( box.querySelector( '.oan-author-copy-state' )!.textContent ).toBe( 'This copy was edited here since it was copied from revision 40 of metawiki: the next farm deploy keeps it as a conflict.' );
		expect( [ box.getAttribute( 'data-oan-copy' ), box.classList.contains( 'cdx-message--notice' ), box.classList.contains( 'cdx-message--warning' ) ] ).toEqual( [ 'edited', false, true ] );
		notice.unreachable( 'http' );
		expect( box.querySelector( '.oan-author-copy-state' )!.textContent ).toBe( 'Could not read the notices data of metawiki to compare (http).' );
		expect( box.getAttribute( 'data-oan-copy' ) ).toBe( 'unreachable' );
	} );

	it( 'warns on the edit form, and says so in text where the source wiki is unknown here', () => {
		const { msg } = deps();
		const notice = renderCopyNotice( { wiki: 'otherwiki', revision: 3 }, null, true, msg );
		expect( notice.box.querySelector( 'a' ) ).toBeNull();
		expect( notice.box.querySelector( '.oan-author-copy-where' )!.textContent ).toContain( 'do not lead to otherwiki' );
		expect( notice.box.querySelector( '.oan-author-copy-editing' )!.textContent ).toContain( 'the next farm deploy keeps this copy as a conflict' );
		notice.show( { state: 'behind', from: 3, to: 5 } );
		// Behind the source is no fault of the copy's, but on the edit form it still warns.
		expect( notice.box.classList.contains( 'cdx-message--warning' ) ).toBe( true );
	} );

	it( 'has a line for every state, naming the source wiki', () => {
		expect( [
			copyStateText( { state: 'in-step', revision: 4 }, 'metawiki', keyMsg ),
			copyStateText( { state: 'behind', from: 4, to: 6 }, 'metawiki', keyMsg ),
			copyStateText( { state: 'edited', revision: 4 }, 'metawiki', keyMsg ),
			copyStateText( { state: 'lost', revision: 4 }, 'metawiki', keyMsg ),
			copyStateText( { state: 'missing' }, 'metawiki', keyMsg )
		] ).toEqual( [
			'oan-author-copy-in-step|metawiki|4',
			'oan-author-copy-behind|metawiki|4|6',
			'oan-author-copy-edited|metawiki|4',
			'oan-author-copy-lost|metawiki|4',
			'oan-author-copy-missing|metawiki'
		] );
		const { msg } = deps( [ 'zh-hant' ] );
		expect( copyStateText( { state: 'behind', from: 4, to: 6 }, 'metawiki', msg ) ).toBe( 'metawiki的公告資料此後已有變更（修訂版本4 → 6）：下次農場部署會把變更帶到這裡。' );
	} );

	it( 'puts the wiki\'s name in as text', () => {
		const { msg } = deps();
		const notice = renderCopyNotice( { wiki: '<img src=x onerror=alert(1)>', revision: 3 }, null, false, msg );
		expect( notice.box.querySelector( 'img' ) ).toBeNull();
	} );
} );
