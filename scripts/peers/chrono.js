// Run chrono-node the way a user tags documents: chrono.parse(text, publicationDate).
//   node scripts/peers/chrono.js [--repeat N] DCT FILE...
// A FILE ending in .jsonl holds one document per line ({"id", "published", "text"}): each is
// parsed on its own with its own date. Any other FILE is one document dated DCT.
// Prints one line per FILE: bytes, results, and the best of N timed runs (one warm-up run
// first; start-up and file reading excluded) as wall seconds and CPU seconds of the process.
'use strict';
const path = require('path');
const fs = require('fs');
const root = path.resolve(__dirname, '..', '..');
const chrono = require(path.join(root, 'peers', 'chrono', 'node_modules', 'chrono-node'));

let args = process.argv.slice(2);
let repeat = 3;
if (args[0] === '--repeat') { repeat = parseInt(args[1], 10); args = args.slice(2); }
const [dct, ...files] = args;
for (const f of files) {
  const raw = fs.readFileSync(f, 'utf8');
  let docs;
  if (f.endsWith('.jsonl')) {
    docs = raw.split('\n').filter((l) => l.trim()).map((l) => {
      const r = JSON.parse(l);
      return [r.text, new Date((r.published || dct) + 'T12:00:00Z')];
    });
  } else {
    docs = [[raw, new Date(dct + 'T12:00:00Z')]];
  }
  const bytes = docs.reduce((n, [t]) => n + Buffer.byteLength(t, 'utf8'), 0);
  const once = () => docs.reduce((n, [t, d]) => n + chrono.parse(t, d).length, 0);
  let n = once(); // warm-up
  let best = Infinity, bestCpu = Infinity;
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    n = once();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    best = Math.min(best, dt);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  console.log(`chrono ${path.basename(f)}: ${docs.length} docs ${bytes} bytes ${n} results ` +
    `wall ${best.toFixed(4)} s cpu ${bestCpu.toFixed(4)} s ` +
    `${(bytes / best / 1e6).toFixed(3)} MB/s wall ${(bytes / bestCpu / 1e6).toFixed(3)} MB/s per CPU-second`);
}
