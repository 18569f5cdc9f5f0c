// TextDecoder replaces invalid UTF-8 with U+FFFD by default; with fatal: true it throws a TypeError (ERR_ENCODING_INVALID_ENCODED_DATA).
const bad = new Uint8Array([0x61, 0xff, 0x62]);
console.log(JSON.stringify(new TextDecoder().decode(bad)));
const fatal = new TextDecoder('utf-8', { fatal: true });
console.log('fatal:', fatal.fatal);
try {
  fatal.decode(bad);
} catch (e) {
  console.log(e.name, e.code);
}
console.log(fatal.decode(new Uint8Array([0xe2, 0x82, 0xac])));
