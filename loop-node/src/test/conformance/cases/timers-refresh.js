// refresh() restarts a timer's countdown from now with the same delay and callback, and returns the Timeout.
const start = Date.now();
const t = setTimeout(() => console.log('A (50 ms, refreshed at ~30 ms)'), 50);
setTimeout(() => {
  console.log('refresh returns this:', t.refresh() === t);
}, 30);
setTimeout(() => console.log('B (60 ms)'), 60);
process.on('exit', () => console.log('A fired no earlier than 80 ms: ' + (Date.now() - start >= 78)));
