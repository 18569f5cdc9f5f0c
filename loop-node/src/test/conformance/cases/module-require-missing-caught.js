// A failed require throws an Error with code MODULE_NOT_FOUND that can be caught; an unknown builtin with node: is ERR_UNKNOWN_BUILTIN_MODULE.
try {
  require('./lib/missing-file');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0]);
}
try {
  require('node:definitely-not-a-builtin');
} catch (e) {
  console.log(e.code);
}
