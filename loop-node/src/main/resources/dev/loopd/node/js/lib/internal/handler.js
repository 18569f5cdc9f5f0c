'use strict';
// The handler side of a serving loop node (loop-node serve), loaded only in a handler's context.
//
// A handler is an ES module whose default export is `async (request, ctx) => response`. The Java
// side (dev.loopd.node.serve.HandlerVersion) calls invoke() for every request, in a macrotask of
// this context's realm, and this module answers through respond(slot, ...) once the handler's
// promise settles. Every invocation runs inside an AsyncContext variable, so its timers, ticks,
// promise continuations and pool callbacks know which invocation they belong to: console lines
// carry its id, and an uncaught error fails that invocation only.

const { respond, respondBytes, log } = internalBinding('handler');
const asyncContext = require('internal/async_context');
const { Buffer } = require('buffer');

const current = new AsyncContext.Variable({ name: 'loopd.invocation' });
const kInvocation = Symbol('loopd.invocation');
const live = new Map(); // slot -> Invocation
let handlerFn = null;
let meta = { tenant: '', handler: '', version: '' };
// The slot of the invocation whose code was running when the watchdog interrupted the context.
let interruptedSlot = -1;

// Handler contexts carry the async context across timers, ticks and pool callbacks from the start,
// and tell which invocation an error or an interrupt came from (see async_context.runIn).
asyncContext.activate();
asyncContext.setErrorHooks(tagError, noteInterrupted);

function tagError(err) {
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) return;
  try {
    if (err[kInvocation] === undefined) {
      Object.defineProperty(err, kInvocation, { value: current.get(), configurable: true });
    }
  } catch {
    // a frozen or exotic object: the error stays unattributed
  }
}

function noteInterrupted() {
  const inv = current.get();
  if (inv !== undefined) interruptedSlot = inv.slot;
}

class Invocation {
  constructor(slot, id, deadline) {
    this.slot = slot;
    this.id = id;
    this.deadline = deadline;
    this.done = false;
    this.controller = null;
  }

  get signal() {
    if (this.controller === null) this.controller = new AbortController();
    return this.controller.signal;
  }

  abort(reason) {
    this.done = true;
    if (this.controller !== null) this.controller.abort(reason);
  }
}

/** The request a handler receives. Headers, query and body are built on first use. */
class HandlerRequest {
  #rawQuery;
  #rawHeaders;
  #rawBody;
  #headers;
  #query;
  #body;

  constructor(method, path, rawQuery, rawHeaders, rawBody) {
    this.method = method;
    this.path = path;
    this.#rawQuery = rawQuery;
    this.#rawHeaders = rawHeaders;
    this.#rawBody = rawBody;
  }

  /** The body's bytes, a Buffer (empty when the request had none). */
  get body() {
    if (this.#body === undefined) {
      const raw = this.#rawBody;
      this.#body = raw === null ? Buffer.alloc(0) : Buffer.from(new Uint8Array(raw));
      this.#rawBody = null;
    }
    return this.#body;
  }

