// TextDecoder: U+FFFD replacement or fatal TypeError, BOM stripping and ignoreBOM, label normalisation, utf-16le, and { stream: true } across chunks.
{
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
}
{
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
  console.log(JSON.stringify(new TextDecoder().decode(withBom)));
  console.log(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(withBom)));
  console.log(new TextDecoder().ignoreBOM, new TextDecoder('utf-8', { ignoreBOM: true }).ignoreBOM);
  for (const label of ['utf8', 'UTF-8', ' unicode-1-1-utf-8 ', 'utf-16le']) {
    console.log(JSON.stringify(label), '->', new TextDecoder(label).encoding);
  }
  console.log(new TextDecoder('utf-16le').decode(new Uint8Array([0x68, 0, 0x69, 0])));
  try { new TextDecoder('no-such-encoding'); } catch (e) { console.log(e.name, e.code); }
}
{
  const bytes = Buffer.from('€😀', 'utf8');
  const d = new TextDecoder();
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    out += d.decode(bytes.subarray(i, i + 1), { stream: true });
  }
  out += d.decode();
  console.log(out, out === '€😀');
  const d2 = new TextDecoder();
  console.log(JSON.stringify(d2.decode(bytes.subarray(0, 2), { stream: true })), JSON.stringify(d2.decode()));
  console.log('without stream:', JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 2))));
  const ab = new TextEncoder().encode('from ArrayBuffer').buffer;
  console.log(new TextDecoder().decode(ab), '|', new TextDecoder().decode(new DataView(ab, 5, 11)));
}
