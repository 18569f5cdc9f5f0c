'use strict';
// TEMPORARY test stub (not a builtin): node's own internal/errors, reachable
// because diff-util runs node with --expose-internals. Used only while
// lib/internal/errors.js does not exist yet.
module.exports = globalThis.__nodeRequire('internal/errors');
