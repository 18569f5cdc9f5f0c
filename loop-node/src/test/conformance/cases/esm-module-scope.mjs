// ES module scope: import.meta.url is the file: URL; no require/module/exports/__filename/__dirname; always strict, top-level this is undefined.
console.log('starts with file:///', import.meta.url.startsWith('file:///'));
console.log('ends with file name:', import.meta.url.endsWith('/esm-module-scope.mjs'));
console.log('URL parses:', new URL(import.meta.url).pathname.split('/').pop());
console.log(typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
console.log('top-level this:', this);
try {
  undeclaredVariable = 1;
  console.log('no error (wrong)');
} catch (e) {
  console.log('assigning an undeclared variable:', e.name);
}
console.log('function this:', (function () { return this; })());
