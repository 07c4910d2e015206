import { launchChromium } from '/work/main/scripts/lib/browser.mjs';
import { forwardRequest } from '/work/main/scripts/lib/wikiApi.mjs';
const b = await launchChromium();
for (const mode of ['minimal', 'full']) {
const c = await b.newContext({ javaScriptEnabled: false });
const p = await c.newPage();
p.on('requestfailed', r => console.log(mode, 'failed', r.url().slice(0,80), r.failure()?.errorText));
await p.route((u) => u.pathname === '/index.php', async (route) => {
  const req = route.request();
  const h = { ...await req.allHeaders() }; delete h['accept-encoding'];
  const res = await forwardRequest(req.url(), { method: req.method(), headers: h, body: null });
  console.log(Object.keys(res.headers).join(','));
  const headers = mode === 'minimal' ? { 'content-type': res.headers['content-type'] } : Object.fromEntries(Object.entries(res.headers).filter(([n]) => !['connection','content-length','transfer-encoding','host'].includes(n)).map(([n,v]) => [n, Array.isArray(v) ? v.join('\n') : String(v)]));
  await route.fulfill({ status: res.status, headers, body: res.body.toString() });
});
await p.goto('http://meta.wikimedia.test:8781/index.php?title=Main_Page');
console.log(mode, await p.evaluate(() => document.getElementById('firstHeading')?.getBoundingClientRect().top));
await c.close();
}
await b.close();
