// STUB until the schema checker lands (helperA): do not commit.
export interface Problem { path: string; key: string; params: string[] }
export interface CheckContext { saved?: unknown; isKnownLanguage?: ( code: string ) => boolean }
export function checkNotices( data: unknown, context?: CheckContext ): Problem[] {
	void context;
	return data && typeof data === 'object' && Array.isArray( ( data as { notices?: unknown } ).notices ) ? [] : [ { path: 'notices', key: 'oan-author-missing', params: [] } ];
}
