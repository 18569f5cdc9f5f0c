// The C10K check: open CONNS keep-alive connections (ramping, a few hundred at a time), hold them
// all, then send requests round-robin over them at RATE per second for SECONDS, each on a
// connection that is already open. Prints one JSON line: connections held at the end, connect
// errors, requests, errors, latency p50/p99/max (ms).
// Usage: node c10k-client.mjs HOST PORT PATH CONNS RATE SECONDS
import net from 'node:net';

const [host, portArg, path, connsArg, rateArg, secondsArg] = process.argv.slice(2);
const positive = (name, raw) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`c10k-client: ${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    console.error('usage: node c10k-client.mjs HOST PORT PATH CONNS RATE SECONDS');
    process.exit(2);
  }
  return value;
};
const port = positive('PORT', portArg);
const conns = positive('CONNS', connsArg);
const rate = positive('RATE', rateArg);
const seconds = positive('SECONDS', secondsArg);
const request = `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`;

const sockets = [];
let connectErrors = 0;
let closed = 0;

function open() {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setNoDelay(true);
    s.sentAt = []; // send times of requests awaiting a response
    s.inbox = '';
    s.on('connect', () => { sockets.push(s); resolve(); });
    s.on('data', (d) => {
      s.inbox += d.toString('latin1');
      // Count complete responses: headers end, then content-length bytes.
      while (true) {
        const end = s.inbox.indexOf('\r\n\r\n');
        if (end < 0) break;
        const m = /content-length: *(\d+)/i.exec(s.inbox.slice(0, end));
        const len = m ? Number(m[1]) : 0;
        if (s.inbox.length < end + 4 + len) break;
        const ok = s.inbox.startsWith('HTTP/1.1 2');
        s.inbox = s.inbox.slice(end + 4 + len);
        const sent = s.sentAt.shift();
        if (sent !== undefined) record(performance.now() - sent, ok);
      }
    });
    s.on('error', () => { connectErrors++; resolve(); });
    s.on('close', () => { closed++; });
  });
}

const latencies = [];
let errors = 0;
function record(ms, ok) { latencies.push(ms); if (!ok) errors++; }

const t0 = performance.now();
for (let i = 0; i < conns; i += 250) {
  await Promise.all(Array.from({ length: Math.min(250, conns - i) }, open));
}
const connectMs = performance.now() - t0;

let sent = 0;
const total = rate * seconds;
await new Promise((resolve) => {
  const start = performance.now();
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    while (sent < due) {
      const s = sockets[sent % sockets.length];
      s.sentAt.push(performance.now());
      s.write(request);
      sent++;
    }
    if (sent >= total) { clearInterval(timer); setTimeout(resolve, 2000); }
  }, 5);
});

const held = sockets.filter((s) => !s.destroyed).length;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies.length ? +latencies[Math.min(latencies.length - 1, Math.floor(p / 100 * latencies.length))].toFixed(1) : 0;
console.log(JSON.stringify({
  connections: conns, held, connectErrors, closedByServer: closed, connectMs: Math.round(connectMs),
  requests: sent, answered: latencies.length, errors, p50: pct(50), p99: pct(99), max: pct(100),
}));
for (const s of sockets) s.destroy();
