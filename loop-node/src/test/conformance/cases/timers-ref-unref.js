// ref()/unref() return the Timeout and toggle hasRef(); unref'd timers and intervals still fire while a ref'd timer keeps the loop alive.
{
  const t = setTimeout(() => console.log('t ran'), 10);
  console.log('initial hasRef:', t.hasRef());
  console.log('unref returns this:', t.unref() === t);
  console.log('after unref:', t.hasRef());
  console.log('ref returns this:', t.ref() === t);
  console.log('after ref:', t.hasRef());
  const iv = setInterval(() => {}, 1000);
  console.log('interval hasRef:', iv.hasRef());
  clearInterval(iv);
}
{
  let ticks = 0;
  setInterval(() => { ticks++; }, 5).unref();
  setTimeout(() => console.log('unref 10 ms timer fired'), 10).unref();
  setTimeout(() => console.log('ref 60 ms timer fired; unref interval ticked: ' + (ticks >= 1)), 60);
}
