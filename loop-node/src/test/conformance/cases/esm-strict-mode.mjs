// ES modules are always strict: assigning to an undeclared variable throws a ReferenceError.
try {
  undeclaredVariable = 1;
  console.log('no error (wrong)');
} catch (e) {
  console.log('caught:', e.name);
}
console.log('this at top level:', this === undefined);
console.log('function this:', (function () { return this; })());
