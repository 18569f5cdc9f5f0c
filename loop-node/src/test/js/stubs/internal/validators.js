'use strict';
// TEMPORARY test stub: node's own internal/validators (see errors.js stub).
module.exports = globalThis.__nodeRequire('internal/validators');
