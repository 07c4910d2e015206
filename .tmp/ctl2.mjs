import { launchChromium } from '/work/main/scripts/lib/browser.mjs';
import { rewriteDocuments, stripGadget } from '/work/main/scripts/lib/control.mjs';
const b = await launchChromium();
for (const rewrite of [false, true]) {
const c = await b.newContext({ javaScriptEnabled: false });
const p = await c.newPage();
p.on('requestfailed', r => console.log('failed', r.url(), r.failure()?.errorText));
p.on('response', r => { if (r.url().includes('load.php')) console.log(r.status(), r.url().slice(0,120)); });
if (rewrite) await rewriteDocuments(p, stripGadget);
await p.goto('http://meta.wikimedia.test:8781/index.php?title=Main_Page');
console.log(rewrite, await p.evaluate(() => document.getElementById('firstHeading')?.getBoundingClientRect().top), await p.evaluate(() => [...document.styleSheets].map(s => s.href)));
await c.close();
}
await b.close();
