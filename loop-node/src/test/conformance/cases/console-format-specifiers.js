// console.log/util.format specifiers %s %d %i %f %j %o %O %c %%, extra and missing arguments, and util.formatWithOptions.
{
  console.log('%s|%s|%s|%s', 'str', 42, { a: 1 }, [1, [2, [3, [4]]]]);
  console.log('%s %s %s', -0, 10n, Symbol('s'));
  console.log('%d|%d|%d|%d|%d', 42.9, '42', '0x10', 10n, {});
  console.log('%i|%i|%i', 42.9, '-7.5', 10n);
  console.log('%f|%f|%f', '1.5', 3, 'abc');
  const circ = { name: 'c' };
  circ.self = circ;
  console.log('%j|%j|%j', { a: [1, 'b'] }, 'str', circ);
  console.log('%o', { a: [1, 2], f() {} });
  console.log('%O', { a: { b: { c: { d: {} } } } });
  console.log('%c styled %c text', 'color: red', 'font-weight: bold');
  console.log('100%% sure, %s', 'yes', 'extra', 1, { x: 1 });
  console.log('%s missing args %d %i');
  console.log('%x unknown %s', 'stays');
  console.log(5, '%s', 'first argument is not a string');
}
{
  const util = require('util');
  console.log(JSON.stringify(util.format('%s=%d', 'x', 5, 'rest')));
  console.log(JSON.stringify(util.format('no specifiers', { a: 1 }, [2])));
  console.log(JSON.stringify(util.format(1, 2, '3')));
  console.log(JSON.stringify(util.format('%o', [1])));
  console.log(JSON.stringify(util.formatWithOptions({ compact: false }, { a: 1 })));
  console.log(JSON.stringify(util.format()));
  console.log(JSON.stringify(util.format('%%s %s', 'a')));
}
