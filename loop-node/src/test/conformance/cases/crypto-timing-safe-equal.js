// timingSafeEqual compares equal-length buffers; different lengths throw ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH.
const { timingSafeEqual } = require('crypto');
console.log(timingSafeEqual(Buffer.from('secret'), Buffer.from('secret')));
console.log(timingSafeEqual(Buffer.from('secret'), Buffer.from('secreT')));
console.log(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
try {
  timingSafeEqual(Buffer.from('a'), Buffer.from('ab'));
} catch (e) {
  console.log(e.name, e.code);
}
try {
  timingSafeEqual('a', 'a');
} catch (e) {
  console.log(e.name, e.code);
}
