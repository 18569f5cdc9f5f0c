// indexOf/lastIndexOf/includes accept strings, numbers and buffers, with offsets and encodings.
const b = Buffer.from('this is a buffer, a buffer');
console.log(b.indexOf('buffer'), b.lastIndexOf('buffer'), b.indexOf('buffer', 11), b.indexOf('nope'));
console.log(b.indexOf(0x61), b.indexOf(Buffer.from('a b')), b.includes('is a'), b.includes('xyz'));
console.log(b.indexOf('6275', 0, 'hex'), b.indexOf('is', -5));
