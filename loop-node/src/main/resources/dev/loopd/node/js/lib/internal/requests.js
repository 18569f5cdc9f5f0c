'use strict';
// Work on the blocking pool: submit() queues it with a callback; the loop calls completeRequest()
// in the poll phase, in the async context the work was submitted from.

const { submit: submitToPool } = internalBinding('pool');
const asyncContext = require('internal/async_context');

const callbacks = new Map();
let nextId = 1;

/** Queues `kind` work; `callback(err, bytes)` runs in the poll phase. Throws if the pool is full. */
function submit(kind, args, callback) {
  const id = nextId++;
  const refused = submitToPool(kind, id, ...args);
  if (refused !== null && refused !== undefined) throw hostError(refused);
  callbacks.set(id, { callback, context: asyncContext.capture() });
}

function completeRequest(id, error, result) {
  const entry = callbacks.get(id);
  callbacks.delete(id);
  const err = error === null || error === undefined ? null : hostError(error);
  const bytes = err === null ? toUint8Array(result) : undefined;
  asyncContext.runIn(entry.context, entry.callback, [err, bytes]);
}

/** A Java ByteBuffer arrives as a foreign buffer: copy it into an ordinary Uint8Array. */
function toUint8Array(hostBuffer) {
  const view = new Uint8Array(hostBuffer);
  const out = new Uint8Array(view.length);
  out.set(view); // one bulk copy; iterating the host view would cross the boundary per byte
  return out;
}

/** [message, code, errno] from the host as an Error the way Node builds them. */
function hostError(triple) {
  const err = new Error(triple[0]);
  err.code = triple[1];
  if (triple[2] !== 0) err.errno = triple[2];
  return err;
}

module.exports = { submit, completeRequest, toUint8Array, hostError };
