// finally() passes values through and runs in job order; a throw inside finally replaces the result.
Promise.resolve('v')
  .finally(() => console.log('finally 1'))
  .then((v) => console.log('then after finally:', v));
Promise.reject(new Error('orig'))
  .finally(() => { throw new Error('from finally'); })
  .catch((e) => console.log('catch:', e.message));
