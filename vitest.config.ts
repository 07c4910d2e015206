import { defineConfig } from 'vitest/config';

export default defineConfig( {
	test: {
		projects: [
			{
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
