// The articles' exercise 2, with crypto instead of dns.lookup (both run on libuv's pool in Node):
// ten concurrent pbkdf2 calls per request. With a blocking pool of 2 they queue; watch
// loopd_pool_queued and the queue-wait histogram at /metrics, then retry with --pool-size 16.
import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);

export default async () => {
  const started = performance.now();
  const keys = await Promise.all(
    Array.from({ length: 10 }, (_, i) => derive('secret', `salt-${i}`, 10_000, 64, 'sha512')),
  );
  return { keys: keys.length, ms: Math.round(performance.now() - started) };
};
