// Buffers iterate as bytes, convert to arrays, swap byte order, and copy into other buffers.
const b = Buffer.from('ab€');
console.log([...b], Array.from(b.entries()).length, [...b.keys()].length);
const s = Buffer.from([1, 2, 3, 4]);
console.log(s.swap16(), Buffer.from([1, 2, 3, 4]).swap32());
const target = Buffer.alloc(6, '.');
console.log('copied', Buffer.from('xyz').copy(target, 2), target.toString());
console.log('write returns bytes:', Buffer.alloc(4).write('€€'));
console.log(Buffer.from('abc').reverse().toString());
