// An open-loop load client: sends requests at a fixed rate whatever the server does, and measures
// each latency from when the request was *due*, not when it was sent, so a stalled server shows
// up as the queue it builds (no coordinated omission; wrk, closed-loop, would hide it).
// Prints one JSON line: per kind, count, errors (non-2xx or failed), p50/p99/max in ms.
//
// Usage: node load.mjs URL_BASE RATE_PER_S SECONDS PATTERN
//   PATTERN is a comma list of paths cycled in order, e.g. "/fast,/fast,...,/slow" (1 in 10 slow).
import http from 'node:http';

const [base, rateArg, secondsArg, patternArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const pattern = patternArg.split(',');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const results = new Map(); // path -> { lat: [], errors }
const start = performance.now();
const total = Math.round(rate * seconds);
let done = 0;

function record(path, ms, ok) {
  let r = results.get(path);
  if (!r) results.set(path, (r = { lat: [], errors: 0 }));
  r.lat.push(ms);
  if (!ok) r.errors++;
}

function send(i) {
  const path = pattern[i % pattern.length];
  const due = start + (i * 1000) / rate;
  const req = http.get(base + path, { agent }, (res) => {
    res.resume();
    res.on('end', () => {
      record(path, performance.now() - due, res.statusCode < 300);
      if (++done === total) report();
    });
  });
  req.on('error', () => {
    record(path, performance.now() - due, false);
    if (++done === total) report();
  });
}

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

function report() {
  const out = {};
  for (const [path, r] of results) {
    const s = r.lat.sort((a, b) => a - b);
    out[path] = { count: s.length, errors: r.errors,
      p50: +pct(s, 50).toFixed(1), p99: +pct(s, 99).toFixed(1), max: +s[s.length - 1].toFixed(1) };
  }
  console.log(JSON.stringify(out));
  agent.destroy();
}

let i = 0;
(function tick() {
  const now = performance.now();
  while (i < total && start + (i * 1000) / rate <= now) send(i++);
  if (i < total) setTimeout(tick, 1);
})();
