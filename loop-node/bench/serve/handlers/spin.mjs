// The articles' exercise 1: a request that spins the loop for 500 ms (no awaits, no timers).
// /slow spins; anything else answers at once. The load client sends 1 in 10 to /slow.
export default async (request) => {
  if (request.path === '/slow') {
    const until = Date.now() + 500;
    while (Date.now() < until) {}
    return { spun: true };
  }
  return { spun: false };
};
