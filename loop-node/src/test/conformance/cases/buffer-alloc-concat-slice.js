// Buffer alloc/fill, concat, slice/subarray sharing memory, copies, iteration, swap and write.
{
  console.log(Buffer.alloc(4));
  console.log(Buffer.alloc(5, 'ab'));
  console.log(Buffer.alloc(3, 257));
  console.log(Buffer.alloc(4).fill(0xff, 1, 3));
  console.log(Buffer.alloc(6).fill('€'));
  console.log(Buffer.allocUnsafe(10).length, Buffer.allocUnsafeSlow(3).length);
  console.log(Buffer.from([1, 2, 3, 256, -1, 3.7]));
  console.log(Buffer.from(new Uint16Array([1, 0x0102]).buffer));
  console.log('Buffer.alloc(0):', Buffer.alloc(0));
}
{
  const a = Buffer.from('hello ');
  const b = Buffer.from('world');
  const c = Buffer.concat([a, b]);
  console.log(c.toString(), c.length);
  console.log('concat with totalLength:', Buffer.concat([a, b], 8).toString());
  const sub = c.subarray(6);
  const sl = c.slice(-5, -2);
  sub[0] = 0x57;
  console.log(c.toString(), '|', sl.toString(), '| subarray shares memory');
  const copy = Buffer.from(c);
  copy[0] = 0x48;
  console.log(c.toString(), '|', copy.toString(), '| Buffer.from copies');
  console.log('same ArrayBuffer:', sub.buffer === c.buffer, 'byteOffset diff:', sub.byteOffset - c.byteOffset);
}
{
  const b = Buffer.from('ab€');
  console.log([...b], Array.from(b.entries()).length, [...b.keys()].length);
  const s = Buffer.from([1, 2, 3, 4]);
  console.log(s.swap16(), Buffer.from([1, 2, 3, 4]).swap32());
  const target = Buffer.alloc(6, '.');
  console.log('copied', Buffer.from('xyz').copy(target, 2), target.toString());
  console.log('write returns bytes:', Buffer.alloc(4).write('€€'));
  console.log(Buffer.from('abc').reverse().toString());
}
