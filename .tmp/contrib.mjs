import fs from 'node:fs'; import zlib from 'node:zlib'; import * as esbuild from '/work/main/node_modules/esbuild/lib/main.js';
const s = fs.readFileSync('/work/main/build/Gadget-office-action-notice.js','utf8');
const min = async (t) => (await esbuild.transform(t, { loader: 'js', minifyWhitespace: true, legalComments: 'none', charset: 'utf8' })).code;
const gz = (t) => zlib.gzipSync(t, { level: 9 }).length;
const lines = s.split('\n');
const starts = []; lines.forEach((l, i) => { if (/^  \/\/ (src\/|oan:)/.test(l)) starts.push(i); });
const full = gz(await min(s));
const out = [];
for (let k = 0; k < starts.length; k++) {
  const a = starts[k], b = k + 1 < starts.length ? starts[k+1] : lines.findIndex((l, i) => i > a && /^  try \{$/.test(l));
  const rest = lines.slice(0, a).concat(lines.slice(b)).join('\n');
  try { out.push([full - gz(await min(rest)), lines[a].trim()]); } catch (e) { out.push(['?', lines[a].trim()]); }
}
out.sort((x, y) => y[0] - x[0]); console.log(full); for (const o of out) console.log(o.join(' '));
