// console.dir and util.inspect options (depth, compact, breakLength, sorted, showHidden, maxArrayLength, maxStringLength) and util.inspect.custom.
{
  const util = require('util');
  const obj = { b: { c: { d: { e: { f: 1 } } } }, a: [3, 2, 1], s: 'x'.repeat(30) };
  console.dir(obj, { depth: 0 });
  console.dir(obj, { depth: null });
  console.log(util.inspect(obj, { depth: Infinity, compact: false }));
  console.log(util.inspect(obj, { breakLength: Infinity, depth: 1 }));
  console.log(util.inspect(obj, { sorted: true, depth: 0 }));
  console.log(util.inspect([1, 2, 3], { showHidden: true }));
  console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
  console.log(util.inspect('y'.repeat(20), { maxStringLength: 5 }));
  console.log(util.inspect({ a: 1, b: { c: 2 } }, { compact: 1, breakLength: 10 }));
  console.log(util.inspect('str'), util.inspect(5), util.inspect({ colors: 'off' }, { colors: false }));
}
{
  const util = require('util');
  class Money {
    constructor(c) { this.cents = c; }
    [util.inspect.custom](depth, options, inspect) {
      return `Money<${(this.cents / 100).toFixed(2)}> depth=${depth} hasStylize=${typeof options.stylize}`;
    }
  }
  console.log(new Money(1234));
  console.log({ wallet: new Money(5) });
  console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
  const returnsObject = { [util.inspect.custom]() { return { replaced: true }; } };
  console.log(returnsObject);
  console.log(`${util.inspect(new Money(1), { depth: 7 })}`);
}
