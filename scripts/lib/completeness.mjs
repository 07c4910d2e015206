// How complete each translation of a statement is (Translate's statistics) and the rewrite of the
// notices data that records it: src/completeness/, the code the authoring gadget runs, bundled
// for Node (scripts/lib/sourceModule.mjs).
import { importSource } from './sourceModule.mjs';

export const {
	CompletenessError, NoticesDataError, barPercent, completenessFromStats, fetchPageStats,
	resolveStatementPage, readStatementTranslations, mergeTranslations, rewriteTranslations, updateNoticesText
} = await importSource( [ 'src/completeness/statistics.ts', 'src/completeness/rewriteInPlace.ts', 'src/completeness/updateNoticesText.ts' ] );
