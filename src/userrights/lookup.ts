// The one API request of the UserRights page, and the parsing of its answer (pure).

export interface LiveStatus {
	exists: boolean;
	groups: string[];
	blocked: { by: string; expiry: string } | null;
	registration: string | null;
	editCount: number | null;
	/** Global (CentralAuth) account state; null where CentralAuth is not installed or has no such account. */
	global: { locked: boolean } | null;
	/** Another wiki's account (Name@otherwiki): only its global state is known here. */
	remote: boolean;
}

/** Query parameters: one request for groups, block, registration, edits and global state. */
export function lookupParams( name: string, local: boolean ): Record<string, string> {
	const params: Record<string, string> = {
		action: 'query',
		format: 'json',
		formatversion: '2',
		// Where CentralAuth is missing, this module is unknown: the API warns and answers the rest.
		meta: 'globaluserinfo',
		guiuser: name,
		guiprop: 'groups'
	};
	if ( local ) {
		params.list = 'users';
		params.ususers = name;
		params.usprop = 'groups|blockinfo|registration|editcount';
	}
	return params;
}

function isObject( v: unknown ): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray( v );
}

/**
 * Reads the answer; null when it is not the shape the API gives (an error answer, HTML, a
 * proxy's page): the caller then says the live check could not be made.
 */
export function parseLookup( answer: unknown, local: boolean ): LiveStatus | null {
	if ( !isObject( answer ) || answer.error || !isObject( answer.query ) ) {
		return null;
	}
	const query = answer.query;
	const status: LiveStatus = { exists: false, groups: [], blocked: null, registration: null, editCount: null, global: null, remote: !local };
	if ( isObject( query.globaluserinfo ) ) {
		const g = query.globaluserinfo;
		status.global = g.missing !== undefined ? null : { locked: g.locked !== undefined && g.locked !== false };
	}
	if ( !local ) {
		// Another wiki's account: only CentralAuth can say anything about it here.
		if ( !status.global ) {
			return null;
		}
		status.exists = true;
		return status;
	}
	if ( !Array.isArray( query.users ) || !isObject( query.users[ 0 ] ) ) {
		return null;
	}
	const user = query.users[ 0 ];
	if ( user.missing !== undefined || user.invalid !== undefined ) {
		return status;
	}
	status.exists = true;
	status.groups = Array.isArray( user.groups ) ? user.groups.filter( ( g ): g is string => typeof g === 'string' && g !== '*' && g !== 'user' && g !== 'autoconfirmed' ) : [];
	if ( user.blockid !== undefined ) {
		status.blocked = { by: String( user.blockedby || '' ), expiry: String( user.blockexpiry || '' ) };
	}
	status.registration = typeof user.registration === 'string' ? user.registration : null;
	status.editCount = typeof user.editcount === 'number' ? user.editcount : null;
	return status;
}
