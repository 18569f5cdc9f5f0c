// The articles' exercise 1: every 10th request blocks the loop for 500 ms with a spin loop.
// In Node every request queued behind it waits too (p99 explodes). On a loop node the watchdog
// stops the spinning task at the handler's CPU budget (`--cpu-budget-ms 50`): that request gets
// 503, the others keep their latency.
let calls = 0;

export default async () => {
  calls++;
  if (calls % 10 === 0) {
    const until = Date.now() + 500;
    while (Date.now() < until) {} // blocks the loop: no awaits, no timers
    return { spun: true, call: calls };
  }
  return { spun: false, call: calls };
};
