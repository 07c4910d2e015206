/** Text in several languages, keyed by MediaWiki language code; `en` is always present. */
export type LocalizedText = Record<string, string>;

export type AccountAction = 'banned' | 'desysopped' | 'restored' | 'locked' | 'restricted';

export const ACCOUNT_ACTIONS: readonly AccountAction[] = [ 'banned', 'desysopped', 'restored', 'locked', 'restricted' ];

export interface AffectedAccount {
	name: string;
	action: AccountAction;
	/** ISO date (YYYY-MM-DD or full ISO 8601) */
	date: string;
	note?: LocalizedText;
}

export interface StatementTranslation {
	language: string;
	/** Percent translated, 0 to 100. */
	complete: number;
	/** Wiki page of the translation; defaults to `<statement page>/<language>`. */
	page: string;
}

export interface Statement {
	/** Wiki page, optionally with an interwiki prefix such as `m:`. */
	page: string;
	/** Language of the original. */
	language: string;
	translations: StatementTranslation[];
}

export interface NoticeUpdate {
	date: string;
	text: LocalizedText;
}

export type AudienceFilter = 'all' | 'anonymous' | 'loggedin';

export interface NoticeTarget {
	wikis?: string[];
	contentLanguages?: string[];
	namespaces?: number[];
	groups?: string[];
	users: AudienceFilter;
}

export interface Notice {
	id: string;
	revision: number;
	title: LocalizedText;
	summary: LocalizedText;
	published: string;
	updates: NoticeUpdate[];
	statement: Statement;
	start?: string;
	end?: string;
	target: NoticeTarget;
	accounts: AffectedAccount[];
}

export type RestrictionKind = 'nonpublic' | 'office-action';

export interface RestrictedGroup {
	group: string;
	kind: RestrictionKind;
	/** Policy page to link, optionally interwiki. */
	policy: string;
}

/** Where a copy of the data comes from (deploy --farm writes it; the reader ignores it). */
export interface CopiedFrom {
	/** The source wiki's database name. */
	wiki: string;
	/** The revision of the source's notices page copied. */
	revision: number;
}

export interface NoticesData {
	notices: Notice[];
	restrictedGroups: RestrictedGroup[];
	copiedFrom?: CopiedFrom;
}
