// process.argv holds [execPath, script, ...args]; process.env is an object of strings; basic process properties have the expected types; hrtime is monotonic.
// args: alpha --beta=2 gamma
// env: LOOPD_CONFORMANCE_VAR=hello LOOPD_EMPTY=
{
  console.log('length:', process.argv.length);
  console.log('args:', JSON.stringify(process.argv.slice(2)));
  console.log('argv[1] ends with script name:', process.argv[1].endsWith('/process-argv-env-and-properties.js'));
  console.log('argv[1] is absolute:', process.argv[1].startsWith('/'));
  console.log('types:', process.argv.every((a) => typeof a === 'string'));
}
{
  console.log('typeof env:', typeof process.env);
  console.log('LOOPD_CONFORMANCE_VAR:', process.env.LOOPD_CONFORMANCE_VAR);
  console.log('LOOPD_EMPTY:', JSON.stringify(process.env.LOOPD_EMPTY));
  console.log('missing:', process.env.LOOPD_NOT_SET);
  console.log('in operator:', 'LOOPD_CONFORMANCE_VAR' in process.env, 'LOOPD_NOT_SET' in process.env);
  process.env.LOOPD_NUM = 42;
  console.log('assigned number becomes:', typeof process.env.LOOPD_NUM, process.env.LOOPD_NUM);
  process.env.LOOPD_BOOL = true;
  console.log('assigned boolean becomes:', JSON.stringify(process.env.LOOPD_BOOL));
  delete process.env.LOOPD_NUM;
  console.log('after delete:', process.env.LOOPD_NUM);
}
{
  console.log('platform is a string:', typeof process.platform === 'string');
  console.log('version starts with v:', process.version.startsWith('v'));
  console.log('versions.node is a string:', typeof process.versions.node === 'string');
  console.log('pid is a positive integer:', Number.isInteger(process.pid) && process.pid > 0);
  console.log('process is an EventEmitter:', process instanceof require('events'));
  console.log('exitCode initially:', process.exitCode);
  console.log('nextTick is a function:', typeof process.nextTick);
  console.log('toString tag:', Object.prototype.toString.call(process));
  console.log('globalThis.process === require("process"):', globalThis.process === require('process'));
  console.log('node:process too:', require('node:process') === process);
}
{
  const t0 = process.hrtime();
  console.log('array of 2 integers:', Array.isArray(t0), t0.length, t0.every(Number.isInteger));
  console.log('nanoseconds < 1e9:', t0[1] < 1e9);
  const b0 = process.hrtime.bigint();
  console.log('bigint type:', typeof b0);
  const until = Date.now() + 20;
  while (Date.now() < until);
  const d = process.hrtime(t0);
  const ns = d[0] * 1e9 + d[1];
  console.log('diff is at least 19 ms:', ns >= 19e6);
  const b1 = process.hrtime.bigint();
  console.log('bigint monotonic and at least 19 ms later:', b1 - b0 >= 19000000n);
  let mono = true;
  let prev = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) { const n = process.hrtime.bigint(); if (n < prev) mono = false; prev = n; }
  console.log('1000 reads never go back:', mono);
}
