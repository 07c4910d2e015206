import { chromium } from '/work/main/node_modules/playwright-core/index.mjs'; import { CHROMIUM_ARGS } from '/work/main/scripts/lib/browser.mjs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] });
const c = await b.newContext({ javaScriptEnabled: false });
const p = await c.newPage();
p.on('requestfailed', r => console.log('failed', r.url().slice(0,80), r.failure()?.errorText));
p.on('requestfinished', r => console.log('ok', r.url().slice(0,80)));
await p.route((u) => u.pathname === '/index.php', async (route) => {
  const res = await route.fetch({ url: route.request().url().replace('meta.wikimedia.test', '127.0.0.1'), headers: { ...route.request().headers(), host: 'meta.wikimedia.test:8781' } });
  await route.fulfill({ response: res, body: await res.text() });
});
await p.goto('http://meta.wikimedia.test:8781/index.php?title=Main_Page');
console.log(await p.evaluate(() => document.getElementById('firstHeading')?.getBoundingClientRect().top));
await b.close();
