// Promise.all/allSettled/race/any settle in a deterministic job order relative to each other.
const r = (v) => Promise.resolve(v);
Promise.all([r(1), r(2)]).then((v) => console.log('all', JSON.stringify(v)));
Promise.allSettled([r(1), Promise.reject(new Error('x'))]).then((v) =>
  console.log('allSettled', v.map((s) => s.status).join(',')));
Promise.race([r('first'), r('second')]).then((v) => console.log('race', v));
Promise.any([Promise.reject(1), r('any-ok')]).then((v) => console.log('any', v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log('any rejected', e.constructor.name, e.errors.join(',')));
console.log('sync');
