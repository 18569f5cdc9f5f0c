// hasRef reflects ref()/unref(), which return the Immediate; an unref'd immediate still runs while something else keeps the loop alive.
{
  const im = setImmediate(() => console.log('unref immediate ran'));
  console.log('hasRef initially:', im.hasRef());
  console.log('unref returns itself:', im.unref() === im);
  console.log('hasRef after unref:', im.hasRef());
  const im2 = setImmediate(() => console.log('ref immediate ran'));
  im2.unref();
  console.log('ref returns itself:', im2.ref() === im2);
  console.log('hasRef after ref:', im2.hasRef());
}
{
  setImmediate(() => console.log('unref immediate ran')).unref();
  setTimeout(() => console.log('timer keeps the loop alive'), 20);
}
