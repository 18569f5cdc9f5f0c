// Throwing a string uncaught exits 1 and prints the value on stderr.
// stderr-includes: just a string
console.log('before');
throw 'just a string';
