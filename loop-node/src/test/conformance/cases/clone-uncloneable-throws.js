// structuredClone throws a DataCloneError DOMException for functions and symbols; class instances lose their prototype.
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
