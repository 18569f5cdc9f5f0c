// randomBytes (sync, and async after the current code) and randomUUID format; bad digest names and arguments throw synchronously with stable codes.
{
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
}
{
  const crypto = require('crypto');
  const attempts = {
    'createHash(nope)': () => crypto.createHash('nope'),
    'createHmac(nope)': () => crypto.createHmac('nope', 'k'),
    'pbkdf2Sync digest nope': () => crypto.pbkdf2Sync('p', 's', 1, 10, 'nope'),
    'pbkdf2 digest nope': () => crypto.pbkdf2('p', 's', 1, 10, 'nope', () => console.log('callback (never)')),
    'pbkdf2 without callback': () => crypto.pbkdf2('p', 's', 1, 10, 'sha1'),
    'randomBytes(-1)': () => crypto.randomBytes(-1),
    'scryptSync N not power of 2': () => crypto.scryptSync('p', 's', 16, { N: 3 }),
  };
  for (const [name, fn] of Object.entries(attempts)) {
    try {
      fn();
      console.log(name, '-> no error');
    } catch (e) {
      console.log(name, '->', e.name, e.code || '(no code)');
    }
  }
}
