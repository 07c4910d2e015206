// @vitest-environment node
// The bench's helpers that need no wiki: the control.
import { describe, expect, it } from 'vitest';
import { stripGadget } from '../../scripts/lib/control.mjs';

describe( 'the control', () => {
	it( 'takes the styles peer out of the head, and the whole link when the peer was all it loaded', () => {
		const head = ( modules: string ) => `<link rel="stylesheet" href="/load.php?lang=en&amp;modules=${ modules }&amp;only=styles&amp;skin=vector-2022">\n`;
		const html = head( 'skins.vector.styles' ) + head( 'ext.gadget.office-action-notice-reserve' ) + head( 'ext.gadget.office-action-notice-reserve%7Csite.styles' ) +
			'<script>RLPAGEMODULES=["ext.gadget.office-action-notice","site"];</script>';
		expect( stripGadget( html ) ).toBe( head( 'skins.vector.styles' ) + head( 'site.styles' ) + '<script>RLPAGEMODULES=["site"];</script>' );
	} );
} );
