// setTimeout and setInterval pass extra arguments to the callback; `this` is the Timeout object.
setTimeout((a, b, c) => console.log('timeout args', a, b, c), 1, 'one', 2, { three: 3 });
setTimeout(function () { console.log('this is Timeout:', this.constructor.name); }, 2);
const iv = setInterval((x) => { console.log('interval arg', x); clearInterval(iv); }, 3, 'ivArg');
