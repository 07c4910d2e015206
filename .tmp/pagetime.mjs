import { httpGet } from '/work/main/scripts/lib/wikiApi.mjs';
const urls = ['http://zh.wikipedia.test:8781/index.php?title=首页&variant=zh-tw', 'http://en.wikipedia.test:8781/index.php?title=Main_Page', 'http://meta.wikimedia.test:8781/load.php?lang=en&modules=startup&only=scripts&skin=vector-2022'];
for (const u of urls) await httpGet(u);
const t = Date.now();
for (let i = 0; i < 10; i++) for (const u of urls) await httpGet(u);
console.log('ms per request', (Date.now() - t) / 30);
