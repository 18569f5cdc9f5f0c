// Promise.all/allSettled/race/any settle in a fixed job order; finally() passes values through and a throw in it replaces the result.
{
  const r = (v) => Promise.resolve(v);
  Promise.all([r(1), r(2)]).then((v) => console.log('all', JSON.stringify(v)));
  Promise.allSettled([r(1), Promise.reject(new Error('x'))]).then((v) =>
    console.log('allSettled', v.map((s) => s.status).join(',')));
  Promise.race([r('first'), r('second')]).then((v) => console.log('race', v));
  Promise.any([Promise.reject(1), r('any-ok')]).then((v) => console.log('any', v));
  Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log('any rejected', e.constructor.name, e.errors.join(',')));
  console.log('sync');
}
{
  Promise.resolve('v')
    .finally(() => console.log('finally 1'))
    .then((v) => console.log('then after finally:', v));
  Promise.reject(new Error('orig'))
    .finally(() => { throw new Error('from finally'); })
    .catch((e) => console.log('catch:', e.message));
}
