'use strict';
// Part of util.inspect (see internal/util/inspect.js): the entries of arrays, typed arrays,
// ArrayBuffers, Sets, Maps, their iterators, WeakSets/WeakMaps, promises and module namespaces.
// After Node v20 (MIT).
//
// These recurse into formatValue / formatProperty, which live in inspect.js: create() receives
// them (and the host hooks) and returns the formatters.

const { formatNumber, formatBigInt } = require('internal/util/inspect_primitives');
const {
  kObjectType,
  kArrayType,
  kArrayExtrasType,
  reduceToSingleString,
} = require('internal/util/inspect_layout');

const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;

const numberRegExp = /^(0|[1-9][0-9]*)$/;

// Constants to map the iterator state.
const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

// Promise states of getPromiseState.
const kPending = 0;
const kRejected = 2;

function create({ formatValue, formatProperty, previewEntries, getPromiseState }) {
  const remainingText = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;

  function formatNamespaceObject(keys, ctx, value, recurseTimes) {
    const output = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      try {
        output[i] = formatProperty(ctx, value, recurseTimes, keys[i],
                                   kObjectType);
      } catch (err) {
        if (!(err instanceof ReferenceError)) throw err;
        // Use the existing functionality. This makes sure the indentation and
        // line breaks are always correct. Otherwise it is very difficult to keep
        // this aligned, even though this is a hacky way of dealing with this.
        const tmp = { [keys[i]]: '' };
        output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
        const pos = output[i].lastIndexOf(' ');
        // We have to find the last whitespace and have to replace that value as
        // it will be visualized as a regular string.
        output[i] = output[i].slice(0, pos + 1) +
                    ctx.stylize('<uninitialized>', 'special');
      }
    }
    // Reset the keys to an empty array. This prevents duplicated inspection.
    keys.length = 0;
    return output;
  }

  // The array is sparse and/or has extra keys
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = Object.keys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      // Arrays can only have up to 2^32 - 1 entries
      if (tmp > 2 ** 32 - 2) {
        break;
      }
      if (`${index}` !== key) {
        if (numberRegExp.exec(key) === null) {
          break;
        }
        const emptyItems = tmp - index;
        const ending = emptyItems > 1 ? 's' : '';
        const message = `<${emptyItems} empty item${ending}>`;
        output.push(ctx.stylize(message, 'undefined'));
        index = tmp;
        if (output.length === maxLength) {
          break;
        }
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        const ending = remaining > 1 ? 's' : '';
        const message = `<${remaining} empty item${ending}>`;
        output.push(ctx.stylize(message, 'undefined'));
      }
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function hexSlice(bytes, start, end) {
    let out = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      out += (b < 16 ? '0' : '') + b.toString(16);
    }
    return out;
  }

  function formatArrayBuffer(ctx, value) {
    let buffer;
    try {
      buffer = new Uint8Array(value);
    } catch {
      return [ctx.stylize('(detached)', 'special')];
    }
    let str = hexSlice(buffer, 0, Math.min(ctx.maxArrayLength, buffer.length))
      .replace(/(.{2})/g, '$1 ').trim();
    const remaining = buffer.length - ctx.maxArrayLength;
    if (remaining > 0)
      str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
  }

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);

    const remaining = valLen - len;
    const output = [];
    for (let i = 0; i < len; i++) {
      // Special handle sparse arrays.
      if (!ObjectPrototypeHasOwnProperty.call(value, i)) {
        return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = value.length - maxLength;
    const output = new Array(maxLength);
    const elementFormatter = value.length > 0 && typeof value[0] === 'number' ?
      formatNumber :
      formatBigInt;
    for (let i = 0; i < maxLength; ++i) {
      output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
    }
    if (remaining > 0) {
      output[maxLength] = remainingText(remaining);
    }
    if (ctx.showHidden) {
      // .buffer goes last, it's not a primitive like the others.
      // All besides `BYTES_PER_ELEMENT` are actually getters.
      ctx.indentationLvl += 2;
      for (const key of [
        'BYTES_PER_ELEMENT',
        'length',
        'byteLength',
        'byteOffset',
        'buffer',
      ]) {
        const str = formatValue(ctx, value[key], recurseTimes, true);
        output.push(`[${key}]: ${str}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatSet(value, ctx, ignored, recurseTimes) {
    const length = value.size;
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const v of value) {
      if (i >= maxLength) break;
      output.push(formatValue(ctx, v, recurseTimes));
      i++;
    }
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(value, ctx, ignored, recurseTimes) {
    const length = value.size;
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const { 0: k, 1: v } of value) {
      if (i >= maxLength) break;
      output.push(
        `${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`,
      );
      i++;
    }
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatSetIterInner(ctx, recurseTimes, entries, state) {
    const maxArrayLength = Math.max(ctx.maxArrayLength, 0);
    const maxLength = Math.min(maxArrayLength, entries.length);
    const output = new Array(maxLength);
    ctx.indentationLvl += 2;
    for (let i = 0; i < maxLength; i++) {
      output[i] = formatValue(ctx, entries[i], recurseTimes);
    }
    ctx.indentationLvl -= 2;
    if (state === kWeak && !ctx.sorted) {
      // Sort all entries to have a halfway reliable output (if more entries than
      // retrieved ones exist, we can not reliably return the same output) if the
      // output is not sorted anyway.
      output.sort();
    }
    const remaining = entries.length - maxLength;
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatMapIterInner(ctx, recurseTimes, entries, state) {
    const maxArrayLength = Math.max(ctx.maxArrayLength, 0);
    // Entries exist as [key1, val1, key2, val2, ...]
    const len = entries.length / 2;
    const remaining = len - maxArrayLength;
    const maxLength = Math.min(maxArrayLength, len);
    const output = new Array(maxLength);
    let i = 0;
    ctx.indentationLvl += 2;
    if (state === kWeak) {
      for (; i < maxLength; i++) {
        const pos = i * 2;
        output[i] =
          `${formatValue(ctx, entries[pos], recurseTimes)} => ${formatValue(ctx, entries[pos + 1], recurseTimes)}`;
      }
      // Sort all entries to have a halfway reliable output (if more entries than
      // retrieved ones exist, we can not reliably return the same output) if the
      // output is not sorted anyway.
      if (!ctx.sorted)
        output.sort();
    } else {
      for (; i < maxLength; i++) {
        const pos = i * 2;
        const res = [
          formatValue(ctx, entries[pos], recurseTimes),
          formatValue(ctx, entries[pos + 1], recurseTimes),
        ];
        output[i] = reduceToSingleString(
          ctx, res, '', ['[', ']'], kArrayExtrasType, recurseTimes);
      }
    }
    ctx.indentationLvl -= 2;
    if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize('<items unknown>', 'special')];
  }

  function formatWeakSet(ctx, value, recurseTimes) {
    const entries = previewEntries(value);
    if (entries === undefined) return formatWeakCollection(ctx);
    return formatSetIterInner(ctx, recurseTimes, entries, kWeak);
  }

  function formatWeakMap(ctx, value, recurseTimes) {
    const entries = previewEntries(value);
    if (entries === undefined) return formatWeakCollection(ctx);
    return formatMapIterInner(ctx, recurseTimes, entries, kWeak);
  }

  function formatIterator(braces, ctx, value, recurseTimes) {
    const preview = previewEntries(value, true);
    if (preview === undefined) {
      // The remaining entries of an iterator cannot be read without advancing it.
      return [ctx.stylize('<items unknown>', 'special')];
    }
    const { 0: entries, 1: isKeyValue } = preview;
    if (isKeyValue) {
      // Mark entry iterators as such.
      braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
      return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
    }

    return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
  }

  function formatPromise(ctx, value, recurseTimes) {
    let output;
    const details = getPromiseState(value);
    if (details === undefined || details === null) {
      // Standard JavaScript cannot see the state of a promise synchronously.
      return [ctx.stylize('<unknown>', 'special')];
    }
    const { 0: state, 1: result } = details;
    if (state === kPending) {
      output = [ctx.stylize('<pending>', 'special')];
    } else {
      ctx.indentationLvl += 2;
      const str = formatValue(ctx, result, recurseTimes);
      ctx.indentationLvl -= 2;
      output = [
        state === kRejected ?
          `${ctx.stylize('<rejected>', 'special')} ${str}` :
          str,
      ];
    }
    return output;
  }

  return {
    formatArray,
    formatArrayBuffer,
    formatTypedArray,
    formatSet,
    formatMap,
    formatIterator,
    formatWeakCollection,
    formatWeakSet,
    formatWeakMap,
    formatPromise,
    formatNamespaceObject,
  };
}

module.exports = { create };
