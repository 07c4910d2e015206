// mwn, the Action API client, able to reach the local farm's host names (*.test) as well as any
// real wiki: its default agent for http becomes the farm's, which asks the system's resolver for
// every other name, exactly as mwn's own keep-alive agent does.
import { Mwn } from 'mwn';
import { farmAgent } from './farmHosts.mjs';

Mwn.requestDefaults.httpAgent = farmAgent;

export { Mwn };
