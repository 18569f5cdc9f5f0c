// Requiring a directory resolves its index.js.
console.log(require('./lib/pkgdir'));
console.log(require('./lib/pkgdir/') === require('./lib/pkgdir/index.js'));
