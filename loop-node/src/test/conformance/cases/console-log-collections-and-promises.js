// console.log of Map, Set, their iterators, WeakMap/WeakSet, Promise states, Proxy, arguments and built-in namespace objects.
{
  const m = new Map([['a', 1], [{ k: 1 }, [1, 2]], [3, new Map([['inner', true]])]]);
  console.log(m);
  console.log(new Set([1, 'two', { three: 3 }, [4]]));
  console.log(new Map(), new Set());
  console.log(m.keys(), m.values(), new Set([1, 2]).values());
  console.log(m.entries());
  console.log(new WeakMap(), new WeakSet());
  console.log({ map: new Map([[1, { deep: { deeper: 1 } }]]) });
  console.log(new Map(Array.from({ length: 120 }, (_, i) => [i, i])).size);
}
{
  const pending = new Promise(() => {});
  const resolved = Promise.resolve({ v: 1 });
  const rejected = Promise.reject(42);
  rejected.catch(() => {});
  console.log(pending, resolved, rejected);
  console.log(new Proxy({ target: true }, {}));
  (function () { console.log(arguments); })(1, 'two');
  console.log([undefined, null], { u: undefined });
  console.log(Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Custom' }));
  console.log(JSON, Math);
}
