'use strict';
// Display width of strings in terminal columns, as Node v20 computes it (util.inspect's array
// grouping, console.table). Node asks ICU for each code point's East Asian Width and emoji
// properties; the table below holds ICU's answer (Node 20's ICU) for every code point whose
// width is not 1, so the result is the same without ICU:
//   - ASCII: 0 for control characters (< 0x20), 1 otherwise;
//   - from the first non-ASCII character on, the rest is NFC-normalized and each code point
//     counts 0 (controls, format, nonspacing/enclosing marks, emoji modifiers), 2 (East Asian
//     Wide/Fullwidth, emoji presentation) or 1.

// Entries "<gap><Z|W><length - 1>" in base 36: `gap` code points of width 1 since the previous
// entry's end, then a run of width 0 (Z) or 2 (W).
const kWidthTable =
  '0Zv 2nZw gwZ33 7nZ6 7bZ18 1Z0 1Z1 1Z1 1Z0 1kZ5 aZa 1Z0 1aZk gZ0 2tZ7 1Z5 2Z1 1Z3 xZ0 1Z0 uZq ' +
  '2jZa 1mZ8 9Z0 oZ3 1Z8 1Z2 1Z4 17Z2 1gZ1 5Z8 16Z1k 1jZ0 1Z0 4Z7 4Z0 3Z6 aZ1 tZ0 1mZ0 4Z3 8Z0 ' +
  'kZ1 qZ0 2Z1 1lZ0 4Z1 4Z1 2Z2 3Z0 uZ1 3Z0 bZ1 1lZ0 4Z4 1Z1 4Z0 kZ1 mZ5 1Z0 1mZ0 2Z0 1Z3 8Z0 ' +
  '7Z1 bZ1 uZ0 1pZ0 cZ0 1eZ0 3Z0 1jZ0 1Z2 5Z2 1Z3 7Z1 bZ1 tZ0 1mZ0 2Z0 6Z0 5Z1 kZ1 sZ1 1lZ1 4Z3 ' +
  '8Z0 kZ1 tZ0 20Z0 7Z2 1Z0 2iZ0 2Z6 cZ7 2qZ0 2Z8 bZ6 21Z1 rZ0 1Z0 1Z0 1jZd 1Z4 1Z1 5Za 1Zz 9Z0 ' +
  '2uZ3 1Z5 1Z1 2Z1 pZ1 4Z2 gZ3 dZ0 2Z1 6Z0 fZ0 2qW2n e5Z2 qaZ2 tZ1 uZ1 uZ1 1sZ1 1Z6 8Z0 2Za ' +
  '9Z0 19Z4 39Z1 yZ0 3aZ2 4Z1 9Z0 6Z2 63Z1 2Z0 1mZ0 1Z6 1Z0 1Z0 2Z7 6Z9 2Z0 1cZ19 2Zb kZ3 1cZ0 ' +
  '1Z4 1Z0 5Z0 14Z8 cZ1 wZ3 2Z1 1Z2 1kZ0 1Z1 3Z0 1Z2 1mZ7 2Z1 48Z2 1Zc 1Z6 4Z0 6Z0 3Z1 5iZ1r ' +
  'ejZ4 qZ4 1dZ4 1Z9 2oZw fdW1 dW1 5aW3 3W0 2W0 ehW1 lW1 qW7 gWb 17W0 aW5 3W0 dW0 8W1 hW1 5W1 ' +
  '8W0 5W0 lW0 7W1 1W0 4W0 2W0 7W0 4W1 sW0 zW0 1W0 4W2 1W0 1pW2 oW0 eW0 nvW1 1fW0 4W0 bdZ2 3xZ0 ' +
  '2oZv 3kWp 1W2g cW5x qW26 2W2d 2W2u 5W16 1W2l 1W2d 9W1b 1W13 8Wmkc 3W1i bsZ3 1Z9 wZ1 28Z1 ' +
  '7kZ0 3Z0 4Z0 pZ1 5Z0 47Z1 qZh dZ0 12Z7 pZa eWs 3Z2 1cZ0 2Z3 2Z1 13Z0 1vZ5 2Z1 2Z1 cZ0 8Z0 ' +
  '1bZ0 1fZ0 1Z2 2Z1 5Z1 1Z0 16Z1 8Z0 6mZ0 2Z0 4Z0 iW8mb 6l8We7 uZ0 khZf 0W9 6Zf 0Wy 1Wi 1W3 ' +
  '43Z0 1W2n 3jW6 iZ2 e9Z0 6aZ0 45Z4 1aeZ2 1Z1 5Z3 14Z2 4Z0 4lZ1 fxZ3 1tZ4 8tZ1 25Z5 1yZa 1dZ3 ' +
  '3fZ0 1iZe 15Z0 2Z1 aZ2 1dZ3 2Z1 2Z0 4Z0 aZ0 1eZ2 10Z4 1Z7 1qZ0 cZ1 1gZ8 aZ3 2Z0 2nZ2 2Z0 1Z1 ' +
  '6Z0 2Z0 4dZ0 3Z7 lZ1 1lZ1 3Z0 11Z6 3Z4 1yZ5 dZ0 1Z0 1Z0 eZ1 2dZ7 2Z2 1Z0 nZ0 2cZ5 1Z0 4Z1 ' +
  '1Z1 6mZ3 6Z1 1Z1 rZ1 2dZ7 2Z0 1Z1 2yZ0 1Z0 2Z5 1Z0 2tZ0 1Z0 2Z3 1Z4 77Z8 1Z1 74Z1 1Z0 4Z0 ' +
  '40Z3 2Z1 4Z0 wZ9 14Z5 2Z3 8Z0 9Z5 2Z2 1aZc 1Z1 5iZ0 1Z2 1Z0 5lZ6 1Z5 1Z0 2aZl 2Z6 1Z1 1Z1 ' +
  '3eZ5 3Z0 1Z1 1Z6 1Z0 20Z1 3Z0 1Z0 9nZ1 bZ1 1gZ4 5Z0 1Z0 nZ0 445Zg 6Ze 8ugZb 3Z2 1xcZ4 1nZ6 ' +
  't4Z0 1rZ3 25W4 bW6 9W5p1 15Wv 2pW36 6ppW3 1W6 1W1 1W82 fW0 tW2 2W0 eW3 8Waz 1whZ1 1Z3 3mkZ19 ' +
  '2Zm f4Z2 9Zf 2Z6 uZ3 44Z2 57W2e 9Wm 1ahZ1i 4Z1d 8Z0 eZ0 mZ4 1Ze 11sZ6 1Zg 2Z6 1Z1 1Z4 2sZ0 ' +
  '4gZ6 afZ0 1pZ3 e4Z3 72Z1 6rZ0 2Z0 7Z1 5Z0 d6Z6 31Z6 1btW0 5mW0 5aW0 2W9 23Ws dW17 4W8 7W1 ' +
  'eW5 4aWw cW8 1W1x 1Wl cW16 4W4 cWg 3W0 3W1y 1W0 1W56 2W1q dW3 1Wn iW0 qW1 dW0 2eW2c 1cW1x ' +
  '6W0 3W2 2W3 3W3 bW1 7W8 6bWb 4W0 7vW1a 1W9 1W54 34Wc 3Wa 3W1k 1W0 4Wf 2Wb 4W9 zrW1ekd 2W1ekd ' +
  'e1ojZ0 uZ2n 3kZ6n';
