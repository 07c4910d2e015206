// Demo pages for the local wiki. With ../shared/seeds/ beside the repo, the statement's real
// texts are read from there at run time (they are never copied into this repository);
// without it, short stand-in pages in the project's own words are used.
import fs from 'node:fs';
import path from 'node:path';
import { alignParagraphs } from './align.mjs';
import { ROOT } from './paths.mjs';

export const STATEMENT = 'Office actions/September 2021 statement';
export const SEEDS_DIR = process.env.OAN_SEEDS_DIR || path.join( ROOT, '..', 'shared', 'seeds' );

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const BENGALI = /[\u0980-\u09ff]/g;
const SCRIPTS = { zh: CJK, bn: BENGALI };

function share( text, re ) {
	const letters = text.replace( /[\s\d\p{P}\p{S}]/gu, '' ).length;
	return letters ? ( text.match( re ) || [] ).length / letters : 0;
}

function paragraphs( text ) {
	return text.replace( /\r\n/g, '\n' ).split( /\n\s*\n/ ).map( ( p ) => p.trim() ).filter( Boolean );
}

/** Plain text to wikitext that shows the same text: markup characters are neutralised. */
export function toWikitext( paras ) {
	return paras.map( paragraphWikitext ).join( '\n\n' ) + '\n';
}

