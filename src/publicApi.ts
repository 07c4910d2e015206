// The gadget's one public name, mw.libs.officeActionNotice, and its one hook,
// mw.hook( 'officeActionNotice.ready' ).
import { NoticesData } from './config/types';
import { mark, PREFIX } from './util/log';

const PUBLIC_NAME = 'officeActionNotice';

/** What other scripts read: the guarded data, the notices shown, the live check's result. */
export interface PublicApi {
	readonly data: NoticesData;
	readonly shown: readonly string[];
	readonly live: unknown;
}

/** What the gadget fills in as the page view goes on; other scripts see it through PublicApi's getters. */
export interface PublicState {
	shown: string[];
	live: unknown;
}

/** Freezes a value and everything in it, so other scripts can read the data but not change it. */
export function deepFreeze<T>( value: T ): T {
	if ( value && typeof value === 'object' && !Object.isFrozen( value ) ) {
		Object.freeze( value );
		Object.keys( value ).forEach( ( key ) => deepFreeze( ( value as Record<string, unknown> )[ key ] ) );
	}
	return value;
}

/** Whether a copy of the gadget already runs on this page (then this one does nothing). */
export function isPublished(): boolean {
	return Boolean( ( mw.libs as Record<string, unknown> )[ PUBLIC_NAME ] );
}

/**
 * Sets mw.libs.officeActionNotice, once and for good: the data frozen, `shown` and `live` read
 * from the state as it is when asked.
 */
export function publishApi( data: NoticesData, state: PublicState ): PublicApi {
	const api: PublicApi = Object.freeze( {
		data: deepFreeze( data ),
		get shown() {
			return state.shown.slice();
		},
		get live() {
			return state.live;
		}
	} );
	Object.defineProperty( mw.libs, PUBLIC_NAME, { value: api, enumerable: true } );
	return api;
}

/**
 * Fires mw.hook( 'officeActionNotice.ready' ) once with the API, when what the page view does has
 * settled (failed or not). A handler that throws is another script's problem: logged, not ours.
 *
 * @param settled the page view's work (the accounts gadget and its live check, where it runs)
 * @param api the public API
 */
export function fireReadyWhen( settled: Promise<unknown>, api: PublicApi ): void {
	const ready = (): void => {
		mark( 'ready' );
		try {
			mw.hook( 'officeActionNotice.ready' ).fire( api );
		} catch ( e ) {
			mw.log.warn( `${ PREFIX } an officeActionNotice.ready handler threw:`, e );
		}
	};
	settled.then( ready, ( e ) => {
		mw.log.error( PREFIX, e );
		ready();
	} );
}
