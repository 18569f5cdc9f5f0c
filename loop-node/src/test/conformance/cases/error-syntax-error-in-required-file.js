// A syntax error in a required file is a catchable SyntaxError at the require() call.
try {
  require('./lib/syntax-error.js');
} catch (e) {
  console.log('caught:', e.name, e instanceof SyntaxError);
}
console.log('main continues');
