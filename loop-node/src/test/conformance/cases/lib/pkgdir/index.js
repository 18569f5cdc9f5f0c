// Helper: a directory required by its path resolves to index.js.
module.exports = 'from pkgdir/index.js';