let rangeStarts;
let rangeEnds;
let rangeWidths;

function decodeTable() {
  const entries = kWidthTable.trim().split(' ');
  rangeStarts = new Array(entries.length);
  rangeEnds = new Array(entries.length);
  rangeWidths = new Array(entries.length);
  let prevEnd = -1;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    let mark = entry.indexOf('Z');
    let width = 0;
    if (mark === -1) {
      mark = entry.indexOf('W');
      width = 2;
    }
    const start = prevEnd + 1 + parseInt(entry.slice(0, mark), 36);
    const end = start + parseInt(entry.slice(mark + 1), 36);
    rangeStarts[i] = start;
    rangeEnds[i] = end;
    rangeWidths[i] = width;
    prevEnd = end;
  }
}

/** Width in columns (0, 1 or 2) of one code point, as ICU reports it to Node. */
function codePointWidth(code) {
  if (rangeStarts === undefined) decodeTable();
  let lo = 0;
  let hi = rangeStarts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (code < rangeStarts[mid]) {
      hi = mid - 1;
    } else if (code > rangeEnds[mid]) {
      lo = mid + 1;
    } else {
      return rangeWidths[mid];
    }
  }
  return 1;
}

// Regex used for ansi escape code splitting
// Ref: https://github.com/chalk/ansi-regex/blob/f338e1814144efb950276aac84135ff86b72dc8e/index.js
// License: MIT by Sindre Sorhus <sindresorhus@gmail.com>
// Matches all ansi escape code sequences in a string
const ansi = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' +
  '[\\dA-PR-TZcf-nq-uy=><~]))', 'g',
);

let validateString;

/**
 * Remove all VT control characters. Use to estimate displayed string width.
 */
function stripVTControlCharacters(str) {
  validateString ??= require('internal/validators').validateString;
  validateString(str, 'str');
  return str.replace(ansi, '');
}

/**
 * Returns the number of columns required to display the given string.
 */
function getStringWidth(str, removeControlChars = true) {
  let width = 0;

  if (removeControlChars) {
    str = str.replace(ansi, '');
  }
  for (let i = 0; i < str.length; i++) {
    // The ASCII part is counted directly, as Node does before calling into ICU.
    const code = str.charCodeAt(i);
    if (code >= 127) {
      const rest = str.slice(i).normalize('NFC');
      for (let j = 0; j < rest.length; j++) {
        const cp = rest.codePointAt(j);
        if (cp > 0xffff) j++;
        width += codePointWidth(cp);
      }
      break;
    }
    width += code >= 32 ? 1 : 0;
  }
  return width;
}

/** Node's list of zero-width code points (used by readline-style width estimates). */
function isZeroWidthCodePoint(code) {
  return code <= 0x1F || // C0 control codes
    (code >= 0x7F && code <= 0x9F) || // C1 control codes
    (code >= 0x300 && code <= 0x36F) || // Combining Diacritical Marks
    (code >= 0x200B && code <= 0x200F) || // Modifying Invisible Characters
    // Combining Diacritical Marks for Symbols
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) || // Variation Selectors
    (code >= 0xFE20 && code <= 0xFE2F) || // Combining Half Marks
    (code >= 0xE0100 && code <= 0xE01EF); // Variation Selectors
}

module.exports = {
  getStringWidth,
  stripVTControlCharacters,
  isZeroWidthCodePoint,
};
