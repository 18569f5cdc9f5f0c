'use strict';
// crypto conformance: prints deterministic lines; `node crypto-check.js` and
// `bin/loop-node run crypto-check.js` must print the same.
const crypto = require('crypto');

// Only strings reach console.log, so the output does not depend on console formatting.
function log(...args) {
  console.log(args.map(String).join(' '));
}

function show(label, f) {
  try {
    const r = f();
    log(label, '=>', fmt(r));
  } catch (e) {
    log(label, 'throws', e.name, e.code, JSON.stringify(e.message),
      JSON.stringify(Object.keys(e)), String(e.stack).split('\n')[0]);
  }
}
function fmt(v) {
  if (Buffer.isBuffer(v)) return `Buffer<${v.toString('hex')}>`;
  if (v instanceof Uint8Array) return `Uint8Array<${Buffer.from(v).toString('hex')}>`;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

// ---- digests ----
const million = 'a'.repeat(1000000);
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224',
  'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'SHA256', 'RSA-SHA1', 'sha-256']) {
  show(`${alg}('')`, () => crypto.createHash(alg).digest('hex'));
  show(`${alg}('abc')`, () => crypto.createHash(alg).update('abc').digest('hex'));
}
show('sha256(1e6 a)', () => crypto.createHash('sha256').update(million).digest('hex'));
show('sha1(1e6 a in chunks)', () => {
  const h = crypto.createHash('sha1');
  for (let i = 0; i < 1000; i++) h.update(million.slice(i * 1000, (i + 1) * 1000));
  return h.digest('hex');
});
show('mixed inputs', () => crypto.createHash('sha256')
  .update('héllo')
  .update(Buffer.from([1, 2, 3]))
  .update(new Uint16Array([0x102, 0x304]))
  .update(new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2))
  .update(new Uint8Array([5, 6, 7, 8]).subarray(1, 3))
  .update('616263', 'hex')
  .update('YWJj', 'base64')
  .update('é€', 'latin1')
  .update('é€', 'buffer')
  .update('é€', 'ucs2')
  .update('é€', 'no-such-encoding')
  .digest('hex'));
for (const enc of [undefined, 'buffer', 'hex', 'base64', 'base64url', 'latin1', 'binary',
  'utf16le', 'no-such-encoding']) {
  show(`digest(${enc})`, () => crypto.createHash('md5').update('x').digest(enc));
}
show('copy', () => {
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  c.update('c');
  return h.update('d').digest('hex') + ' ' + c.digest('hex');
});
show('mutating input after update', () => {
  const b = Buffer.from('abc');
  const h = crypto.createHash('sha1').update(b);
  b.fill(0);
  return h.digest('hex');
});
show('Hash without new', () => crypto.Hash('sha1').update('abc').digest('hex'));
show('outputLength = digest size', () =>
  crypto.createHash('sha256', { outputLength: 32 }).update('abc').digest('hex'));
show('crypto.hash', () => crypto.hash('sha1', 'abc'));
show('crypto.hash base64', () => crypto.hash('sha256', Buffer.from('abc'), 'base64'));
show('crypto.hash buffer', () => crypto.hash('md5', 'abc', 'buffer'));

// ---- HMAC (RFC 4231) ----
const k20 = Buffer.alloc(20, 0x0b);
show('hmac tc1 sha224', () => crypto.createHmac('sha224', k20).update('Hi There').digest('hex'));
show('hmac tc1 sha256', () => crypto.createHmac('sha256', k20).update('Hi There').digest('hex'));
show('hmac tc1 sha384', () => crypto.createHmac('sha384', k20).update('Hi There').digest('hex'));
show('hmac tc1 sha512', () => crypto.createHmac('sha512', k20).update('Hi There').digest('hex'));
show('hmac tc2 sha256', () => crypto.createHmac('sha256', 'Jefe')
  .update('what do ya want ').update('for nothing?').digest('hex'));