function paragraphWikitext( p ) {
	return p
		.replace( /&/g, '&amp;' )
		.replace( /</g, '&lt;' )
		.replace( /\{\{/g, '&#123;&#123;' )
		.replace( /\[\[/g, '&#91;&#91;' )
		.replace( /~~~/g, '&#126;~~' )
		.replace( /''/g, '&#39;\'' )
		.replace( /__/g, '&#95;_' )
		.replace( /^([*#:;= -])/gm, '<nowiki/>$1' );
}

/**
 * Reads the seeds: a statement mail holding the English original followed by its Chinese
 * translation, and the Meta page of a partial translation (its header says how complete).
 *
 * @return {{english: (string[]|null), chinese: (string[]|null), partial: ({language: string, complete: number, title: string, paras: string[]}|null)}|null}
 *  plain-text paragraphs (english ends with the update the partial page has), or null without seeds
 */
export function readSeeds( dir = SEEDS_DIR ) {
	let files;
	try {
		files = fs.readdirSync( dir ).filter( ( f ) => f.endsWith( '.txt' ) ).sort();
	} catch {
		return null;
	}
	let english = null;
	let chinese = null;
	let partial = null;
	let update = [];
	for ( const file of files ) {
		const text = fs.readFileSync( path.join( dir, file ), 'utf8' );
		const paras = paragraphs( text );
		const header = text.match( /translated version of the page .+? and the translation is (\d+)% complete/ );
		if ( header ) {
			const lang = share( paras[ 0 ], BENGALI ) > 0.5 ? 'bn' : null;
			if ( lang ) {
				// The Meta page: title line, the translation banner line, then the text.
				const body = paras.slice( 1 ).map( ( p ) => p.replace( /^.*translated version of the page.*\n?/m, '' ).trim() ).filter( Boolean );
				partial = { language: lang, complete: Number( header[ 1 ] ), title: paras[ 0 ], paras: body.filter( ( p ) => p !== 'References' ) };
				// The update that restored 玄客 stands at the end of the page, in English.
				const at = body.findIndex( ( p ) => /^Updated Office Action/.test( p ) );
				if ( at !== -1 ) {
					update = body.slice( at ).filter( ( p ) => !/^References$/.test( p ) );
				}
			}
			continue;
		}
		// The translation is the closing run of Chinese paragraphs.
		let firstCjk = paras.length;
		while ( firstCjk > 0 && share( paras[ firstCjk - 1 ], CJK ) > 0.5 ) {
			firstCjk--;
		}
		if ( firstCjk > 0 && firstCjk < paras.length ) {
			// The English original starts after the last paragraph before the Chinese part that
			// mentions Chinese at all (the reply and the "translation below" note come first).
			let start = 0;
			for ( let i = 0; i < firstCjk; i++ ) {
				if ( share( paras[ i ], CJK ) > 0 ) {
					start = i + 1;
				}
			}
			english = paras.slice( start, firstCjk );
			chinese = paras.slice( firstCjk );
		}
	}
	if ( !english && !partial ) {
		return null;
	}
	return { english: english && english.concat( update ), chinese, partial };
}

/**
 * The seeds as plain pages: the original and one page per translation.
 *
 * @return {Array<{title: string, text: string, language: string, complete: (number|undefined)}>|null}
 */
export function readSeedPages( dir = SEEDS_DIR ) {
	const seeds = readSeeds( dir );
	if ( !seeds ) {
		return null;
	}
	const pages = [];
	if ( seeds.english ) {
		pages.push( { title: STATEMENT, language: 'en', text: toWikitext( seeds.english ) } );
		pages.push( { title: `${ STATEMENT }/zh`, language: 'zh', complete: 100, text: toWikitext( seeds.chinese ) } );
	}
	if ( seeds.partial ) {
		const { language, complete, paras } = seeds.partial;
		pages.push( { title: `${ STATEMENT }/${ language }`, language, complete, text: toWikitext( paras ) } );
	}
	return pages;
}

/** Stand-in pages in our own words, for a clone without ../shared. */
export function fallbackPages() {
	return [
		{ title: STATEMENT, language: 'en', text: 'This page stands in for the Wikimedia Foundation\'s statement of September 2021 about an office action on Chinese-language projects. The real text is imported from ../shared/seeds/ when that folder sits beside the repository.\n\n== Update ==\nOne account was found to have been identified wrongly and was restored in full.\n' },
		{ title: `${ STATEMENT }/zh`, language: 'zh', complete: 100, text: '本页是2021年9月办公室行动声明的演示替代页面。\n' },
		{ title: `${ STATEMENT }/bn`, language: 'bn', complete: 19, text: 'এটি সেপ্টেম্বর ২০২১-এর বিবৃতির একটি ডেমো পাতা। বাকি অংশ এখনও অনূদিত হয়নি.\n\nThe rest of this page is not translated yet.\n' }
	];
}

/**
 * The statement as a translatable page: one unit per English paragraph, and for each language
 * the units its translation has, with the translated page title where the seed has one.
 * Paragraphs are paired by alignParagraphs() (scripts/lib/align.mjs), since the counts differ:
 * the mail's Chinese translation leaves some paragraphs out (the greeting, the closing, the
 * references and the later update have none), and Meta's Bengali page has a few paragraphs in
 * Bengali, the rest still in English (left untranslated here, as there) and lines of its own (a
 * shortcut box, a heading), which have no unit. Without seeds: the stand-in texts, one unit
 * translated in each language.
 *
 * @return {{units: string[], translations: Array<{language: string, title: (string|null), units: Array<Array<(number|string)>>}>}}
 *  wikitext; a translation's units are [index of the English unit, text]
 */
export function translatableStatement( seeds = readSeeds() ) {
	if ( !seeds || !seeds.english ) {
		const [ en, zh, bn ] = fallbackPages().map( ( p ) => p.text.trim().split( '\n\n' ) );
		return { units: en, translations: [ { language: 'zh', title: null, units: [ [ 0, zh[ 0 ] ] ] }, { language: 'bn', title: null, units: [ [ 0, bn[ 0 ] ] ] } ] };
	}
	const translated = ( language, paras ) => alignParagraphs( seeds.english, paras )
		// Only what is in the translation's script: paragraphs still in English are untranslated.
		.filter( ( [ , j ] ) => share( paras[ j ], SCRIPTS[ language ] ) > 0.5 )
		.map( ( [ i, j ] ) => [ i, paragraphWikitext( paras[ j ] ) ] );
	const translations = [];
	if ( seeds.chinese ) {
		translations.push( { language: 'zh', title: null, units: translated( 'zh', seeds.chinese ) } );
	}
	if ( seeds.partial ) {
		const { language, title, paras } = seeds.partial;
		translations.push( { language, title: paragraphWikitext( title ), units: translated( language, paras ) } );
	}
	return { units: seeds.english.map( paragraphWikitext ), translations };
}

/** Pages every demo wiki gets, whatever the seeds: the policies the restricted groups link to. */
export function policyPages() {
	return [
		{ title: 'Access to nonpublic personal data policy', text: 'Demo stand-in for the policy that governs access to nonpublic personal data (CheckUser, Oversight and similar rights), including the confidentiality agreement that holders must sign.\n' },
		{ title: 'Office actions', text: 'Demo stand-in for the page about Wikimedia Foundation office actions.\n\n* [[Office actions/September 2021 statement]]\n' }
	];
}

export function demoPages() {
	return ( readSeedPages() || fallbackPages() ).concat( policyPages() );
}

/**
 * The Chinese-language wiki's own pages, in the project's own words: a main page, and the user
 * pages of the demo accounts. Written in simplified characters, as editors of zhwiki often do;
 * MediaWiki converts them to the reader's variant.
 *
 * @param {string[]} accounts the demo accounts' names
 */
export function zhWikiPages( accounts ) {
	return [
		{ title: '首页', text: '欢迎来到办公室行动通知的中文演示维基。本维基的内容语言是中文，读者可以选择简体或繁体等变体阅读。\n\n关于2021年9月的办公室行动，请参阅[[m:Office actions/September 2021 statement|基金会的声明]]。\n' },
		...accounts.map( ( name ) => ( { title: `User:${ name }`, text: `这是演示用户${ name }的用户页面。\n` } ) )
	];
}

/**
 * The English-language wikis' own pages (enwiki): a main page that links to the statement on Meta,
 * and the user pages of the demo accounts.
 *
 * @param {string[]} accounts the demo accounts' names
 */
export function enWikiPages( accounts ) {
	return [
		{ title: 'Main Page', text: 'Welcome to the English-language demo wiki of office-action-notice.\n\nOn the office action of September 2021, see [[m:Office actions/September 2021 statement|the Foundation\'s statement]].\n' },
		...accounts.map( ( name ) => ( { title: `User:${ name }`, text: `This is the user page of the demo account ${ name }.\n` } ) )
	];
}
