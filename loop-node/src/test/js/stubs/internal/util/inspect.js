'use strict';
// TEMPORARY test stub: node's own internal/util/inspect (see errors.js stub).
module.exports = globalThis.__nodeRequire('internal/util/inspect');
