// The articles' exercise 5: request-scoped logging. AsyncLocalStorage carries the request through
// timers, promises and pool callbacks, so a log helper deep in the code knows which request it
// serves without being passed it. (loopd's own log lines carry ctx.invocationId as well.)
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

const requestContext = new AsyncLocalStorage();

function log(message) {
  const store = requestContext.getStore();
  console.log(`[request ${store?.requestId ?? '-'}] ${message}`);
}

async function lookupUser(name) {
  log(`looking up ${name}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const token = await new Promise((resolve, reject) =>
    randomBytes(8, (err, bytes) => (err ? reject(err) : resolve(bytes.toString('hex')))));
  log(`found ${name}`);
  return { name, token };
}

export default async (request, ctx) =>
  requestContext.run({ requestId: request.headers['x-request-id'] ?? ctx.invocationId }, async () => {
    const user = await lookupUser(request.query.user ?? 'ada');
    return { user, requestId: requestContext.getStore().requestId };
  });
