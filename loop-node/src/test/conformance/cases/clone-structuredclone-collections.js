// structuredClone deep-copies Map, Set, Date, RegExp, nested objects and arrays into new instances.
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
