// ref()/unref() return the Timeout and toggle hasRef(); clearTimeout makes the timer no longer keep the loop alive.
const t = setTimeout(() => console.log('t ran'), 10);
console.log('initial hasRef:', t.hasRef());
console.log('unref returns this:', t.unref() === t);
console.log('after unref:', t.hasRef());
console.log('ref returns this:', t.ref() === t);
console.log('after ref:', t.hasRef());
const iv = setInterval(() => {}, 1000);
console.log('interval hasRef:', iv.hasRef());
clearInterval(iv);