  /** Lowercase names; repeated headers joined with ", " (set-cookie kept as an array). */
  get headers() {
    if (this.#headers === undefined) {
      const h = { __proto__: null };
      const raw = this.#rawHeaders;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i];
        const value = raw[i + 1];
        const seen = h[name];
        if (seen === undefined) h[name] = name === 'set-cookie' ? [value] : value;
        else if (name === 'set-cookie') seen.push(value);
        else h[name] = `${seen}, ${value}`;
      }
      this.#headers = h;
    }
    return this.#headers;
  }

  /** Decoded parameters; a repeated name gives an array, in order. */
  get query() {
    if (this.#query === undefined) {
      const q = { __proto__: null };
      const raw = this.#rawQuery;
      for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i];
        const value = raw[i + 1];
        const seen = q[name];
        if (seen === undefined) q[name] = value;
        else if (Array.isArray(seen)) seen.push(value);
        else q[name] = [seen, value];
      }
      this.#query = q;
    }
    return this.#query;
  }

  text() {
    return Promise.resolve(this.body.toString('utf8'));
  }

  json() {
    try {
      return Promise.resolve(JSON.parse(this.body.toString('utf8')));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  arrayBuffer() {
    const b = this.body;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
}

function formatArgs(args) {
  return require('util').format(...args);
}

function makeLog(inv) {
  const write = (level) => (...args) => log(level, formatArgs(args), inv.id);
  const fn = write('info');
  fn.debug = write('debug');
  fn.info = fn;
  fn.warn = write('warn');
  fn.error = write('error');
  return fn;
}

/** What a handler receives beside the request. */
class HandlerContext {
  #inv;
  #log;

  constructor(inv) {
    this.#inv = inv;
    this.invocationId = inv.id;
    this.tenant = meta.tenant;
    this.handler = meta.handler;
    this.version = meta.version;
    this.deadline = inv.deadline;
  }

  /** Aborts when the deadline passes, the caller goes away, or the node stops waiting. */
  get signal() {
    return this.#inv.signal;
  }

  get log() {
    if (this.#log === undefined) this.#log = makeLog(this.#inv);
    return this.#log;
  }
}

// ---- entry points (called from Java) ------------------------------------------------------------

/** Takes the module namespace after evaluation; throws when the default export is not usable. */
function setHandler(namespace, tenant, handler, version) {
  const fn = namespace.default;
  if (typeof fn !== 'function') {
    const err = new TypeError(fn === undefined ?
      'the module has no default export: export a function, ' +
        'e.g. `export default async (request, ctx) => ({ hello: "world" })`' :
      `the default export is ${typeof fn}, not a function: ` +
        'export `async (request, ctx) => response`');
    err.code = 'ERR_LOOPD_INVALID_EXPORT';
    throw err;
  }
  handlerFn = fn;
  meta = { tenant, handler, version };
}

function invoke(slot, id, method, path, rawQuery, rawHeaders, body, deadline) {
  const inv = new Invocation(slot, id, deadline);
  live.set(slot, inv);
  const request = new HandlerRequest(method, path, rawQuery, rawHeaders, body);
  const ctx = new HandlerContext(inv);
  current.run(inv, () => {
    let ok = false;
    try {
      const result = handlerFn(request, ctx);
      ok = true;
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        result.then((value) => settle(inv, value), (err) => fail(inv, err));
      } else {
        settle(inv, result);
      }
    } catch (err) {
      ok = true;
      fail(inv, err);
    } finally {
      if (!ok) interruptedSlot = slot; // the watchdog stopped it: nothing else runs a finally
    }
  });
}

/** The deadline passed or the node gave up on it: abort its signal and forget it. */
function abort(slot, kind) {
  const inv = live.get(slot);
  if (inv === undefined) return;
  live.delete(slot);
  const { DOMException } = globalThis;
  inv.abort(kind === 'deadline' ?
    new DOMException('the invocation passed its deadline', 'TimeoutError') :
    new DOMException(`the invocation was cancelled (${kind})`, 'AbortError'));
}

/** The slot the watchdog interrupted, or -1 when it cannot be told; resets. */
function takeInterrupted() {
  const slot = interruptedSlot;
  interruptedSlot = -1;
  return slot;
}

/** Replaces the process-ending fatal path: the error fails its invocation, if it has one. */
function onUncaught(err) {
  const inv = (err !== null && typeof err === 'object' && err[kInvocation]) || current.get();
  if (inv !== undefined && !inv.done) {
    fail(inv, err, 'uncaught exception');
  } else {
    log('error', `uncaught exception outside any invocation: ${describe(err, true)}`, '');
  }
}

// ---- responses ----------------------------------------------------------------------------------

function settle(inv, value) {
  if (inv.done) return;
  let response;
  try {
    response = toResponse(value);
  } catch (err) {
    fail(inv, err);
    return;
  }
  inv.done = true;
  live.delete(inv.slot);
  const { status, headers, body } = response;
  if (body instanceof Uint8Array) {
    respondBytes(inv.slot, status, headers, body.buffer, body.byteOffset, body.byteLength);
  } else {
    respond(inv.slot, status, headers, body);
  }
}

function fail(inv, err, what = 'the handler threw') {
  if (inv.done) return;
  inv.done = true;
  live.delete(inv.slot);
  log('error', `${what}: ${describe(err, true)}`, inv.id);
  respond(inv.slot, -1, null, describe(err, false));
}

function describe(err, withStack) {
  try {
    if (err instanceof Error) return withStack && err.stack ? String(err.stack) : String(err);
    return require('util').inspect(err);
  } catch {
    return 'an unprintable value';
  }
}

function isResponseObject(value) {
  return Object.hasOwn(value, 'body') || typeof value.status === 'number' ||
    (Object.hasOwn(value, 'headers') && Object.keys(value).length <= 3 &&
      Object.keys(value).every((k) => k === 'status' || k === 'headers' || k === 'body'));
}

// The content type a body of each kind gets when the handler names none, and the header lists of
// the responses a handler gives as a bare value (shared: only read by the node).
const TEXT = 'text/plain; charset=utf-8';
const BYTES = 'application/octet-stream';
const JSON_TYPE = 'application/json';
const NO_HEADERS = Object.freeze([]);
const TEXT_HEADERS = Object.freeze(['content-type', TEXT]);
const BYTES_HEADERS = Object.freeze(['content-type', BYTES]);
const JSON_HEADERS = Object.freeze(['content-type', JSON_TYPE]);

/**
 * `{status, headers, body}` or a string (text/plain) or bytes (application/octet-stream) or any
 * other value (JSON). undefined gives 204. Returns {status, headers: a flat name/value list,
 * body} where body is a string, a Uint8Array or null.
 */
function toResponse(value) {
  if (value === undefined || value === null) return { status: 204, headers: NO_HEADERS, body: null };
  if (typeof value === 'string') return { status: 200, headers: TEXT_HEADERS, body: value };
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    return { status: 200, headers: BYTES_HEADERS, body: bytesOf(value) };
  }
  if (typeof value !== 'object' || !isResponseObject(value)) {
    return { status: 200, headers: JSON_HEADERS, body: jsonOf(value) };
  }
  const status = value.status === undefined ? 200 : value.status;
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new RangeError(`response status must be an integer from 100 to 599, got ${
      require('util').inspect(status)}`);
  }
  const headers = flattenHeaders(value.headers);
  let body = value.body;
  if (body === undefined || body === null) {
    body = null;
  } else if (typeof body === 'string') {
    // as given
  } else if (body instanceof Uint8Array || body instanceof ArrayBuffer) {
    body = bytesOf(body);
    if (!hasHeader(headers, 'content-type')) headers.push('content-type', BYTES);
  } else {
    body = jsonOf(body);
    if (!hasHeader(headers, 'content-type')) headers.push('content-type', JSON_TYPE);
  }
  if (typeof body === 'string' && !hasHeader(headers, 'content-type')) {
    headers.push('content-type', TEXT);
  }
  return { status, headers, body };
}

function jsonOf(value) {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError(`the handler returned ${typeof value}, which has no JSON form`);
  }
  return text;
}

function bytesOf(value) {
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

function hasHeader(flat, name) {
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === name) return true;
  return false;
}

function flattenHeaders(headers) {
  const flat = [];
  if (headers === undefined || headers === null) return flat;
  const add = (name, value) => {
    const n = String(name).toLowerCase();
    if (Array.isArray(value)) for (const v of value) flat.push(n, String(v));
    else flat.push(n, String(value));
  };
  if (typeof headers.forEach === 'function' && !Array.isArray(headers)) {
    headers.forEach((value, name) => add(name, value)); // a Map or a Headers
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers) add(name, value);
  } else if (typeof headers === 'object') {
    for (const name of Object.keys(headers)) add(name, headers[name]);
  } else {
    throw new TypeError('response headers must be an object, a Map or an array of [name, value]');
  }
  return flat;
}

/** The invocation id of the code running now, for console lines; '' outside any invocation. */
function currentInvocationId() {
  const inv = current.get();
  return inv === undefined ? '' : inv.id;
}

module.exports = {
  setHandler,
  invoke,
  abort,
  takeInterrupted,
  onUncaught,
  currentInvocationId,
  toResponse,
};
