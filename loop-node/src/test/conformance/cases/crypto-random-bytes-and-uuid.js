// randomBytes returns the requested length (sync, and async via the pool after the current code); randomUUID is a v4 UUID.
const crypto = require('crypto');
const b = crypto.randomBytes(16);
console.log('sync:', Buffer.isBuffer(b), b.length);
console.log('zero length:', crypto.randomBytes(0).length);
crypto.randomBytes(32, (err, buf) => console.log('async:', err, buf.length));
const uuid = crypto.randomUUID();
console.log('uuid format:', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid));
const set = new Set(Array.from({ length: 100 }, () => crypto.randomUUID()));
console.log('100 distinct:', set.size === 100);
console.log('global crypto.randomUUID:', typeof globalThis.crypto.randomUUID);
console.log('bytes differ:', !crypto.randomBytes(16).equals(crypto.randomBytes(16)));
console.log('sync code done');
