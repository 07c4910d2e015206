import { AffectedAccount, Notice } from '../config/types';

/**
 * Canonical form of a user name as MediaWiki compares them: Unicode NFC, underscores as
 * spaces, runs of white space folded, trimmed, and the first character upper-cased
 * (as $wgCapitalLinks does for the User namespace); everything else is exact.
 */
export function normalizeUserName( name: string ): string {
	const folded = name.normalize( 'NFC' ).replace( /[_\s]+/g, ' ' ).trim();
	if ( !folded ) {
		return '';
	}
	const first = String.fromCodePoint( folded.codePointAt( 0 ) as number );
	return first.toUpperCase() + folded.slice( first.length );
}

export function sameUser( a: string, b: string ): boolean {
	const na = normalizeUserName( a );
	return na !== '' && na === normalizeUserName( b );
}

export interface AccountStatus {
	notice: Notice;
	account: AffectedAccount;
}

/** Every listing of this user across the notices, in data order. */
export function findAccountStatuses( notices: Notice[], userName: string | null ): AccountStatus[] {
	if ( !userName ) {
		return [];
	}
	const out: AccountStatus[] = [];
	for ( const notice of notices ) {
		for ( const account of notice.accounts ) {
			if ( sameUser( account.name, userName ) ) {
				out.push( { notice, account } );
			}
		}
	}
	return out;
}

/**
 * Whether the accounts gadget runs on this page view: on Special:UserRights and on every
 * account's pages. It then decides, from the notices data and CentralAuth, whether there is
 * anything to say (see hasGlobalAccount); ordinary page views never load it.
 */
export function needsAccountsGadget( namespace: number, special: string | null ): boolean {
	return special === 'Userrights' || isAccountPage( namespace, special );
}

/**
 * Whether a user name can have a global account: not an IP address (user names cannot hold ":",
 * which every IPv6 address has, and IPv4 addresses are four numbers).
 */
export function hasGlobalAccount( name: string ): boolean {
	return !/:|^\d+\.\d+\.\d+\.\d+$/.test( name );
}

/** The pages where an account's status box belongs: its user and talk pages (and subpages) and contributions. */
export function isAccountPage( namespace: number, specialPage: string | null ): boolean {
	return namespace === 2 || namespace === 3 || specialPage === 'Contributions';
}
