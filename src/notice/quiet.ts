// Logged-in readers who dismissed every notice get pages without the reserved room: the hidden
// gadget office-action-notice-quiet cancels it, switched on through their gadget option. The
// option is written only when it must change: when the reader dismisses the last notice on a
// page, and when a notice is due to a reader who had it on (a new notice or revision; that page
// kept no room, so the notice waits for the next page view, where the room is kept again).

/** The user option of the hidden styles gadget that cancels the reserved room. */
export const QUIET_OPTION = 'gadget-office-action-notice-quiet';

export type QuietEvent = 'shown' | 'all-dismissed';

/**
 * What the option must become after this event, or null for no change (and no request).
 *
 * @param named whether the reader has a named account (anonymous readers and temporary accounts get no option written)
 * @param quietNow the option's value on this page view
 * @param event a notice is due (shown, or kept for the next page view), or the reader dismissed the last one shown here
 */
export function quietChange( named: boolean, quietNow: boolean, event: QuietEvent ): '0' | '1' | null {
	if ( !named ) {
		return null;
	}
	if ( event === 'shown' ) {
		return quietNow ? '0' : null;
	}
	return quietNow ? null : '1';
}
