'use strict';
// TEMPORARY test stub: node's own util (see errors.js stub).
module.exports = globalThis.__nodeRequire('util');
