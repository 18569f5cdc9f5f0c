// TextDecoder strips a leading UTF-8 BOM unless ignoreBOM is set; encoding labels are normalised.
const withBom = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
console.log(JSON.stringify(new TextDecoder().decode(withBom)));
console.log(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(withBom)));
console.log(new TextDecoder().ignoreBOM, new TextDecoder('utf-8', { ignoreBOM: true }).ignoreBOM);
for (const label of ['utf8', 'UTF-8', ' unicode-1-1-utf-8 ', 'utf-16le']) {
  console.log(JSON.stringify(label), '->', new TextDecoder(label).encoding);
}
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([0x68, 0, 0x69, 0])));
try { new TextDecoder('no-such-encoding'); } catch (e) { console.log(e.name, e.code); }
