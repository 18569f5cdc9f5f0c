// clearTimeout cancels a timer already due in the same timers phase; clear* functions are interchangeable and ignore junk.
{
  let t2;
  setTimeout(() => {
    console.log('t1 clears t2');
    clearTimeout(t2);
  }, 5);
  t2 = setTimeout(() => console.log('t2 (must not run)'), 10);
  setTimeout(() => console.log('t3 still runs'), 15);
  const until = Date.now() + 40;
  while (Date.now() < until);
}
{
  const t = setTimeout(() => console.log('timeout (must not run)'), 5);
  clearInterval(t);
  const iv = setInterval(() => console.log('interval (must not run)'), 5);
  clearTimeout(iv);
  clearTimeout(undefined);
  clearTimeout(null);
  clearTimeout(12345);
  clearTimeout('nope');
  clearTimeout(t);
  setTimeout(() => console.log('done'), 20);
}
