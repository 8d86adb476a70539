// Run chrono-node over plain-text files, the way a user tags a document: chrono.parse(text, dct).
//   node scripts/peers/chrono.js [--repeat N] DCT FILE...
// Prints one line per file on stdout: `chrono BYTES bytes RESULTS results SECONDS s`, the best of N
// in-process runs (start-up and file reading excluded, one warm-up run first).
'use strict';
const path = require('path');
const fs = require('fs');
const root = path.resolve(__dirname, '..', '..');
const chrono = require(path.join(root, 'peers', 'chrono', 'node_modules', 'chrono-node'));

let args = process.argv.slice(2);
let repeat = 3;
if (args[0] === '--repeat') { repeat = parseInt(args[1], 10); args = args.slice(2); }
const [dct, ...files] = args;
const ref = new Date(dct + 'T12:00:00Z');
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  let n = chrono.parse(text, ref).length; // warm-up
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    n = chrono.parse(text, ref).length;
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (dt < best) best = dt;
  }
  console.log(`chrono ${bytes} bytes ${n} results ${best.toFixed(4)} s`);
}
