// __filename and __dirname are absolute paths of the current file; the wrapper passes 5 arguments.
console.log('file:', __filename.split('/').pop());
console.log('dir:', __dirname.split('/').pop());
console.log('absolute:', __filename.startsWith('/') && __dirname.startsWith('/'));
console.log('filename = dirname + / + base:', __filename === __dirname + '/module-filename-dirname.js');
console.log('wrapper arguments:', arguments.length);
console.log('module.id for main:', module.id);
const lib = require('./lib/require-main-check.js');
console.log('lib sees:', lib.file, lib.dir, 'isMain', lib.isMain);
console.log('main isMain:', require.main === module);
