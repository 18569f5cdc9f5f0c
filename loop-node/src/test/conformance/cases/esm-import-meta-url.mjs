// import.meta.url is the file: URL of the module; require, module, __filename do not exist in ES modules.
console.log('starts with file:///', import.meta.url.startsWith('file:///'));
console.log('ends with file name:', import.meta.url.endsWith('/esm-import-meta-url.mjs'));
console.log('URL parses:', new URL(import.meta.url).pathname.split('/').pop());
console.log(typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
console.log('top-level this:', this);
