import { launchChromium } from '/work/main/scripts/lib/browser.mjs';
const b = await launchChromium();
const c = await b.newContext({ javaScriptEnabled: false });
const p = await c.newPage();
p.on('requestfailed', r => console.log('failed', r.url().slice(0,80), r.failure()?.errorText));
await p.route((u) => u.pathname === '/nothing', (r) => r.continue());
await p.goto('http://meta.wikimedia.test:8781/index.php?title=Main_Page');
console.log(await p.evaluate(() => document.getElementById('firstHeading')?.getBoundingClientRect().top));
await b.close();
