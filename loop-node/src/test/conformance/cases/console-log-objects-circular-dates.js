// console.log of objects: depth 2 then [Object]/[Array], key quoting, line breaking, circular refs as <ref *N>/[Circular *N], Dates as ISO strings, RegExps as literals.
{
  const deep = { l1: { l2: { l3: { l4: 'too deep' } }, arr: [[1, [2, [3]]]] } };
  console.log(deep);
  console.log({ 'needs-quotes': 1, valid_id: 2, $dollar: 3, 4: 'numeric key', 'with space': 5, '': 'empty key', ünï: 6 });
  console.log({});
  console.log({ a: { b: {} }, c: [] });
  console.log({ fn() {}, arrow: () => {}, nested: { f: function named() {} } });
  console.log([{ a: 1, b: { c: { d: 1 } } }]);
  const long = { alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccc', delta: 'dddddddddddddd' };
  console.log(long);
  console.log({ nested: long });
}
{
  const a = { name: 'a' };
  a.self = a;
  console.log(a);
  const b = { list: [] };
  b.list.push(b, { parent: b });
  console.log(b);
  const x = { };
  const y = { x };
  x.y = y;
  console.log([x, y]);
  const m = new Map();
  m.set('me', m);
  console.log(m);
}
{
  console.log(new Date(0), new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 123)));
  console.log(new Date(NaN));
  console.log({ when: new Date(86400000) });
  console.log(/abc/gimsuy, new RegExp('a/b', 'g'), /[\]/]+/);
  const err = new RangeError('out of range');
  console.log(err.name, err.message, err instanceof RangeError);
  console.log(String(err), err.toString === Error.prototype.toString);
  console.log(JSON.stringify(new Date(0)), new Date(0).toISOString());
}
