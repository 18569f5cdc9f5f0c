// A setInterval callback that throws (handled by 'uncaughtException') is still rescheduled.
let caught = 0;
process.on('uncaughtException', () => { caught++; });
let runs = 0;
const iv = setInterval(() => {
  runs++;
  console.log('interval run ' + runs);
  if (runs === 3) clearInterval(iv);
  throw new Error('interval boom ' + runs);
}, 5);
process.on('exit', () => console.log('caught ' + caught + ' errors'));
