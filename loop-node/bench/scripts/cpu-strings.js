// CPU-bound: string building, splitting and regular expressions.
const { bench } = require('./_harness');
function work() {
  let s = '';
  for (let i = 0; i < 2000; i++) s += 'item-' + i + ',';
  const parts = s.split(',');
  let n = 0;
  for (const p of parts) if (/^item-\d*7$/.test(p)) n++;
  return n + s.replace(/item/g, 'x').length;
}
bench('cpu-strings', 50, () => { for (let i = 0; i < 50; i++) work(); });
