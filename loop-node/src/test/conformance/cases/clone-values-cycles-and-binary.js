// structuredClone deep-copies Map, Set, Date, RegExp, cycles and shared references, typed arrays (keeping shared buffers) and transfers ArrayBuffers.
{
  const src = {
    map: new Map([['k', { deep: 1 }], [2, 'two']]),
    set: new Set([1, 'a', 1]),
    date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    re: /ab+c/gi,
    arr: [1, [2, [3]]],
    big: 10n,
    neg0: -0,
    undef: undefined,
    boxed: new Number(5),
  };
  const c = structuredClone(src);
  console.log(c);
  console.log('new instances:', c.map !== src.map, c.map.get('k') !== src.map.get('k'), c.date !== src.date);
  console.log('types:', c.map instanceof Map, c.set instanceof Set, c.date instanceof Date, c.re instanceof RegExp);
  console.log('date value:', c.date.toISOString(), 're:', c.re.source, c.re.flags, 'lastIndex', c.re.lastIndex);
  console.log('-0 kept:', Object.is(c.neg0, -0), 'undefined key kept:', 'undef' in c);
}
{
  const a = { name: 'a' };
  a.self = a;
  const shared = { s: 1 };
  const root = { a, list: [shared, shared] };
  const c = structuredClone(root);
  console.log('cycle:', c.a.self === c.a, c.a !== a);
  console.log('shared:', c.list[0] === c.list[1], c.list[0] !== shared);
  console.log(c);
}
{
  const ab = new ArrayBuffer(8);
  const u8 = new Uint8Array(ab);
  const u16 = new Uint16Array(ab, 2, 2);
  u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
  const c = structuredClone({ u8, u16, ab, f64: new Float64Array([1.5, -2]) });
  console.log(c.u8, c.u16, c.f64);
  console.log('shared buffer preserved:', c.u8.buffer === c.u16.buffer, c.u8.buffer === c.ab, c.ab !== ab);
  c.u8[2] = 0xff;
  console.log('original untouched:', u8[2], 'clone view sees write:', c.u16[0].toString(16));
  const b = structuredClone(Buffer.from('hi'));
  console.log(b.constructor.name, b);
}
{
  const ab = new Uint8Array([1, 2, 3]).buffer;
  const moved = structuredClone(ab, { transfer: [ab] });
  console.log('original byteLength:', ab.byteLength, 'moved:', new Uint8Array(moved));
}
