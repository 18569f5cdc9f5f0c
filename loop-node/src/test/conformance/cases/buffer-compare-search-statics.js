// Buffer equals/compare/sort, indexOf/lastIndexOf/includes, byteLength, isBuffer, isEncoding, and Buffer as a Uint8Array subclass.
{
  const x = Buffer.from('abc');
  console.log(x.equals(Buffer.from('abc')), x.equals(Buffer.from('abd')));
  console.log(x.compare(Buffer.from('abd')), x.compare(Buffer.from('abc')), x.compare(Buffer.from('ab')));
  console.log(Buffer.compare(Buffer.from([2]), Buffer.from([1])));
  const list = [Buffer.from('b'), Buffer.from('aa'), Buffer.from('a'), Buffer.from('ab')];
  console.log(list.sort(Buffer.compare).map(String).join(','));
  console.log('compare ranges:', x.compare(Buffer.from('zbc'), 1, 3, 1, 3));
}
{
  const b = Buffer.from('this is a buffer, a buffer');
  console.log(b.indexOf('buffer'), b.lastIndexOf('buffer'), b.indexOf('buffer', 11), b.indexOf('nope'));
  console.log(b.indexOf(0x61), b.indexOf(Buffer.from('a b')), b.includes('is a'), b.includes('xyz'));
  console.log(b.indexOf('6275', 0, 'hex'), b.indexOf('is', -5));
}
{
  for (const [s, enc] of [['abc', undefined], ['€', 'utf8'], ['€', 'utf16le'], ['😀', 'utf8'], ['aGk=', 'base64'], ['abcd', 'hex'], ['é', 'latin1']]) {
    console.log(JSON.stringify(s), enc || '(default)', Buffer.byteLength(s, enc));
  }
  console.log('byteLength of ArrayBuffer:', Buffer.byteLength(new ArrayBuffer(7)));
  console.log(Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'));
  console.log(Buffer.isEncoding('utf8'), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('base64url'), Buffer.isEncoding('nope'));
  console.log(Buffer.alloc(1) instanceof Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
  console.log('poolSize:', Buffer.poolSize);
}
