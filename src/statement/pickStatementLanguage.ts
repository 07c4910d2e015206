import { Statement } from '../config/types';
import { firstInChain } from '../i18n/fallbackChain';

export interface StatementChoice {
	/** Language of the page linked. */
	language: string;
	page: string;
	/** Percent translated (100 for the original). */
	complete: number;
	isOriginal: boolean;
}

export interface StatementLinks {
	chosen: StatementChoice;
	/** Set when the chosen translation is partial: the original to offer beside it. */
	original: StatementChoice | null;
	/** Every available version, original first, then translations in data order. */
	all: StatementChoice[];
}

/**
 * Chooses the statement version to link for a reader, walking MediaWiki's fallback chain
 * (user language first) and ending with the original.
 *
 * @param statement guarded statement data
 * @param chain language codes, most wanted first (e.g. zh-hk, zh-hant, zh-tw, zh, zh-hans, en)
 */
export function pickStatementLanguage( statement: Statement, chain: string[] ): StatementLinks {
	const original: StatementChoice = { language: statement.language, page: statement.page, complete: 100, isOriginal: true };
	const all: StatementChoice[] = [ original ].concat( statement.translations.map( ( t ) => ( {
		language: t.language, page: t.page, complete: t.complete, isOriginal: false
	} ) ) );
	// Walked to English, then the original: where nothing in the chain has a version.
	const language = firstInChain( chain, ( code ) => all.some( ( c ) => c.language === code ) );
	const chosen = all.find( ( c ) => c.language === language ) || original;
	return { chosen, original: chosen.complete < 100 ? original : null, all };
}
