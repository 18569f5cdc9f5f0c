'use strict';

// WebIDL DOMException, shaped like node's (per_context/domexception): name,
// message and code are enumerable prototype getters backed by a private
// table, the prototype inherits from Error.prototype, legacy *_ERR constants
// live on both the constructor and the prototype. GraalJS has no DOMException
// of its own; the runtime installs this class as the global.

const internals = new WeakMap();
const codeByName = new Map();
// Names removed from WebIDL's error names table: their code is 0.
const disusedNames = new Set(['DOMStringSizeError', 'NoDataAllowedError', 'ValidationError']);

function throwInvalidThis() {
  const err = new TypeError();
  Object.defineProperties(err, {
    message: {
      value: 'Value of "this" must be of DOMException',
      enumerable: false, writable: true, configurable: true,
    },
    toString: {
      value() { return `${this.name} [${this.code}]: ${this.message}`; },
      enumerable: false, writable: true, configurable: true,
    },
  });
  err.code = 'ERR_INVALID_THIS';
  throw err;
}

function slot(self) {
  const s = internals.get(self);
  if (s === undefined) throwInvalidThis();
  return s;
}

function captureStack(self, name, message) {
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(self, DOMException);
    return;
  }
  // Engines without captureStackTrace: build a V8-looking stack by hand.
  let frames = '';
  const raw = new Error().stack;
  if (typeof raw === 'string') {
    const nl = raw.indexOf('\n');
    frames = nl === -1 ? '' : raw.slice(nl);
    // drop this helper's and the constructor's frames when recognisable
    const lines = frames.split('\n');
    while (lines.length > 1 && /captureStack|DOMException/.test(lines[1])) lines.splice(1, 1);
    frames = lines.join('\n');
  }
  const head = message === '' ? name : `${name}: ${message}`;
  Object.defineProperty(self, 'stack', {
    value: head + frames, enumerable: false, writable: true, configurable: true,
  });
}

class DOMException {
  constructor(message = '', options = 'Error') {
    let name;
    let hasCause = false;
    let cause;
    if (options && typeof options === 'object') {
      name = `${options.name}`;
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else {
      name = `${options}`;
    }
    // The internals live in a WeakMap, so 'stack' is the first own property
    // (as in node) and is formatted with the right name and message.
    internals.set(this, { message: `${message}`, name });
    captureStack(this, name, `${message}`);
    if (hasCause) {
      Object.defineProperty(this, 'cause', {
        value: cause, configurable: true, writable: true, enumerable: false,
      });
    }
  }

  get name() {
    return slot(this).name;
  }

  get message() {
    return slot(this).message;
  }

  get code() {
    const s = slot(this);
    if (disusedNames.has(s.name)) return 0;
    const code = codeByName.get(s.name);
    return code === undefined ? 0 : code;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'DOMException' },
  name: { enumerable: true, configurable: true },
  message: { enumerable: true, configurable: true },
  code: { enumerable: true, configurable: true },
});

const table = [
  ['IndexSizeError', 'INDEX_SIZE_ERR'],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR'],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR'],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR'],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR'],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR'],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR'],
  ['NotFoundError', 'NOT_FOUND_ERR'],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR'],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR'],
  ['InvalidStateError', 'INVALID_STATE_ERR'],
  ['SyntaxError', 'SYNTAX_ERR'],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR'],
  ['NamespaceError', 'NAMESPACE_ERR'],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR'],
  ['ValidationError', 'VALIDATION_ERR'],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR'],
  ['SecurityError', 'SECURITY_ERR'],
  ['NetworkError', 'NETWORK_ERR'],
  ['AbortError', 'ABORT_ERR'],
  ['URLMismatchError', 'URL_MISMATCH_ERR'],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR'],
  ['TimeoutError', 'TIMEOUT_ERR'],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR'],
  ['DataCloneError', 'DATA_CLONE_ERR'],
];
for (let i = 0; i < table.length; i++) {
  const value = i + 1;
  const desc = { enumerable: true, value };
  Object.defineProperty(DOMException, table[i][1], desc);
  Object.defineProperty(DOMException.prototype, table[i][1], desc);
  codeByName.set(table[i][0], value);
}

// Shared by the modules that throw DOMExceptions (buffer's atob/btoa,
// AbortSignal, structuredClone). The runtime installs this same class as the
// global, so `instanceof DOMException` holds for user code.
function lazyDOMException(message, name) {
  return new DOMException(message, name);
}

module.exports = { DOMException, lazyDOMException };
