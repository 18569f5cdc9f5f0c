// Keeps the loop busy for about 20 ms per request (arithmetic, no I/O): load on it raises the
// node's event-loop utilization, which is what the autoscaler sizes a pool on.
//   bin/loopctl load spin --concurrency 12 --duration 60s   (submitted as "spin")
export default async (request) => {
  const ms = Number(request.query.ms ?? 20);
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x = (x * 31 + 7) % 1000003;
  return { busyMs: ms, x };
};
