// console.log of class instances, null-prototype objects, toStringTag, accessors, symbol keys, functions, classes, async/generator functions and bound functions.
{
  class Point { constructor() { this.x = 1; this.y = 2; } }
  class Empty {}
  class Tagged { get [Symbol.toStringTag]() { return 'MyTag'; } }
  console.log(new Point(), new Empty(), new Tagged());
  const nullProto = Object.create(null);
  nullProto.a = 1;
  console.log(nullProto, Object.create(null));
  class Sub extends Point {}
  console.log(new Sub());
  const withAccessors = {
    get g() { return 1; },
    set s(v) {},
    get gs() { return 2; },
    set gs(v) {},
    plain: 0,
  };
  console.log(withAccessors);
  const sym = Symbol('key');
  console.log({ [sym]: 'symbol-keyed', regular: 1 });
  const hidden = {};
  Object.defineProperty(hidden, 'nonEnumerable', { value: 1, enumerable: false });
  hidden.visible = 2;
  console.log(hidden);
  function OldStyle() { this.v = 1; }
  console.log(new OldStyle());
  console.log(Object.create({ inherited: 1 }));
}
{
  function named() {}
  const anon = (() => () => {})();
  class Base {}
  class Derived extends Base {}
  async function asyncFn() {}
  function* gen() {}
  async function* asyncGen() {}
  console.log(named, anon, Base, Derived);
  console.log(asyncFn, gen, asyncGen, named.bind(null));
  console.log(class {}, Math.max, Symbol, function () {});
  named.prop = 1;
  console.log(named);
  console.log({ method() {}, arrow: () => {}, Base });
  console.log(Object.assign(() => {}, { a: 1 }));
}
