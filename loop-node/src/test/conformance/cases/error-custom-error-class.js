// An uncaught custom Error subclass prints its name and message on stderr and exits 1.
// stderr-includes: ValidationError: bad input
class ValidationError extends Error {
  constructor(msg) { super(msg); this.name = 'ValidationError'; }
}
const e = new ValidationError('bad input');
console.log(e.name, e.message, e instanceof Error, e instanceof ValidationError);
console.log('stack first line:', e.stack.split('\n')[0]);
throw e;
