// The store propagates into queueMicrotask callbacks and thread-pool callbacks (crypto.pbkdf2, randomBytes, zlib).
const { AsyncLocalStorage } = require('async_hooks');
const crypto = require('crypto');
const zlib = require('zlib');
const als = new AsyncLocalStorage();
als.run('store-1', () => {
  queueMicrotask(() => console.log('queueMicrotask:', als.getStore()));
  crypto.pbkdf2('pw', 'salt', 1, 16, 'sha256', () => {
    console.log('pbkdf2 callback:', als.getStore());
    crypto.randomBytes(4, () => {
      console.log('randomBytes callback:', als.getStore());
      zlib.gzip('x', () => console.log('gzip callback:', als.getStore()));
    });
  });
});
