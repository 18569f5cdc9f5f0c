// Scheduling work in 'beforeExit' keeps the loop going; 'beforeExit' then fires again when that work is done.
let n = 0;
process.on('beforeExit', () => {
  n++;
  console.log('beforeExit', n);
  if (n === 1) setTimeout(() => console.log('timer from beforeExit'), 1);
  if (n === 2) Promise.resolve().then(() => console.log('promise from beforeExit 2 (runs, but adds no loop work)'));
});
process.on('exit', () => console.log('exit after', n, 'beforeExit events'));
