// The articles' exercise 2 (with pbkdf2 for dns.lookup: both use libuv's pool in Node): ten
// concurrent async pbkdf2 calls per request, so the blocking pool's size decides the latency.
import { pbkdf2 } from 'node:crypto';

const derive = (i) =>
  new Promise((resolve, reject) =>
    pbkdf2('secret', `salt-${i}`, 20_000, 64, 'sha512', (err, key) => (err ? reject(err) : resolve(key))));

export default async () => {
  const keys = await Promise.all(Array.from({ length: 10 }, (_, i) => derive(i)));
  return { keys: keys.length };
};
