// Runs the value table of util-diff.mjs through util.inspect / util.format / console in whatever
// runtime executes it, printing one normalized block per case (stack frames removed). Compare the
// output of `node` and `bin/loop-node run` on this file to find engine-dependent differences:
//   node util-graal-check.mjs > a; bin/loop-node run util-graal-check.mjs > b; diff a b
import util from 'node:util';
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { makeValues, optionSets, makeFormatCases, consoleScripts, setFakeNow } from './util-diff-values.mjs';

const skip = /promise|proxy|iter|weak|resolved|rejected|namespace|detached|node error/i;
const strip = (s) => s.split("\n").filter((l) => !/^(\x1b\[\d+m)?\s+at /.test(l) && !/^\s+\.\.\. \d+ lines matching/.test(l)).join('\n');
const values = await makeValues();
const out = [];
for (const [label, value] of values) {
  if (skip.test(label)) continue;
  for (const opts of optionSets) {
    let text;
    try {
      text = opts === undefined ? util.inspect(value) : util.inspect(value, opts);
    } catch (e) {
      text = `<threw ${e.name}: ${e.message}>`;
    }
    out.push(`### ${label} ${JSON.stringify(opts, (k, v) => (typeof v === 'function' ? 'fn' : v))}\n${strip(text)}`);
  }
}

for (const args of makeFormatCases()) {
  let text;
  try {
    text = util.format(...args);
  } catch (e) {
    text = `<threw ${e.name}: ${e.message}>`;
  }
  out.push(`### format ${out.length}\n${strip(text)}`);
}

// Console scripts against fake streams, with a fake clock for the timing ones.
class FakeStream extends EventEmitter {
  constructor() {
    super();
    this.out = [];
  }

  write(s) {
    this.out.push(s);
    return true;
  }
}
let fakeNow = 0;
setFakeNow.hook = (t) => { fakeNow = t; };
setFakeNow.get = () => fakeNow;
const perfDesc = Object.getOwnPropertyDescriptor(globalThis, 'performance');
Object.defineProperty(globalThis, 'performance', { value: { now: () => fakeNow }, configurable: true, writable: true });
const hrtime = process.hrtime;
process.hrtime = (prev) => {
  const ns = BigInt(Math.round(fakeNow * 1e6));
  const t = [Number(ns / 1000000000n), Number(ns % 1000000000n)];
  if (!prev) return t;
  let sec = t[0] - prev[0];
  let n = t[1] - prev[1];
  if (n < 0) { sec--; n += 1e9; }
  return [sec, n];
};
const emitWarning = process.emitWarning;
const warnings = [];
process.emitWarning = (w) => warnings.push(String(w));
for (const [name, script] of Object.entries(consoleScripts)) {
  const stdout = new FakeStream();
  const stderr = new FakeStream();
  fakeNow = 0;
  warnings.length = 0;
  try {
    script(new Console({ stdout, stderr }));
  } catch (e) {
    stderr.out.push(`<threw ${e.name}: ${e.message}>`);
  }
  out.push(`### console ${name}\n${strip(stdout.out.join(''))}\n--stderr--\n${strip(stderr.out.join(''))}` +
    `\n--warnings--\n${warnings.join('\n')}`);
}
process.emitWarning = emitWarning;
process.hrtime = hrtime;
if (perfDesc) Object.defineProperty(globalThis, 'performance', perfDesc);

process.stdout.write(out.join('\n') + '\n');
