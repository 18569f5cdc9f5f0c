// structuredClone copies Error objects: standard subclasses keep their type, message and cause.
const e = new TypeError('bad type', { cause: 'why' });
const c = structuredClone(e);
console.log(c instanceof TypeError, c.constructor.name, c.name, c.message, c.cause, c !== e);
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; this.extra = 1; } }
const m = structuredClone(new MyError('mine'));
console.log(m.constructor.name, m.message, 'extra' in m);
const r = structuredClone(new RangeError('r'));
console.log(r.constructor.name, typeof r.stack);
