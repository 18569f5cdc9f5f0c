// console.error/warn go to stderr, info/debug to stdout; group indentation; count/countReset; assert prints only when false (to stderr); console.table.
// stderr-includes: this goes to stderr via error
// stderr-includes: this goes to stderr via warn
// stderr-includes: Assertion failed: values differ 1 2
{
  console.log('log to stdout');
  console.error('this goes to stderr via error');
  console.warn('this goes to stderr via warn');
  console.info('info to stdout');
  console.debug('debug to stdout');
  console.trace === undefined || console.log('trace exists:', typeof console.trace);
}
{
  console.log('level 0');
  console.group('Group A');
  console.log('level 1');
  console.group();
  console.log('level 2\nsecond line also indented');
  console.groupEnd();
  console.info({ multi: 'line'.repeat(1), obj: { a: 1 } });
  console.groupEnd();
  console.groupEnd();
  console.log('back to level 0');
  console.count();
  console.count();
  console.count('x');
  console.countReset();
  console.count();
  console.assert(true, 'never printed');
  console.assert(false, 'values differ', 1, 2);
  console.assert(false);
  console.groupCollapsed('collapsed behaves like group');
  console.log('inside collapsed');
  console.groupEnd();
}
{
  console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
  console.table([[1, 2], [3, 4, 5]]);
  console.table({ r1: { col: 1 }, r2: { col: 2 } });
  console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
  console.table('not tabular');
  console.table([]);
  console.table(new Map([['k', { v: 1 }]]));
}
