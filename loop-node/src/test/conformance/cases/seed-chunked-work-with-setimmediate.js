// Seed "processInChunks": yielding with setImmediate between chunks lets timers run during the work; chunking with nextTick does not.
function busy(ms) { const until = Date.now() + ms; while (Date.now() < until); }

function processInChunks(items, index, schedule, done) {
  if (index >= items.length) return done();
  busy(2); // processItem(items[index])
  // setImmediate yields to the event loop between items
  schedule(() => processInChunks(items, index + 1, schedule, done));
}

function run(label, schedule, next) {
  let timerFiredAt = -1;
  let processed = 0;
  const items = Array.from({ length: 40 }, (_, i) => i);
  setTimeout(() => { timerFiredAt = processed; }, 10);
  processInChunks(items, 0, (fn) => schedule(() => { processed++; fn(); }), () => {
    const fired = timerFiredAt !== -1;
    console.log(`${label}: timer fired while chunks were being processed: ${fired && timerFiredAt < items.length}`);
    // Let the timer fire before starting the next experiment.
    setTimeout(next, 20);
  });
}

run('setImmediate', setImmediate, () => run('process.nextTick', process.nextTick, () => {}));
