// console.log of primitives: strings bare at top level, quoted inside objects; -0, NaN, bigint, symbols, undefined, null, boxed values.
console.log('plain string', 42, 3.14, -0, 0, NaN, Infinity, -Infinity, 10n, true, null, undefined);
console.log(Symbol('desc'), Symbol(), Symbol.iterator, Symbol.for('reg'));
console.log(['string', -0, 10n, Symbol('s'), undefined, null]);
console.log({ s: "it's", d: 'say "hi"', both: `it's "x"`, nl: 'a\nb', tab: 'a\tb', esc: '\u001b[0m', uni: 'é€😀' });
console.log(new Number(3), new String('str'), new Boolean(false), Object(Symbol('boxed')), Object(5n));
console.log(1e21, 1e-7, 0.1 + 0.2, -1.5e300, 2 ** 53);
console.log('');
console.log();
console.log('%', '%%', 'a%sb');
