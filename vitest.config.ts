import { defineConfig } from 'vitest/config';
import { validatorSource, VALIDATOR_MODULE } from './scripts/lib/checker.mjs';

/** `oan:notices-validator` for code under test, as the build makes it (scripts/lib/checker.mjs). */
const validator = {
	name: 'oan-notices-validator',
	resolveId: ( id: string ) => id === VALIDATOR_MODULE ? '\0oan-notices-validator' : null,
	load: ( id: string ) => id === '\0oan-notices-validator' ? validatorSource() : null
};

export default defineConfig( {
	test: {
		projects: [
			{
				plugins: [ validator ],
				test: {
					name: 'unit',
					environment: 'jsdom',
					include: [ 'test/unit/**/*.test.ts' ]
				}
			},
			{
				test: {
					name: 'browser',
					environment: 'node',
					include: [ 'test/browser/**/*.test.ts' ],
					globalSetup: [ 'test/browser/globalSetup.ts' ],
					// One wiki, one Chromium: files run one after another, tests inside a file in order.
					pool: 'forks',
					poolOptions: { forks: { singleFork: true } },
					testTimeout: 60000,
					hookTimeout: 180000
				}
			}
		]
	}
} );
