// refresh() restarts a timer's countdown from now with the same delay and callback (also after it fired) and returns the Timeout.
let runs = 0;
const again = setTimeout(() => {
  runs++;
  console.log('run', runs);
  if (runs === 1) again.refresh();
  else refreshPending();
}, 5);

function refreshPending() {
  const start = Date.now();
  const t = setTimeout(() => {
    console.log('A (50 ms, refreshed at ~30 ms)');
    console.log('A fired no earlier than 80 ms: ' + (Date.now() - start >= 78));
  }, 50);
  setTimeout(() => {
    console.log('refresh returns this:', t.refresh() === t);
  }, 30);
  setTimeout(() => console.log('B (60 ms)'), 60);
}
