// Relative requires (with or without extension, directories via index.js, .json files) are evaluated once and cached in require.cache.
{
  const c1 = require('./lib/counter.js');
  const c2 = require('./lib/counter');
  console.log('same object:', c1 === c2);
  c1.increment();
  c2.increment();
  console.log('shared state:', c1.current());
  const key = Object.keys(require.cache).find((k) => k.endsWith('/lib/counter.js'));
  console.log('in require.cache:', key !== undefined, require.cache[key].exports === c1);
}
{
  console.log(require('./lib/pkgdir'));
  console.log(require('./lib/pkgdir/') === require('./lib/pkgdir/index.js'));
}
{
  const data = require('./lib/data.json');
  console.log(data);
  console.log('cached:', require('./lib/data.json') === data);
  console.log('found without the extension:', require('./lib/data') === data);
}
