// Abort listeners run synchronously inside abort(), in registration order; { once } listeners and removed listeners behave like EventTarget.
const ac = new AbortController();
const log = [];
const removed = () => log.push('removed (never)');
ac.signal.addEventListener('abort', () => log.push('first'));
ac.signal.addEventListener('abort', removed);
ac.signal.addEventListener('abort', () => log.push('once'), { once: true });
ac.signal.addEventListener('abort', () => log.push('last'));
ac.signal.removeEventListener('abort', removed);
log.push('before abort');
ac.abort();
log.push('after abort');
console.log(log.join('\n'));
