// Loads the hidden accounts gadget where the main gadget decided it is needed, and runs it.
import type { AccountsContext, AccountsModule } from './accountsGadget';

/** The hidden gadget with the account status box and the UserRights warning. */
const ACCOUNTS_MODULE = 'ext.gadget.office-action-notice-accounts';

/**
 * @param context what the accounts gadget needs of this page view
 * @param onShown called once the box or the warning is on the page (its live check may still run)
 * @return the live check's result
 */
export function runAccountsGadget( context: AccountsContext, onShown: () => void ): Promise<unknown> {
	return Promise.resolve( mw.loader.using( ACCOUNTS_MODULE ) ).then( ( req ) => {
		const shown = ( req( ACCOUNTS_MODULE ) as AccountsModule ).run( context );
		onShown();
		return shown;
	} );
}
