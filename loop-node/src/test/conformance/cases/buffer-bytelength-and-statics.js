// Buffer.byteLength counts encoded bytes; isBuffer, isEncoding, and Buffer is a Uint8Array subclass.
for (const [s, enc] of [['abc', undefined], ['€', 'utf8'], ['€', 'utf16le'], ['😀', 'utf8'], ['aGk=', 'base64'], ['abcd', 'hex'], ['é', 'latin1']]) {
  console.log(JSON.stringify(s), enc || '(default)', Buffer.byteLength(s, enc));
}
console.log('byteLength of ArrayBuffer:', Buffer.byteLength(new ArrayBuffer(7)));
console.log(Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'));
console.log(Buffer.isEncoding('utf8'), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('base64url'), Buffer.isEncoding('nope'));
console.log(Buffer.alloc(1) instanceof Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
console.log('poolSize:', Buffer.poolSize);
