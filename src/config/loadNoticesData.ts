import { guardNoticesData } from './guard';
import { NoticesData } from './types';

/**
 * The notices page: a package file of the main gadget (gadget-definition.txt), which the
 * authoring view serves. loadNoticesData requires it by its file name, written out there because
 * ResourceLoader's require takes it as written (test/unit/authoring.test.ts holds the two equal).
 */
export const NOTICES_PAGE = 'MediaWiki:Gadget-office-action-notice-notices.json';

/**
 * The notices page as the gadget uses it: guarded, each problem a console warning. An unreadable
 * page (its content model changed, say) is no notices.
 *
 * @param warn console warning
 */
export function loadNoticesData( warn: ( message: string ) => void ): NoticesData {
	let raw: unknown;
	try {
		raw = OAN_PACKAGE_REQUIRE( './office-action-notice-notices.json' );
	} catch ( e ) {
		warn( `notices page unreadable (${ ( e as Error ).message }); nothing shown` );
		return { notices: [], restrictedGroups: [] };
	}
	const result = guardNoticesData( raw );
	result.warnings.forEach( warn );
	return result.data;
}
