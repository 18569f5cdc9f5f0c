// Seed exercise "request-scoped logging": AsyncLocalStorage tags every log line with its request id across awaits and pool callbacks.
const { AsyncLocalStorage } = require('async_hooks');
const crypto = require('crypto');
const { setTimeout: sleep } = require('timers/promises');
const als = new AsyncLocalStorage();
const lines = [];
const log = (msg) => lines.push(`[${als.getStore()?.requestId ?? '-'}] ${msg}`);

async function handle(requestId, delay) {
  return als.run({ requestId }, async () => {
    log('start');
    await sleep(delay);
    const hash = await new Promise((res) => crypto.pbkdf2('pw', requestId, 1000, 8, 'sha256', (e, k) => res(k)));
    log('hashed ' + hash.length + ' bytes');
    return requestId;
  });
}
Promise.all([handle('req-1', 30), handle('req-2', 1), handle('req-3', 15)]).then((ids) => {
  log('all done: ' + ids.join(','));
  // Interleaving varies with timing; each request's own lines must carry its id.
  const ok = ['req-1', 'req-2', 'req-3'].every((id) => lines.filter((l) => l.startsWith(`[${id}]`)).length === 2);
  console.log('every request logged start and hashed with its own id:', ok);
  console.log(lines.filter((l) => l.startsWith('[-]')).join('\n'));
});