show('hmac tc6 sha256 (131-byte key)', () => crypto.createHmac('sha256', Buffer.alloc(131, 0xaa))
  .update('Test Using Larger Than Block-Size Key - Hash Key First').digest('hex'));
show('hmac empty key', () => crypto.createHmac('sha256', '').update('x').digest('hex'));
show('hmac Uint8Array key', () =>
  crypto.createHmac('sha1', new Uint8Array([1, 2, 3])).update('x').digest('base64'));
show('hmac ArrayBuffer key', () =>
  crypto.createHmac('md5', new Uint8Array([1, 2, 3]).buffer).update('x').digest('hex'));
show('hmac key encoding', () =>
  crypto.createHmac('sha256', '0102', { encoding: 'hex' }).update('x').digest('hex'));
show('hmac key encoding bogus', () => crypto.createHmac('sha256', 'k', { encoding: 'bogus' }));
show('hmac key encoding 5', () => crypto.createHmac('sha256', 'k', { encoding: 5 }));
show('hmac key encoding buffer', () =>
  crypto.createHmac('sha256', 'k', { encoding: 'buffer' }).digest('hex'));
show('hmac options string', () => crypto.createHmac('sha256', 'k', 'hex').digest('hex'));
show('hmac digest twice', () => {
  const h = crypto.createHmac('sha1', 'k');
  h.digest();
  return `${fmt(h.digest('hex'))} ${fmt(h.digest())}`;
});
show('Hmac without new', () => crypto.Hmac('sha1', 'k').digest('hex'));

// ---- hash/hmac errors ----
show('createHash unknown', () => crypto.createHash('nope'));
show('createHash number', () => crypto.createHash(5));
show('createHash outputLength wrong', () => crypto.createHash('sha256', { outputLength: 5 }));
show('createHmac unknown', () => crypto.createHmac('nope', 'k'));
show('createHmac bad key', () => crypto.createHmac('sha256', 5));
show('createHmac bad alg', () => crypto.createHmac(5, 'k'));
show('update after digest', () => {
  const h = crypto.createHash('sha256');
  h.digest();
  h.update('x');
});
show('digest twice', () => {
  const h = crypto.createHash('sha256');
  h.digest();
  h.digest();
});
show('copy after digest', () => {
  const h = crypto.createHash('sha256');
  h.digest();
  h.copy();
});
show('hmac update after digest', () => {
  const h = crypto.createHmac('sha256', 'k');
  h.digest();
  h.update('x');
});
show('update number', () => crypto.createHash('sha256').update(5));
show('update ArrayBuffer', () => crypto.createHash('sha256').update(new ArrayBuffer(2)));
show('update odd hex', () => crypto.createHash('sha256').update('abc', 'hex'));
show('update odd HEX', () => crypto.createHash('sha256').update('abc', 'HEX'));
show('crypto.hash unknown', () => crypto.hash('nope', 'abc'));
show('crypto.hash bad encoding', () => crypto.hash('sha1', 'abc', 'foo'));
show('crypto.hash bad input', () => crypto.hash('sha1', 5));

// ---- module shape ----
log('exports', Object.keys(crypto).join());
log('constants', JSON.stringify(crypto.constants));
log('classes', typeof crypto.Hash, typeof crypto.Hmac,
  crypto.createHash('md5') instanceof crypto.Hash, crypto.createHmac('md5', 'k') instanceof crypto.Hmac);

// ---- getHashes ----
const hashes = crypto.getHashes();
log('getHashes', ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256', 'RSA-SHA256']
  .map((h) => `${h}:${hashes.includes(h)}`).join(' '), Array.isArray(hashes));
log('getHashes sorted', JSON.stringify(hashes) === JSON.stringify([...hashes].sort()));

// ---- timingSafeEqual ----
show('tse equal', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
show('tse differ', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
show('tse views', () => crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])));
show('tse AB/DataView', () =>
  crypto.timingSafeEqual(new ArrayBuffer(2), new DataView(new ArrayBuffer(2))));
