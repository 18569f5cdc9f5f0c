// structuredClone copies Errors by type, throws DataCloneError for functions/symbols/WeakMaps, and drops prototypes, symbol keys and accessors.
{
  const e = new TypeError('bad type', { cause: 'why' });
  const c = structuredClone(e);
  console.log(c instanceof TypeError, c.constructor.name, c.name, c.message, c.cause, c !== e);
  class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; this.extra = 1; } }
  const m = structuredClone(new MyError('mine'));
  console.log(m.constructor.name, m.message, 'extra' in m);
  const r = structuredClone(new RangeError('r'));
  console.log(r.constructor.name, typeof r.stack);
}
{
  for (const v of [() => 1, { f() {} }, Symbol('s'), new WeakMap()]) {
    try {
      structuredClone(v);
      console.log('cloned (wrong)');
    } catch (e) {
      console.log(e.name, e instanceof DOMException, e.code);
    }
  }
  class Point { constructor() { this.x = 1; } get y() { return 2; } }
  const p = structuredClone(new Point());
  console.log(p, p instanceof Point, Object.getPrototypeOf(p) === Object.prototype);
  const withSym = structuredClone({ [Symbol('k')]: 1, keep: 2 });
  console.log(withSym);
  const getter = structuredClone({ get g() { return 'evaluated'; } });
  console.log(getter, Object.getOwnPropertyDescriptor(getter, 'g').value);
}
