// queueMicrotask validates its argument synchronously: a non-function throws a TypeError with code ERR_INVALID_ARG_TYPE.
try {
  queueMicrotask('not a function');
} catch (e) {
  console.log(e.name, e.code);
}
console.log(typeof queueMicrotask, queueMicrotask.length);
