// Shared helpers for the *-diff.mjs scripts: load loopd builtins (through the
// dev harness) and compare their behaviour with node's real modules.
import * as harness from './harness.mjs';

export function load(name) {
  return harness.loadBuiltin(name);
}

// ---------------------------------------------------------------------------
// Structural description of a value, comparable across realms/classes.

function typedTag(v) {
  return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.call(v);
}

function hex(u8) {
  let s = '';
  for (let i = 0; i < u8.length; i++) s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
  return s;
}

export function describe(v, seen = new Map(), depth = 0) {
  switch (typeof v) {
    case 'undefined': return { undefined: true };
    case 'number':
      if (Number.isNaN(v)) return { number: 'NaN' };
      if (Object.is(v, -0)) return { number: '-0' };
      return v;
    case 'bigint': return { bigint: String(v) };
    case 'string': return v;
    case 'boolean': return v;
    case 'symbol': return { symbol: String(v) };
    case 'function': return { function: v.name };
  }
  if (v === null) return null;
  if (seen.has(v)) return { ref: seen.get(v) };
  seen.set(v, seen.size);
  if (depth > 8) return { deep: true };
  const tag = typedTag(v);
  if (tag !== undefined) {
    return {
      typed: tag,
      ctor: v.constructor && v.constructor.name,
      bytes: hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
    };
  }
  if (v instanceof ArrayBuffer || Object.prototype.toString.call(v) === '[object ArrayBuffer]') {
    let detached = false;
    try { new Uint8Array(v); } catch { detached = true; }
    return { arrayBuffer: detached ? 'detached' : hex(new Uint8Array(v)) };
  }
  if (v instanceof DataView) return { dataView: hex(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  if (v instanceof Error || (typeof v.message === 'string' && 'code' in v && 'stack' in v)) {
    return {
      error: v.constructor && v.constructor.name,
      name: safe(() => v.name),
      code: safe(() => v.code),
      message: safe(() => v.message),
    };
  }
  if (Array.isArray(v)) return v.map((x) => describe(x, seen, depth + 1));
  if (v instanceof Map) return { map: [...v].map(([k, x]) => [describe(k, seen, depth + 1), describe(x, seen, depth + 1)]) };
  if (v instanceof Set) return { set: [...v].map((x) => describe(x, seen, depth + 1)) };
  if (v instanceof Date) return { date: String(v.getTime()) };
  if (v instanceof RegExp) return { regexp: String(v) };
  const out = { proto: safe(() => v.constructor && v.constructor.name) };
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (!d.enumerable) continue;
    out[typeof k === 'symbol' ? `@@${k.description}` : k] = 'value' in d ? describe(d.value, seen, depth + 1) : { accessor: true };
  }
  return out;
}

function safe(f) {
  try { return f(); } catch (e) { return `<throws ${e && e.message}>`; }
}

function outcome(f) {
  try {
    return { ok: describe(f()) };
  } catch (e) {
    return { threw: describe(e) };
  }
}

// ---------------------------------------------------------------------------

export class Suite {
  constructor(title) {
    this.title = title;
    this.passed = 0;
    this.failed = 0;
    this.shown = 0;
  }

  report(label, mine, theirs) {
    const a = JSON.stringify(mine);
    const b = JSON.stringify(theirs);
    if (a === b) {
      this.passed++;
      return true;
    }
    this.failed++;
    if (this.shown++ < (process.env.DIFF_SHOW ? Number(process.env.DIFF_SHOW) : 40)) {
      console.log(`FAIL ${label}\n  loopd: ${clip(a)}\n  node:  ${clip(b)}`);
    }
    return false;
  }

  // Runs both thunks; compares results or thrown errors.
  check(label, mineFn, nodeFn) {
    return this.report(label, outcome(mineFn), outcome(nodeFn));
  }

  async checkAsync(label, mineFn, nodeFn) {
    const run = async (f) => {
      try {
        return { ok: describe(await f()) };
      } catch (e) {
        return { threw: describe(e) };
      }
    };
    return this.report(label, await run(mineFn), await run(nodeFn));
  }

  // Compares two already-computed values.
  same(label, mine, theirs) {
    return this.report(label, describe(mine), describe(theirs));
  }

  finish() {
    console.log(`${this.title}: ${this.passed} passed, ${this.failed} failed`);
    if (this.failed > 0) process.exitCode = 1;
  }
}

function clip(s) {
  return s.length > 400 ? s.slice(0, 400) + '…' : s;
}

// Deterministic PRNG (mulberry32).
export function rng(seed) {
  let a = (seed ^ Number(process.env.DIFF_SEED || 0)) >>> 0;
  return function() {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