show('tse length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
show('tse buf1', () => crypto.timingSafeEqual('a', Buffer.from('a')));
show('tse buf2', () => crypto.timingSafeEqual(Buffer.from('a'), 'a'));

// ---- pbkdf2 (RFC 6070 and friends) ----
const pbkdf2Vectors = [
  ['password', 'salt', 1, 20, 'sha1'],
  ['password', 'salt', 2, 20, 'sha1'],
  ['password', 'salt', 4096, 20, 'sha1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'],
  ['pass\0word', 'sa\0lt', 4096, 16, 'sha1'],
  ['password', 'salt', 1, 32, 'sha256'],
  ['password', 'salt', 4096, 64, 'sha512'],
  ['password', 'salt', 10, 0, 'sha256'],
  [Buffer.from('password'), new Uint8Array([115, 97, 108, 116]).buffer, 3, 40, 'SHA256'],
];
for (const v of pbkdf2Vectors) show(`pbkdf2Sync ${v[2]} ${v[3]} ${v[4]}`, () => crypto.pbkdf2Sync(...v));
show('pbkdf2Sync bad digest', () => crypto.pbkdf2Sync('a', 'b', 1, 32, 'nope'));
show('pbkdf2Sync no digest', () => crypto.pbkdf2Sync('a', 'b', 1, 32));
show('pbkdf2Sync iterations 0', () => crypto.pbkdf2Sync('a', 'b', 0, 32, 'sha1'));
show('pbkdf2Sync iterations 1.5', () => crypto.pbkdf2Sync('a', 'b', 1.5, 32, 'sha1'));
show('pbkdf2Sync keylen -1', () => crypto.pbkdf2Sync('a', 'b', 1, -1, 'sha1'));
show('pbkdf2Sync keylen 2**31', () => crypto.pbkdf2Sync('a', 'b', 1, 2 ** 31, 'sha1'));
show('pbkdf2Sync password 5', () => crypto.pbkdf2Sync(5, 'b', 1, 32, 'sha1'));
show('pbkdf2Sync salt null', () => crypto.pbkdf2Sync('a', null, 1, 32, 'sha1'));
show('pbkdf2 no callback', () => crypto.pbkdf2('a', 'b', 1, 32, 'sha1'));
show('pbkdf2 bad digest', () => crypto.pbkdf2('a', 'b', 1, 32, 'nope', () => {}));

// ---- scrypt (RFC 7914) ----
show('scrypt N16', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }));
show('scrypt N1024', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
show('scrypt cost aliases', () =>
  crypto.scryptSync('password', 'NaCl', 32, { cost: 1024, blockSize: 8, parallelization: 2 }));
show('scrypt defaults', () => crypto.scryptSync('pw', 'salt', 16));
show('scrypt keylen 0', () => crypto.scryptSync('pw', 'salt', 0));
show('scrypt -0 values', () => crypto.scryptSync('pw', 'salt', 8, { N: -0, r: -0, p: -0, maxmem: -0 }));
show('scrypt N=0 means default', () => crypto.scryptSync('pw', 'salt', 8, { N: 0, r: 0, p: 0 }));
show('scrypt N not power of 2', () => crypto.scryptSync('a', 'b', 16, { N: 3 }));
show('scrypt N and cost', () => crypto.scryptSync('a', 'b', 16, { N: 16, cost: 16 }));
show('scrypt r and blockSize', () => crypto.scryptSync('a', 'b', 16, { r: 1, blockSize: 1 }));
show('scrypt p and parallelization', () =>
  crypto.scryptSync('a', 'b', 16, { p: 1, parallelization: 1 }));
show('scrypt N -1', () => crypto.scryptSync('a', 'b', 16, { N: -1 }));
show('scrypt N 1.5', () => crypto.scryptSync('a', 'b', 16, { N: 1.5 }));
show('scrypt maxmem -1', () => crypto.scryptSync('a', 'b', 16, { maxmem: -1 }));
show('scrypt keylen -1', () => crypto.scryptSync('a', 'b', -1));
show('scrypt N 2**20 (memory)', () => crypto.scryptSync('a', 'b', 16, { N: 2 ** 20 }));
show('scrypt N 32768 (memory)', () => crypto.scryptSync('a', 'b', 16, { N: 32768 }));
show('scrypt r 2**30', () => crypto.scryptSync('a', 'b', 16, { r: 2 ** 30 }));
show('scrypt r1 N65536', () => crypto.scryptSync('a', 'b', 16, { N: 65536, r: 1, maxmem: 2 ** 40 }));
show('scrypt N32768 maxmem', () =>
  crypto.scryptSync('a', 'b', 8, { N: 32768, maxmem: 64 * 1024 * 1024 }));
show('scrypt no callback', () => crypto.scrypt('a', 'b', 16, {}));
show('scrypt bad password', () => crypto.scryptSync({}, 'b', 16));

// ---- random ----
show('randomBytes(16).length', () => crypto.randomBytes(16).length);
show('randomBytes(1.7).length', () => crypto.randomBytes(1.7).length);
show('randomBytes(0)', () => crypto.randomBytes(0));
show('randomBytes isBuffer', () => Buffer.isBuffer(crypto.randomBytes(4)));
show('randomBytes distinct', () =>
  crypto.randomBytes(32).toString('hex') !== crypto.randomBytes(32).toString('hex'));
show('randomBytes(-1)', () => crypto.randomBytes(-1));
show('randomBytes("1")', () => crypto.randomBytes('1'));
show('randomBytes(NaN)', () => crypto.randomBytes(NaN));
show('randomBytes(2**31)', () => crypto.randomBytes(2 ** 31));
show('randomBytes(1, 5)', () => crypto.randomBytes(1, 5));
show('randomFillSync region', () => {
  const u = new Uint8Array(64).fill(0xaa);
  crypto.randomFillSync(u, 8, 48);
  return u.subarray(0, 8).every((x) => x === 0xaa) && u.subarray(56).every((x) => x === 0xaa) &&
    !u.subarray(8, 56).every((x) => x === 0xaa);
});
show('randomFillSync Uint32 elements', () => {
  const u = new Uint32Array(8).fill(7);
  crypto.randomFillSync(u, 2, 4);
  return `${u[0]},${u[1]},${u[6]},${u[7]}`;
});
show('randomFillSync subarray', () => {
  const all = new Uint8Array(32).fill(1);
  crypto.randomFillSync(all.subarray(8, 16));
  return all.subarray(0, 8).every((x) => x === 1) && all.subarray(16).every((x) => x === 1);
});
show('randomFillSync returns', () => {
  const ab = new ArrayBuffer(8);
  return crypto.randomFillSync(ab) === ab;
});
show('randomFillSync offset', () => crypto.randomFillSync(new Uint8Array(4), 5));
show('randomFillSync size', () => crypto.randomFillSync(new Uint8Array(4), 1, 4));
show('randomFillSync string', () => crypto.randomFillSync('x'));
show('randomFill no cb', () => crypto.randomFill(new Uint8Array(3), 1, 1));
show('randomInt range', () => {
  for (let i = 0; i < 2000; i++) {
    const n = crypto.randomInt(-3, 4);
    if (n < -3 || n >= 4 || !Number.isInteger(n)) return `bad ${n}`;
  }
  const seen = new Set();
  for (let i = 0; i < 2000; i++) seen.add(crypto.randomInt(5));
  return [...seen].sort().join(',');
});
show('randomInt(1.5)', () => crypto.randomInt(1.5));
show('randomInt(5, 1)', () => crypto.randomInt(5, 1));
show('randomInt(0, 2**49)', () => crypto.randomInt(0, 2 ** 49));
show('randomInt(2**49)', () => crypto.randomInt(2 ** 49));
show('randomInt(1, "b")', () => crypto.randomInt(1, 'b'));
show('randomInt(1, 2, 3)', () => crypto.randomInt(1, 2, 3));
show('randomUUID', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  .test(crypto.randomUUID()));
show('randomUUID(5)', () => crypto.randomUUID(5));
show('randomUUID bad option', () => crypto.randomUUID({ disableEntropyCache: 5 }));
show('getRandomValues', () => {
  const a = new Uint32Array(4);
  return crypto.getRandomValues(a) === a;
});
show('getRandomValues float', () => crypto.getRandomValues(new Float32Array(2)));
show('getRandomValues too big', () => crypto.getRandomValues(new Uint8Array(70000)));
show('getRandomValues none', () => crypto.getRandomValues());
show('getRandomValues unbound', () => {
  const g = crypto.webcrypto.getRandomValues;
  return g(new Uint8Array(2));
});
show('webcrypto', () => `${Object.prototype.toString.call(crypto.webcrypto)} ` +
  `${crypto.webcrypto.constructor.name} ${Object.keys(Object.getPrototypeOf(crypto.webcrypto))}`);
show('globalThis.crypto', () => globalThis.crypto === crypto.webcrypto &&
  typeof globalThis.crypto.randomUUID());
show('subtle', () => `${Object.prototype.toString.call(crypto.subtle)} ` +
  `${crypto.subtle === crypto.webcrypto.subtle}`);

// ---- asynchronous forms (pool) ----
const results = [];
let pending = 0;
function later(label, start) {
  pending++;
  start((err, value) => {
    results.push(`${label} ${err ? `error ${err.code} ${err.message}` : fmt(value)}`);
    if (--pending === 0) {
      results.sort();
      for (const line of results) log('async', line);
    }
  });
}
for (const v of pbkdf2Vectors) later(`pbkdf2 ${v[2]} ${v[3]} ${v[4]}`, (cb) => crypto.pbkdf2(...v, cb));
later('scrypt N16', (cb) => crypto.scrypt('', '', 64, { N: 16, r: 1, p: 1 }, cb));
later('scrypt no options', (cb) => crypto.scrypt('pw', 'salt', 16, cb));
later('scrypt keylen 0', (cb) => crypto.scrypt('pw', 'salt', 0, {}, cb));
later('randomBytes', (cb) => crypto.randomBytes(24, (err, b) => cb(err, b && b.length)));
later('randomFill', (cb) => {
  const u = new Uint8Array(16).fill(0xaa);
  crypto.randomFill(u, 4, 8, (err, same) =>
    cb(err, same === u && u[0] === 0xaa && u[3] === 0xaa && u[12] === 0xaa && u[15] === 0xaa));
});
later('randomFill(buf, offset, cb)', (cb) => {
  const u = new Uint16Array(8).fill(0xaaaa);
  crypto.randomFill(u, 6, (err) => cb(err, `${u[0]} ${u[5]}`));
});
later('randomInt', (cb) => crypto.randomInt(10, 12, (err, n) => cb(err, n === 10 || n === 11)));
later('subtle.digest', (cb) => crypto.subtle.digest('SHA-256', Buffer.from('abc'))
  .then((ab) => cb(null, `${Object.prototype.toString.call(ab)} ${Buffer.from(ab).toString('hex')}`)));
later('subtle.digest object', (cb) => crypto.subtle.digest({ name: 'sha-1' }, new Uint8Array([1]))
  .then((ab) => cb(null, Buffer.from(ab).toString('hex'))));
later('subtle.digest md5', (cb) => crypto.subtle.digest('md5', Buffer.from('abc'))
  .catch((e) => cb(null, `${e.name} ${e.message}`)));

// Order of synchronous zero-size callbacks, and pool callbacks after nextTick.
const order = [];
crypto.randomBytes(0, (err, b) => order.push(`rb0 ${err} ${b.length}`));
order.push('after rb0');
crypto.randomFill(new Uint8Array(0), (err, b) => order.push(`rf0 ${err} ${b.length}`));
order.push('after rf0');
later('order', (cb) => crypto.pbkdf2('a', 'b', 1, 8, 'sha1', () => {
  order.push('pbkdf2 cb');
  cb(null, order.join(' | '));
}));
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('microtask'));
