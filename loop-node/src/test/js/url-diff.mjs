// Differential test: loopd's lib/url.js and lib/internal/url.js (WHATWG URL, URLSearchParams,
// the legacy url API) vs node's own URL, URLSearchParams and node:url.
// Run: node loop-node/src/test/js/url-diff.mjs   (DIFF_SHOW=n shows more failures)
//
// Inputs are WPT-style cases (urltestdata / setters_tests as remembered, not copied), our own
// tables, and a seeded fuzzer that assembles URLs from pieces known to hit parser corners.
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { loadBuiltin } from './harness.mjs';
import { Suite, rng } from './diff-util.mjs';

const nodeUrl = createRequire(import.meta.url)('node:url');
const url = loadBuiltin('url');
const loopdInspect = loadBuiltin('util').inspect;
const S = new Suite('url');
const rand = rng(0x5EED0);
const ri = (n) => Math.floor(rand() * n);
const pick = (a) => a[ri(a.length)];

const M = { URL: url.URL, URLSearchParams: url.URLSearchParams, url };
const N = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams, url: nodeUrl };

function both(label, f) {
  return S.check(label, () => f(M), () => f(N));
}

const COMPONENTS = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
  'port', 'pathname', 'search', 'hash'];

function snapshot(u) {
  const o = {};
  for (const k of COMPONENTS) o[k] = u[k];
  o.params = [...u.searchParams];
  o.json = u.toJSON();
  o.string = String(u);
  return o;
}

function errorShape(e) {
  return { name: e.name, code: e.code, message: e.message, input: e.input, base: e.base,
    isTypeError: e instanceof TypeError, string: String(e), head: String(e.stack).split('\n')[0],
    keys: Object.keys(e) };
}

function parseCase(X, input, base) {
  try {
    return snapshot(base === undefined ? new X.URL(input) : new X.URL(input, base));
  } catch (e) {
    return { error: errorShape(e) };
  }
}

function checkParse(input, base) {
  const label = `new URL(${JSON.stringify(input)}${base === undefined ? '' : ', ' + JSON.stringify(base)})`;
  S.report(label, parseCase(M, input, base), parseCase(N, input, base));
  // Node's own URL.canParse is not the reference: once V8 optimizes it into a fast API call it
  // reads Latin-1 strings as UTF-8 (URL.canParse('http://h\u00e9t/') turns false).
  S.report(`canParse ${label}`, M.URL.canParse(input, base), !('error' in parseCase(N, input, base)));
}

// ---------------------------------------------------------------------------
// Parsing: WPT-style cases (input, base)

const B1 = 'http://example.org/foo/bar';
const wpt = [
  ['http://example\t.\norg', B1], ['http://user:pass@foo:21/bar;par?b#c', B1],
  ['https://test:@test', undefined], ['https://:@test', undefined],
  ['non-special://test:@test/x', undefined], ['non-special://:@test/x', undefined],
  ['http:foo.com', B1], ['\t   :foo.com   \n', B1], [' foo.com  ', B1], ['a:\t foo.com', B1],
  ['http://f:21/ b ? d # e ', B1], ['lolscheme:x x#x x', undefined], ['http://f:/c', B1],
  ['http://f:0/c', B1], ['http://f:00000000000000/c', B1], ['http://f:00000000000000000000080/c', B1],
  ['http://f:b/c', B1], ['http://f: /c', B1], ['http://f:\n/c', B1], ['http://f:fifty-two/c', B1],
  ['http://f:999999/c', B1], ['non-special://f:999999/c', B1], ['http://f: 21 / b ? d # e ', B1],
  ['', B1], ['  \t', B1], [':foo.com/', B1], [':foo.com\\', B1], [':', B1], [':a', B1], [':/', B1],
  [':\\', B1], [':#', B1], ['#', B1], ['#/', B1], ['#\\', B1], ['#;?', B1], ['?', B1], ['/', B1],
  [':23', B1], ['/:23', B1], ['\\x', B1], ['\\\\x\\hello', B1], ['::', B1], ['::23', B1],
  ['foo://', B1], ['http://a:b@c:29/d', B1], ['http::@c:29', B1], ['http://&a:foo(b]c@d:2/', B1],
  ['http://::@c@d:2', B1], ['http://foo.com:b@d/', B1], ['http://foo.com/\\@', B1],
  ['http:\\\\foo.com\\', B1], ['http:\\\\a\\b:c\\d@foo.com\\', B1], ['foo:/', B1],
  ['foo:/bar.com/', B1], ['foo://///////', B1], ['foo://///////bar.com/', B1], ['foo:////://///', B1],
  ['c:/foo', B1], ['//foo/bar', B1], ['http://foo/path;a??e#f#g', B1], ['http://foo/abcd?efgh?ijkl', B1],
  ['http://foo/abcd#foo?bar', B1], ['[61:24:74]:98', B1], ['http:[61:27]/:foo', B1],
  ['http://[1::2]:3:4', B1], ['http://2001::1', B1], ['http://2001::1]', B1], ['http://2001::1]:80', B1],
  ['http://[2001::1]', B1], ['http://[::127.0.0.1]', B1], ['http://[0:0:0:0:0:0:13.1.68.3]', B1],
  ['http://[2001::1]:80', B1], ['http:/example.com/', B1], ['ftp:/example.com/', B1],
  ['https:/example.com/', B1], ['madeupscheme:/example.com/', B1], ['file:/example.com/', B1],
  ['ftps:/example.com/', B1], ['gopher:/example.com/', B1], ['ws:/example.com/', B1],
  ['wss:/example.com/', B1], ['data:/example.com/', B1], ['javascript:/example.com/', B1],
  ['mailto:/example.com/', B1], ['http:example.com/', B1], ['ftp:example.com/', B1],
  ['https:example.com/', B1], ['madeupscheme:example.com/', B1], ['ftps:example.com/', B1],
  ['gopher:example.com/', B1], ['ws:example.com/', B1], ['wss:example.com/', B1],
  ['data:example.com/', B1], ['javascript:example.com/', B1], ['mailto:example.com/', B1],
  ['/a/b/c', B1], ['/a/ /c', B1], ['/a%2fc', B1], ['/a/%2f/c', B1], ['#β', B1], ['data:text/html,test#test', B1],
  ['tel:1234567890', B1], ['ssh://example.com/foo/bar.git', 'http://example.org/'],
  ['file:c:\\foo\\bar.html', 'file:///tmp/mock/path'], ['  File:c|////foo\\bar.html', 'file:///tmp/mock/path'],
  ['C|/foo/bar', 'file:///tmp/mock/path'], ['/C|\\foo\\bar', 'file:///tmp/mock/path'],
  ['//C|/foo/bar', 'file:///tmp/mock/path'], ['//server/file', 'file:///tmp/mock/path'],
  ['\\\\server\\file', 'file:///tmp/mock/path'], ['/\\server/file', 'file:///tmp/mock/path'],
  ['file:///foo/bar.txt', 'file:///tmp/mock/path'], ['file:///home/me', 'file:///tmp/mock/path'],
  ['//', 'file:///tmp/mock/path'], ['///', 'file:///tmp/mock/path'], ['///test', 'file:///tmp/mock/path'],
  ['file://test', 'file:///tmp/mock/path'], ['file://localhost', 'file:///tmp/mock/path'],
  ['file://localhost/', 'file:///tmp/mock/path'], ['file://localhost/test', 'file:///tmp/mock/path'],
  ['test', 'file:///tmp/mock/path'], ['file:test', 'file:///tmp/mock/path'],
  ['http://example.com/././foo', 'about:blank'], ['http://example.com/./.foo', 'about:blank'],
  ['http://example.com/foo/.', 'about:blank'], ['http://example.com/foo/./', 'about:blank'],
  ['http://example.com/foo/bar/..', 'about:blank'], ['http://example.com/foo/bar/../', 'about:blank'],
  ['http://example.com/foo/..bar', 'about:blank'], ['http://example.com/foo/bar/../ton', 'about:blank'],
  ['http://example.com/foo/bar/../ton/../../a', 'about:blank'], ['http://example.com/foo/../../..', 'about:blank'],
  ['http://example.com/foo/../../../ton', 'about:blank'], ['http://example.com/foo/%2e', 'about:blank'],
  ['http://example.com/foo/%2e%2', 'about:blank'], ['http://example.com/foo/%2e./%2e%2e/.%2e/%2e.bar', 'about:blank'],
  ['http://example.com////../..', 'about:blank'], ['http://example.com/foo/bar//../..', 'about:blank'],
  ['http://example.com/foo/bar//..', 'about:blank'], ['http://example.com/foo', 'about:blank'],
  ['http://example.com/%20foo', 'about:blank'], ['http://example.com/foo%', 'about:blank'],
  ['http://example.com/foo%2', 'about:blank'], ['http://example.com/foo%2zbar', 'about:blank'],
  ['http://example.com/foo%2©zbar', 'about:blank'], ['http://example.com/foo%41%7a', 'about:blank'],
  ['http://example.com/foo\t\u0091%91', 'about:blank'], ['http://example.com/foo%00%51', 'about:blank'],
  ['http://example.com/(%28:%3A%29)', 'about:blank'], ['http://example.com/%3A%3a%3C%3c', 'about:blank'],
  ['http://example.com/foo\tbar', 'about:blank'], ['http://example.com\\\\foo\\\\bar', 'about:blank'],
  ['http://example.com/%7Ffp3>*<%7Ffp3', 'about:blank'], ['http://example.com/@asdf%40', 'about:blank'],
  ['http://example.com/你好你好', 'about:blank'], ['http://example.com/‥/foo', 'about:blank'],
  ['http://example.com/\uFEFF/foo', 'about:blank'], ['http://example.com/\u202E/foo/\u202D/bar', 'about:blank'],
  ['http://www.google.com/foo?bar=baz#', 'about:blank'], ['http://www.google.com/foo?bar=baz# »', 'about:blank'],
  ['data:test# »', 'about:blank'], ['http://www.google.com', 'about:blank'], ['http://192.0x00A80001', 'about:blank'],
  ['http://www/foo%2Ehtml', 'about:blank'], ['http://www/foo/%2E/html', 'about:blank'],
  ['http://user:pass@/', 'about:blank'], ['http://%25DOMAIN:foobar@foodomain.com/', 'about:blank'],
  ['http:\\\\www.google.com\\foo', 'about:blank'], ['http://foo:80/', 'about:blank'], ['http://foo:81/', 'about:blank'],
  ['httpa://foo:80/', 'about:blank'], ['http://foo:-80/', 'about:blank'], ['https://foo:443/', 'about:blank'],
  ['https://foo:80/', 'about:blank'], ['ftp://foo:21/', 'about:blank'], ['ftp://foo:80/', 'about:blank'],
  ['gopher://foo:70/', 'about:blank'], ['gopher://foo:443/', 'about:blank'], ['ws://foo:80/', 'about:blank'],
  ['ws://foo:81/', 'about:blank'], ['ws://foo:443/', 'about:blank'], ['ws://foo:815/', 'about:blank'],
  ['wss://foo:80/', 'about:blank'], ['wss://foo:81/', 'about:blank'], ['wss://foo:443/', 'about:blank'],
  ['wss://foo:815/', 'about:blank'], ['http:@www.example.com', 'about:blank'], ['http:/@www.example.com', 'about:blank'],
  ['http://@www.example.com', 'about:blank'], ['http:a:b@www.example.com', 'about:blank'],
  ['http:/a:b@www.example.com', 'about:blank'], ['http://a:b@www.example.com', 'about:blank'],
  ['http://@pple.com', 'about:blank'], ['http::b@www.example.com', 'about:blank'], ['http:/:b@www.example.com', 'about:blank'],
  ['http://:b@www.example.com', 'about:blank'], ['http:/:@/www.example.com', 'about:blank'],
  ['http://user@/www.example.com', 'about:blank'], ['http:@/www.example.com', 'about:blank'],
  ['http:/@/www.example.com', 'about:blank'], ['http://@/www.example.com', 'about:blank'],
  ['https:@/www.example.com', 'about:blank'], ['http:a:b@/www.example.com', 'about:blank'],
  ['http:/a:b@/www.example.com', 'about:blank'], ['http://a:b@/www.example.com', 'about:blank'],
  ['http::@/www.example.com', 'about:blank'], ['http:a:@www.example.com', 'about:blank'],
  ['http:/a:@www.example.com', 'about:blank'], ['http://a:@www.example.com', 'about:blank'],
  ['http://www.@pple.com', 'about:blank'], ['http:@:www.example.com', 'about:blank'],
  ['http:/@:www.example.com', 'about:blank'], ['http://@:www.example.com', 'about:blank'],
  ['http://:@www.example.com', 'about:blank'], ['/', 'http://www.example.com/test'],
  ['/test.txt', 'http://www.example.com/test'], ['.', 'http://www.example.com/test'],
  ['..', 'http://www.example.com/test'], ['test.txt', 'http://www.example.com/test'],
  ['./test.txt', 'http://www.example.com/test'], ['../test.txt', 'http://www.example.com/test'],
  ['../aaa/test.txt', 'http://www.example.com/test'], ['../../test.txt', 'http://www.example.com/test'],
  ['中/test.txt', 'http://www.example.com/test'], ['http://www.example2.com', 'http://www.example.com/test'],
  ['//www.example2.com', 'http://www.example.com/test'], ['file:...', 'http://www.example.com/test'],
  ['file:..', 'http://www.example.com/test'], ['file:a', 'http://www.example.com/test'],
  ['http://ExAmPlE.CoM', 'http://other.com/'], ['http://example example.com', 'http://other.com/'],
  ['http://Goo%20 goo%7C|.com', 'http://other.com/'], ['http://[]', 'http://other.com/'],
  ['http://[:]', 'http://other.com/'], ['http://GOO\u00a0\u3000goo.com', 'http://other.com/'],
  ['http://GOO\u200b\u2060\ufeffgoo.com', 'http://other.com/'], ['\u0000\u001b\u0004\u0012 http://example.com/\u001f \u000d ', undefined],
  ['https://x/\u0000y', undefined], ['https://x/?\u0000y', undefined], ['https://x/?#\u0000y', undefined],
  ['non-special:x/\u0000y', undefined], ['non-special:x/?\u0000y', undefined], ['non-special:x/?#\u0000y', undefined],
  ['https://�', undefined], ['https://%EF%BF%BD', undefined], ['https://x/\u00ff?\u00ff#\u00ff', undefined],
  ['http://www.foo。bar.com', 'http://other.com/'], ['http://\ufdd0zyx.com', 'http://other.com/'],
  ['http://%ef%b7%90zyx.com', 'http://other.com/'], ['http://Ｇｏ.com', 'http://other.com/'],
  ['http://％４１.com', 'http://other.com/'], ['http://%ef%bc%85%ef%bc%94%ef%bc%91.com', 'http://other.com/'],
  ['http://％００.com', 'http://other.com/'], ['http://%ef%bc%85%ef%bc%90%ef%bc%90.com', 'http://other.com/'],
  ['http://你好你好', 'http://other.com/'], ['https://faß.ExAmPlE/', undefined], ['sc://faß.ExAmPlE/', undefined],
  ['http://%zz%66%a.com', 'http://other.com/'], ['http://%25', 'http://other.com/'], ['http://hello%00', 'http://other.com/'],
  ['http://%30%78%63%30%2e%30%32%35%30.01', 'http://other.com/'], ['http://%30%78%63%30%2e%30%32%35%30.01%2e', 'http://other.com/'],
  ['http://192.168.0.257', 'http://other.com/'], ['http://%3g%78%63%30%2e%30%32%35%30%2E.01', 'http://other.com/'],
  ['http://192.168.0.1 hello', 'http://other.com/'], ['https://x x:12', undefined], ['http://０Ｘｃ０．０２５０．０１', 'http://other.com/'],
  ['http://./', 'about:blank'], ['http://../', 'about:blank'], ['h://.', 'about:blank'],
  ['http://[www.google.com]/', 'about:blank'], ['http://host/?\'', undefined], ['notspecial://host/?\'', undefined],
  ['/some/path', 'http://user@example.org/smth'], ['', 'http://user:pass@example.org:21/smth'],
  ['/some/path', 'http://user:pass@example.org:21/smth'], ['i', 'sc:sd'], ['i', 'sc:sd/sd'], ['i', 'sc:/pa/pa'],
  ['i', 'sc://ho/pa'], ['i', 'sc:///pa/pa'], ['../i', 'sc:sd'], ['../i', 'sc:sd/sd'], ['../i', 'sc:/pa/pa'],
  ['../i', 'sc://ho/pa'], ['../i', 'sc:///pa/pa'], ['/i', 'sc:sd'], ['/i', 'sc:sd/sd'], ['/i', 'sc:/pa/pa'],
  ['/i', 'sc://ho/pa'], ['/i', 'sc:///pa/pa'], ['?i', 'sc:sd'], ['?i', 'sc:sd/sd'], ['?i', 'sc:/pa/pa'],
  ['?i', 'sc://ho/pa'], ['?i', 'sc:///pa/pa'], ['#i', 'sc:sd'], ['#i', 'sc:sd/sd'], ['#i', 'sc:/pa/pa'],
  ['#i', 'sc://ho/pa'], ['#i', 'sc:///pa/pa'], ['about:/../', undefined], ['data:/../', undefined],
  ['javascript:/../', undefined], ['mailto:/../', undefined], ['sc://ñ.test/', undefined], ['sc://%/', undefined],
  ['sc://@/', undefined], ['sc://te@s:t@/', undefined], ['sc://:/', undefined], ['sc://:12/', undefined],
  ['x', 'sc://ñ'], ['sc:\\../', undefined], ['sc::a@example.net', undefined], ['sc:a@example.net', undefined],
  ['sc:/a@example.net', undefined], ['sc:/../a@example.net', undefined], ['sc://\u0000/', undefined],
  ['sc:// /', undefined], ['sc://%/', undefined], ['sc://@/', undefined], ['sc://te@s:t@/', undefined],
  ['sc://\u001f!"$&\'()*+,-.;=_`{}~/', undefined], ['sc://\u0000/', undefined], ['sc://a<b/', undefined],
  ['sc://a>b/', undefined], ['sc://a[b/', undefined], ['sc://a\\b/', undefined], ['sc://a]b/', undefined],
  ['sc://a^b', undefined], ['sc://a|b/', undefined], ['foo://ho\u0009st/', undefined], ['foo://ho\u000Ast/', undefined],
  ['foo://ho\u000Dst/', undefined], ['http://ho\u0009st/', undefined], ['http://!"$&\'()*+,-.;=_`{}~/', undefined],
  ['http://\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F!"$%&\'()*+,-.;=_`{}~/', undefined],
  ['http://a<b', undefined], ['http://a>b', undefined], ['http://a^b', undefined], ['non-special://a<b', undefined],
  ['non-special://a>b', undefined], ['non-special://a^b', undefined], ['foo://ho|st/', undefined],
  ['http://ho%00st/', undefined], ['http://ho%09st/', undefined], ['http://ho%0Ast/', undefined],
  ['http://ho%0Dst/', undefined], ['http://ho%20st/', undefined], ['http://ho%23st/', undefined],
  ['http://ho%25st/', undefined], ['http://ho%2Fst/', undefined], ['http://ho%3Ast/', undefined],
  ['http://ho%3Cst/', undefined], ['http://ho%3Est/', undefined], ['http://ho%3Fst/', undefined],
  ['http://ho%40st/', undefined], ['http://ho%5Bst/', undefined], ['http://ho%5Cst/', undefined],
  ['http://ho%5Dst/', undefined], ['http://ho%7Cst/', undefined], ['http://ho%7Fst/', undefined],
  ['http://\u001F!"$&\'()*+,-.;=_`{}~/', undefined], ['http://example.com/foo/%2e%2E/', undefined],
  ['abc:rootless', 'abc://host/path'], ['abc:rootless', 'abc:/path'], ['abc:rootless', 'abc:path'],
  ['abc:/rooted', 'abc://host/path'], ['http://1.2.3.4/', 'http://other.com/'], ['http://1.2.3.4.5', 'http://other.com/'],
  ['http://1.2.3.4.5.', 'http://other.com/'], ['http://0..0x300/', 'about:blank'], ['http://0..0x300./', 'about:blank'],
  ['http://256.256.256.256.256', 'http://other.com/'], ['http://256.256.256.256.256.', 'http://other.com/'],
  ['http://1.2.3.08', undefined], ['http://1.2.3.08.', undefined], ['http://1.2.3.09', undefined],
  ['http://09.2.3.4', undefined], ['http://09.2.3.4.', undefined], ['http://01.2.3.4.5', undefined],
  ['http://01.2.3.4.5.', undefined], ['http://0x100.2.3.4', undefined], ['http://0x100.2.3.4.', undefined],
  ['http://0x1.2.3.4.5', undefined], ['http://0x1.2.3.4.5.', undefined], ['http://foo.1.2.3.4', undefined],
  ['http://foo.1.2.3.4.', undefined], ['http://foo.2.3.4', undefined], ['http://foo.2.3.4.', undefined],
  ['http://foo.09', undefined], ['http://foo.09.', undefined], ['http://foo.0x4', undefined],
  ['http://foo.0x4.', undefined], ['http://foo.09..', undefined], ['http://0999999999999999999/', undefined],
  ['http://foo.0x', undefined], ['http://foo.0XFfFfFfFfFfFfFfFfFfAcE123', undefined], ['http://💩.123/', undefined],
  ['https://\u0000y', undefined], ['https://x/\u0000y', undefined], ['https://\u00ady/', undefined],
  ['https://x/\u00ady', undefined], ['https://xn--/', undefined], ['https://xn--ls8h/', undefined],
  ['https://xn--ls8h.xn--/', undefined], ['https://a.b.xn--/', undefined], ['http://[::1.2.3.]', undefined],
  ['http://[::1.2.]', undefined], ['http://[::.1.2]', undefined], ['http://[::1.]', undefined], ['http://[::.1]', undefined],
  ['http://[::%31]', undefined], ['http://%5B::1]', undefined], ['http://[1:0::]', undefined],
  ['http://[0:1:2:3:4:5:6:7:8]', undefined], ['https://[0::0::0]', undefined], ['https://[0:.0]', undefined],
  ['https://[0:0:]', undefined], ['https://[0:1:2:3:4:5:6:7.0.0.0.1]', undefined], ['https://[0:1.00.0.0.0]', undefined],
  ['https://[0:1.290.0.0.0]', undefined], ['https://[0:1.23.23]', undefined], ['http://?', undefined],
  ['http://#', undefined], ['http://f:4294967377/c', B1], ['http://f:18446744073709551697/c', B1],
  ['http://f:340282366920938463463374607431768211537/c', B1], ['non-special://[1:2:0:0:5:0:0:0]/', undefined],
  ['non-special://[1:2:0:0:0:0:0:3]/', undefined], ['non-special://[1:2::3]:80/', undefined],
  ['non-special://[:80/', undefined], ['blob:https://example.com:443/', undefined],
  ['blob:d3958f5c-0777-0845-9dcf-2cb28783acaf', undefined], ['blob:', undefined], ['blob:blob:', undefined],
  ['blob:blob:https://example.org/', undefined], ['blob:about:blank', undefined], ['blob:file://host/path', undefined],
  ['blob:ftp://host/path', undefined], ['blob:ws://example.org/', undefined], ['blob:wss://example.org/', undefined],
  ['blob:http%3a//example.org/', undefined], ['http://0x7f.0.0.0x7g', undefined], ['http://0X7F.0.0.0X7G', undefined],
  ['http://[::127.0.0.0.1]', undefined], ['http://[0:1:0:1:0:1:0:1]', undefined], ['http://[1:0:1:0:1:0:1:0]', undefined],
  ['http://example.org/test?"', undefined], ['http://example.org/test?#', undefined], ['http://example.org/test?<', undefined],
  ['http://example.org/test?>', undefined], ['http://example.org/test?⌣', undefined], ['http://example.org/test?%23%23', undefined],
  ['http://example.org/test?%GH', undefined], ['http://example.org/test?a#%EF', undefined], ['http://example.org/test?a#%GH', undefined],
  ['a', undefined], ['a/', undefined], ['a//', undefined], ['test-a-colon.html', 'a:'], ['test-a-colon-b.html', 'a:b'],
  ['test-a-colon-slash.html', 'a:/'], ['test-a-colon-slash-slash.html', 'a://'], ['test-a-colon-slash-b.html', 'a:/b'],
  ['test-a-colon-slash-slash-b.html', 'a://b'], ['http://example.org/test?a#b\u0000c', undefined],
  ['non-spec://example.org/test?a#b\u0000c', undefined], ['non-spec:/test?a#b\u0000c', undefined],
  ['10.0.0.7:8080/foo.html', 'file:///some/dir/bar.html'], ['a!@$*=/foo.html', 'file:///some/dir/bar.html'],
  ['a1234567890-+.:foo/bar', 'http://example.com/dir/file'], ['file://a\u00ADb/p', undefined], ['file://a%C2%ADb/p', undefined],
  ['file://\u00AD/p', undefined], ['file://%C2%AD/p', undefined], ['file://xn--/p', undefined], ['#link', 'https://example.org/##link'],
  ['non-special:cannot-be-a-base-url-\u0000\u0001\u001F\u001E\u007E\u007F\u0080', undefined],
  ['https://www.example.com/path{\u007Fpath.html?query\'\u007F=query#fragment<\u007Ffragment', undefined],
  ['https://user:pass[\u007F@foo/bar', 'http://example.org'], ['https://fo\u0080o/bar', undefined],
  ['ftp://example.com%80/', undefined], ['ftp://example.com%A0/', undefined], ['https://example.com%80/', undefined],
  ['https://example.com%A0/', undefined], ['ftp://%e2%98%83', undefined], ['https://%e2%98%83', undefined],
  ['http://127.0.0.1:10100/relative_import.html', undefined], ['http://facebook.com/?foo=%7B%22abc%22', undefined],
  ['https://localhost:3000/jqueryui@1.2.3', undefined], ['h\tt\nt\rp://h\to\ns\rt:9\t0\n0\r0/p\ta\nt\rh?q\tu\ne\rry#f\tr\na\rg', undefined],
  ['?a=b&c=d', 'http://example.org/foo/bar'], ['??a=b&c=d', 'http://example.org/foo/bar'], ['http:', 'http://example.org/foo/bar'],
  ['http:', 'https://example.org/foo/bar'], ['sc:', 'https://example.org/foo/bar'], ['http://foo.bar/baz?qux#foo\bbar', undefined],
  ['http://foo.bar/baz?qux#foo"bar', undefined], ['http://foo.bar/baz?qux#foo<bar', undefined], ['http://foo.bar/baz?qux#foo>bar', undefined],
  ['http://foo.bar/baz?qux#foo`bar', undefined], ['http://1.2.3.4/', 'http://other.com/'], ['http://1.2.3.4./', 'http://other.com/'],
  ['http://192.168.257', 'http://other.com/'], ['http://192.168.257.', 'http://other.com/'], ['http://192.168.257.com', 'http://other.com/'],
  ['http://256', 'http://other.com/'], ['http://256.com', 'http://other.com/'], ['http://999999999', 'http://other.com/'],
  ['http://999999999.', 'http://other.com/'], ['http://999999999.com', 'http://other.com/'], ['http://10000000000', 'http://other.com/'],
  ['http://10000000000.com', 'http://other.com/'], ['http://4294967295', 'http://other.com/'], ['http://4294967296', 'http://other.com/'],
  ['http://0xffffffff', 'http://other.com/'], ['http://0xffffffff1', 'http://other.com/'], ['http://256.256.256.256', 'http://other.com/'],
  ['https://0x.0x.0', undefined], ['https://0x100000000/test', undefined], ['https://256.0.0.1/test', undefined],
  ['file:///C%3A/', undefined], ['file:///C%7C/', undefined], ['file://%43%3A', undefined], ['file://%43%7C', undefined],
  ['file://%43|', undefined], ['file://C%7C', undefined], ['file://%43%7C/', undefined], ['https://%43%7C/', undefined],
  ['asdf://%43|/', undefined], ['asdf://%43%7C/', undefined], ['pix/submit.gif', 'file:///C:/Users/Domenic/Dropbox/GitHub/tmpvar/jsdom/test/level2/html/files/anchor.html'],
  ['..', 'file:///C:/'], ['..', 'file:///'], ['/', 'file:///C:/a/b'], ['/', 'file://h/C:/a/b'], ['/', 'file://h/a/b'],
  ['//d:', 'file:///C:/a/b'], ['//d:/..', 'file:///C:/a/b'], ['..', 'file:///ab:/'], ['..', 'file:///1:/'],
  ['', 'file:///test?test#test'], ['file:', 'file:///test?test#test'], ['?x', 'file:///test?test#test'],
  ['file:?x', 'file:///test?test#test'], ['#x', 'file:///test?test#test'], ['file:#x', 'file:///test?test#test'],
  ['file:\\\\//', undefined], ['file:\\\\\\\\', undefined], ['file:\\\\\\\\?fox', undefined], ['file:\\\\\\\\#guppy', undefined],
  ['file://spider///', undefined], ['file:\\\\localhost//', undefined], ['file:///localhost//cat', undefined],
  ['file://\\/localhost//cat', undefined], ['file://localhost//a//../..//', undefined], ['/////mouse', 'file:///elephant'],
  ['\\//pig', 'file://lion/'], ['\\/localhost//pig', 'file://lion/'], ['//localhost//pig', 'file://lion/'],
  ['/..//localhost//pig', 'file://lion/'], ['file://', 'file://ape/'], ['/rooibos', 'file://tea/'], ['/?chai', 'file://tea/'],
  ['C|', 'file://host/dir/file'], ['C|', 'file://host/D:/dir1/dir2/file'], ['C|#', 'file://host/dir/file'],
  ['C|?', 'file://host/dir/file'], ['C|/', 'file://host/dir/file'], ['C|\n/', 'file://host/dir/file'],
  ['C|\\', 'file://host/dir/file'], ['C', 'file://host/dir/file'], ['C|a', 'file://host/dir/file'],
  ['/c:/foo/bar', 'file:///c:/baz/qux'], ['/c|/foo/bar', 'file:///c:/baz/qux'], ['file:\\c:\\foo\\bar', 'file:///c:/baz/qux'],
  ['/c:/foo/bar', 'file://host/path'], ['file://example.net/C:/', undefined], ['file://1.2.3.4/C:/', undefined],
  ['file://[1::8]/C:/', undefined], ['C|/', 'file://host/'], ['/C:/', 'file://host/'], ['file:C:/', 'file://host/'],
  ['file:/C:/', 'file://host/'], ['//C:/', 'file://host/'], ['file://C:/', 'file://host/'], ['///C:/', 'file://host/'],
  ['file:///C:/', 'file://host/'], ['file:/C|/', undefined], ['file://C|/', undefined], ['file:', undefined], ['file:?q=v', undefined],
  ['file:#frag', undefined], ['file:///Y:', undefined], ['file:///Y:/', undefined], ['file:///./Y', undefined],
  ['file:///./Y:', undefined], ['\\\\\\.\\Y:', undefined], ['file:///y:', undefined], ['file:///./y:', undefined],
  ['\\\\\\.\\y:', undefined], ['file://localhost//a//../..//foo', undefined], ['file://localhost////foo', undefined],
  ['file:////foo', undefined], ['file:///one/two', 'file:///'], ['file:////one/two', 'file:///'], ['//one/two', 'file:///'],
  ['///one/two', 'file:///'], ['////one/two', 'file:///'], ['file:///.//', 'file:////'], ['file:.//p', undefined],
  ['file:/.//p', undefined], ['http://[1:0::]', 'http://example.net/'], ['http://[0:1:2:3:4:5:6:7:8]', 'http://example.net/'],
  ['https://[0::0::0]', undefined], ['https://[0:.0]', undefined], ['https://[0:0:]', undefined],
  ['https://[0:1:2:3:4:5:6:7.0.0.0.1]', undefined], ['https://[0:1.00.0.0.0]', undefined], ['https://[0:1.290.0.0.0]', undefined],
  ['https://[0:1.23.23]', undefined], ['http://?', undefined], ['http://#', undefined], ['http://f:4294967377/c', B1],
  ['sc://ñ', undefined], ['sc://ñ?x', undefined], ['sc://ñ#x', undefined], ['#x', 'sc://ñ'], ['?x', 'sc://ñ'],
  ['sc://?', undefined], ['sc://#', undefined], ['///', 'sc://x/'], ['////', 'sc://x/'], ['////x/', 'sc://x/'],
  ['tftp://foobar.com/someconfig;mode=netascii', undefined], ['telnet://user:pass@foobar.com:23/', undefined],
  ['ut2004://10.10.10.10:7777/Index.ut2', undefined], ['redis://foo:bar@somehost:6379/0?baz=bam&qux=baz', undefined],
  ['rsync://foo@host:911/sup', undefined], ['git://github.com/foo/bar.git', undefined], ['irc://myserver.com:6999/channel?passwd', undefined],
  ['dns://fw.example.org:9999/foo.bar.org?type=TXT', undefined], ['ldap://localhost:389/ou=People,o=JNDITutorial', undefined],
  ['git+https://github.com/foo/bar', undefined], ['urn:ietf:rfc:2648', undefined], ['tag:joe@example.org,2001:foo/bar', undefined],
  ['non-spec:/.//', undefined], ['non-spec:/..//', undefined], ['non-spec:/a/..//', undefined], ['non-spec:/.//path', undefined],
  ['non-spec:/..//path', undefined], ['non-spec:/a/..//path', undefined], ['/.//path', 'non-spec:/p'], ['/..//path', 'non-spec:/p'],
  ['..//path', 'non-spec:/p'], ['a/..//path', 'non-spec:/p'], ['', 'non-spec:/..//p'], ['path', 'non-spec:/..//p'],
  ['../path', 'non-spec:/.//p'], ['non-special://%E2%80%A0/', undefined], ['non-special://H%4fSt/path', undefined],
  ['non-special://[1:2:0:0:5:0:0:0]/', undefined], ['http://[::1]:12', undefined], ['http://[1::2]:3', undefined],
  ['javascript:/../', undefined], ['javascript:alert(1)', undefined], ['data:,hello', undefined], ['about:blank', undefined],
  ['about:srcdoc', undefined], ['mailto:you@example.net', undefined], ['http://example.com/"quoted"', undefined],
  ['http://www.example.com/?q=𝕃𝕆𝕍𝔼', undefined], ['http://example.org/ab?c=d?e', undefined], ['wss://example.com/?x=\u{1F600}', undefined],
  ['http://a.b.c.d.e.f.g.h.i.j.k/', undefined], ['https://a.example/\uD800', undefined], ['https://a.example/?\uDBFF', undefined],
  ['https://a.example/#\uDC00', undefined], ['https://\uD800.example/', undefined], ['sc:\uD83D\uDE00', undefined],
];
for (const [input, base] of wpt) checkParse(input, base);

// Our own: relative resolution against assorted bases.
const bases = ['http://a/b/c/d;p?q', 'https://user:pw@h.example:8443/dir/file.ext?x=1#f', 'file:///home/u/doc.txt',
  'file://server/share/x', 'sc://host/a/b', 'sc:/a/b', 'sc:opaque', 'mailto:x@y.org', 'ws://h/', 'http://[::1]/x'];
const refs = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '',
  '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '../../../../g', '/./g', '/../g',
  'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x',
  'g#s/./x', 'g#s/../x', 'http:g', 'http:/g', 'https:g', '\\g', '\\\\g\\h', '%2e%2e/g', '.%2E/g', 'C:/x',
  'C|', '/C:/', 'x#f', '../x#f', '#', '?', '//[::1]:8/x', '//u:p@h2/', '///x', 'ftp:x', 'sc:x', 'file:x', 'file:/x',
  'file://h/x', ' \t g \n', 'g\u00e9', '%41', 'g%zz', 'ג'];
for (const b of bases) for (const r of refs) checkParse(r, b);

// Hosts: IPv4 (decimal, octal, hex, partial), IPv6 (compression, embedded IPv4), IDNA.
const hosts = ['0', '0.0.0.0', '127.1', '127.0.1', '0x7f000001', '017700000001', '0x7F.1', '0300.0250.0.1',
  '192.0x00A80001', '4294967295', '4294967296', '0.0.0.256', '1.2.3.4.', '1.2.3.4..', '1..2', '0x', '0x.0x', '00x',
  '08', '0x0g', '1.2.3.0x100', '255.255.255.255', '255.255.255.0xff', '1.0xffffff', '1.2.0xffff', '1.2.3.4.5',
  '[::]', '[::1]', '[1::]', '[1:2:3:4:5:6:7:8]', '[1:0:0:2::3:0]', '[1::2:0:0:3]', '[0:0:1:0:0:1:0:0]',
  '[ffff::]', '[FFFF:0:0:0:0:0:0:1]', '[::ffff:192.168.1.1]', '[::192.168.1.1]', '[1:2:3:4:5:6:1.2.3.4]',
  '[1:2:3:4:5:6:7:1.2.3.4]', '[::1:2:3:4:5:6:7]', '[::1:2:3:4:5:6:7:8]', '[1:::2]', '[:1]', '[1:]', '[12345::]',
  '[::1.2.3.04]', '[::1.2.3.256]', '[::1.2.3]', '[g::]', '[::1]x', '[::1', 'Example.COM', 'exa%4Dple.com',
  'example.com.', '.example.com', 'a..b', 'ß.de', 'faß.de', 'FAẞ.de', 'ÄÖÜ.de', 'münchen.de', 'xn--mnchen-3ya.de',
  'XN--MNCHEN-3YA.DE', 'xn--ls8h', '💩.la', 'ｅｘａｍｐｌｅ．ｃｏｍ', 'a\u3002b\uff0ec\uff61d', '日本語.jp', 'пример.рф',
  'παράδειγμα.δοκιμή', 'σ.ς', 'ΣΑΣ.gr', 'مثال.إختبار', 'עברית.il', 'aא', 'אa', 'א1', '1א', 'ا\u200cب', 'क्\u200dष',
  'a\u200db', 'a\u00adb', 'a\u200bb', 'a\ufeffb', 'a\u0301', '\u0301a', 'xn--', 'xn--a', 'xn--zz', 'xn--abc-', 'xn---',
  'xn--nxasmq6b', 'xn--ls8h.xn--ls8h', 'a.xn--ls8h.', 'ⓐⓑ.com', '①.com', '⒈.com', 'a‥b', 'ǅ.com', 'ǰ.com',
  'ﬀ.com', 'K.com', 'ı.com', 'İ.com', 'ꭰ.com', 'Ꭰ.com', 'ᾈ.com', 'ϲ.com', 'x\u180eb', 'x\u206bb', 'a\u00a0b',
  'a\u3000b', 'a%20b', 'a%2Eb', 'a%2e', '%30', '%30.%31', 'a%zzb', 'a%', 'a%C3%A9', 'a%C3', 'a%FF', 'a\u007fb',
  'a_b', 'a-b', '-a', 'a-', 'a*b', 'a!b', 'a$b', 'a&b', "a'b", 'a(b)', 'a+b', 'a,b', 'a;b', 'a=b', 'a`b',
  'a{b}', 'a~b', 'a"b'];
for (const h of hosts) {
  checkParse(`http://${h}/p`);
  checkParse(`sc://${h}/p`);
  checkParse(`file://${h}/p`);
  both(`domainToASCII ${JSON.stringify(h)}`, (X) => X.url.domainToASCII(h));
  both(`domainToUnicode ${JSON.stringify(h)}`, (X) => X.url.domainToUnicode(h));
}

// Every code point class in every component (percent-encode sets).
const classes = [];
for (let c = 0; c < 0x80; c++) classes.push(String.fromCharCode(c));
classes.push('\u0080', '\u00a0', '\u00e9', '\u07ff', '\u0800', '\u2028', '\ud7ff', '\ue000', '\ufeff', '\ufffd',
  '\uffff', '\u{10000}', '\u{1f600}', '\u{10ffff}', '\ud800', '\udc00', '\udbff\udfff');
for (const ch of classes) {
  const e = JSON.stringify(ch);
  checkParse(`http://u${ch}s:p${ch}w@h/pa${ch}th?q${ch}y#f${ch}g`);
  checkParse(`sc://u${ch}s:p${ch}w@h/pa${ch}th?q${ch}y#f${ch}g`);
  checkParse(`sc:op${ch}aque?q${ch}#f${ch}`);
  checkParse(`sc://h${ch}t/`);
  checkParse(`http://h${ch}t/`);
  checkParse(`file:///p${ch}/x`);
  both(`params ${e}`, (X) => {
    const p = new X.URLSearchParams(`a${ch}b=c${ch}d&${ch}=${ch}`);
    p.append(`k${ch}`, `v${ch}`);
    return [p.toString(), [...p]];
  });
}

// Fuzz: URLs assembled from corner-case pieces, with and without bases.
const schemes = ['http:', 'https:', 'HTTP:', 'ws:', 'wss:', 'ftp:', 'file:', 'sc:', 'foo+bar.1-x:', 'blob:', 'data:',
  'javascript:', 'mailto:', '', '', ''];
const slashes = ['//', '/', '', '\\\\', '///', '/\\', '\\', '////'];
const auths = ['', '', 'user@', 'user:pass@', ':pass@', 'u:p:q@', '@', 'a@b@', 'us%40er@', 'u s@', '@@'];
const fhosts = ['example.com', 'EXAMPLE.com', '127.0.0.1', '0x7f.1', '[::1]', '[1:2::3]', 'xn--ls8h', 'ñ.com',
  'h', '', '.', '..', 'a b', 'a%41', '%', 'localhost', 'C:', 'c|', '999999999999', '1.2.3.4.5', '[', ']', 'xn--a'];
const ports = ['', '', ':', ':80', ':443', ':0', ':65535', ':65536', ':8080', ':08', ':x', ':1:2', ': 1'];
const paths = ['', '/', '/a/b', '/a/../b', '/./x', '/..', '/%2e%2E/x', '/a//b', '/a\\b', '/ä', '/a b', '/a?', '/C:/x',
  '/C|/x', '/a/.%2e/b', 'rel/x', '/a;b=c', '/%', '/%zz', '/{}|^`"<>'];
const queries = ['', '', '?', '?a=1', '?a=1&b=2&a=3', '?a b', "?'", '?%', '?ä=ö', '??', '?a=1#', '?+%20+'];
const frags = ['', '', '#', '#f', '#f g', '#ä', '#a#b', '#%', '#`'];
const fuzzBases = [undefined, undefined, 'http://base.example/dir/file?q#h', 'file:///C:/dir/file', 'sc://b/dir/x',
  'sc:opaque', 'about:blank', 'http://[::1]:81/'];
for (let t = 0; t < 6000; t++) {
  let s = pick(schemes) + pick(slashes) + pick(auths) + pick(fhosts) + pick(ports) + pick(paths) +
    pick(queries) + pick(frags);
  if (ri(10) === 0) s = ' \t' + s + '\n ';
  checkParse(s, pick(fuzzBases));
}

// ---------------------------------------------------------------------------
// Setters

const setterHrefs = ['http://user:pass@example.com:8080/p/a/t/h?query=1#hash', 'https://example.com/',
  'http://example.net/path', 'file:///home/x', 'file://host/share/x', 'file://localhost/', 'sc://u:p@h:1/p?q#f',
  'sc://h/', 'sc:/p/q', 'sc:opaque', 'sc:opaque with spaces  ', 'mailto:me@example.net', 'data:text/plain,hi',
  'javascript:alert(1)', 'ws://h:81/', 'non-spec:/.//p', 'http://[::1]:3000/x', 'foo://path/to', 'sc:///x'];
const setterValues = {
  protocol: ['https', 'http:', 'HTTPS', 'ws', 'file', 'ftp', 'sc', 'b', 'a:b', 'https:foo', 'ht tp', '1http', '',
    'http+x', 'javascript', 'mailto', 'file:', ' https', 'https\n', 'gopher', 'wss:'],
  username: ['', 'me', 'me you', 'a:b', 'a@b', '\u0000\u0001\t\n\r\u001f !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u007f\u0080\u0081Éé',
    '%c3%89té', 'ü', '\ud800'],
  password: ['', 'secret', 'se cret', 'a:b', 'a@b', '\u0000\u0001\t\n\r\u001f !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u007f\u0080\u0081Éé',
    '%c3%89té', '😀'],
  host: ['', 'example.com', 'EXAMPLE.org:8181', 'example.com:65536', 'example.com:0', 'example.com:', 'example.com:80',
    'example.com:443', 'example.com:8080stuff', 'a:1:2', '[::1]:99', '[::1', '::1', 'a/b', 'a?b', 'a#b', 'a\\b', 'a b',
    'ex%41mple:77', '%', ':80', 'x@y', '\u0000', 'localhost', '0x7f.1:9', 'ñ.com', 'xn--ls8h', 'example.com\t:8\n0',
    'a.b.c.0x', '..', 'example.com/path', 'h:\t8\n9'],
  hostname: ['', 'example.com', 'EXAMPLE.org', 'x:1', '[::1]', '[::1]:2', 'a/b', 'a?b', 'a#b', 'a\\b', 'a b', '%41.com',
    '%', 'localhost', 'ñ', '0x7f.0.0.1', '1.2.3', 'a\u00adb', 'xn--', '\t\n'],
  port: ['', '8080', '80', '443', '21', '0', '65535', '65536', '-1', '+1', ' 1', '1a', 'a1', 'abc', '08', '\t', '\n\n\t\t',
    '1\t2', '99999999999999999999', '1/2', '1?2', '1#2', '1\\2', '12:34', '\u0661'],
  pathname: ['', '/', 'a', '/a/b', '../x', '/..', '..', '.', '/./x', '//x', '\\a\\b', '/a b', '/ä', '?', '#', '/%2e%2e',
    '/a/%2e./b', '/C:/x', 'C|', '/%', '/{}`"<>^|', 'x\ty\nz'],
  search: ['', '?', '??', 'a=1', '?a=1&b=2', 'a b', "'", '#', 'ä', '%', '?a=1#frag', '\ud800', 'a\tb'],
  hash: ['', '#', '##', 'f', '#f g', 'ä', '%', '`', '"<>', 'a#b', '\u0000\t\n', '\ud800'],
  href: ['http://new.example/', 'sc:x', '', 'not a url', '/relative', 'https://u:p@h:1/p?q#f', 'file:///C:/x'],
};
for (const href of setterHrefs) {
  for (const [setter, values] of Object.entries(setterValues)) {
    for (const v of values) {
      both(`set ${setter}=${JSON.stringify(v)} on ${href}`, (X) => {
        const u = new X.URL(href);
        u[setter] = v;
        return snapshot(u);
      });
    }
  }
}
// Setter argument conversion.
both('setters convert', (X) => {
  const u = new X.URL('http://h/');
  u.pathname = 123;
  u.search = { toString: () => 'x=1' };
  u.hash = null;
  u.port = 81.5;
  return snapshot(u);
});

// ---------------------------------------------------------------------------
// searchParams <-> URL, both ways

const mutations = [
  (p) => p.append('a', 'b'), (p) => p.append('sp ace', 'plus+'), (p) => p.append('é', '€'),
  (p) => p.delete('a'), (p) => p.delete('a', 'b'), (p) => p.set('x', '1'), (p) => p.set('a', ''),
  (p) => p.sort(), (p) => p.append('', ''), (p) => p.delete('x'), (p) => p.append('=&?#', '=&?#'),
  (p) => p.set('q', '"\'<>'), (p) => p.delete('nope'),
];
const urlMutations = [
  (u) => { u.search = '?z=26&a=1'; }, (u) => { u.search = ''; }, (u) => { u.href = 'http://other/?m=n#h'; },
  (u) => { u.hash = 'frag'; }, (u) => { u.search = '?'; }, (u) => { u.search = 'a=%zz'; },
  (u) => { u.pathname = '/np'; },
];
for (const start of ['http://h/p?a=b&c=d#f', 'http://h/', 'sc:opaque  ?a=1', 'sc:op  #f', 'file:///x?a=1&a=2',
  'http://h/?a=1&&b=&=c&d', 'http://h/?a+b=c%20d&%zz=%']) {
  for (let t = 0; t < 40; t++) {
    const seq = [];
    for (let k = 0; k < 6; k++) seq.push(ri(3) === 0 ? ['u', ri(urlMutations.length)] : ['p', ri(mutations.length)]);
    both(`searchParams ${start} ${JSON.stringify(seq)}`, (X) => {
      const u = new X.URL(start);
      const p = u.searchParams;
      const out = [];
      for (const [kind, i] of seq) {
        if (kind === 'p') mutations[i](p);
        else urlMutations[i](u);
        out.push(u.href, u.search, u.pathname, p.toString(), p.size, u.searchParams === p);
      }
      return out;
    });
  }
}
both('searchParams identity', (X) => { const u = new X.URL('http://h/?a=1'); return u.searchParams === u.searchParams; });
both('searchParams iteration while mutating url', (X) => {
  const u = new X.URL('http://h/?a=1&b=2&c=3');
  const seen = [];
  u.searchParams.forEach((v, k) => { seen.push(k, v); if (k === 'a') u.search = '?x=9&y=8&z=7'; });
  return seen;
});

// ---------------------------------------------------------------------------
// URLSearchParams

const qsInputs = ['', '?', '??a', 'a', 'a=', '=a', '=', '&', '&&', 'a=1&b=2', 'a=1&a=2&a=3', 'a+b=c+d', 'a%20b=c%2Bd',
  '%', '%2', '%zz', '%41%42', '%C3%A9', '%C3', '%FF%FE', '%E2%82', 'é=ü', 'é%41%zz', '€%zz', 'a=b=c', 'a==b', ';a=b',
  'a=1;b=2', '%00=%00', 'a\u0000b', '\ud800=\udc00', '?a=1', ' a = b ', 'a=%2', 'a=%%41', 'q=%F0%9F%98%80',
  '%F0%9F%98', 'x=%ED%A0%80'];
for (const q of qsInputs) {
  both(`URLSearchParams(${JSON.stringify(q)})`, (X) => {
    const p = new X.URLSearchParams(q);
    return [[...p], p.toString(), p.size];
  });
}
const initValues = () => [
  [['a', '1'], ['b', '2']], [['a', 1], [2, null], [undefined, true]], [], [[]], [['a']], [['a', 'b', 'c']],
  { a: '1', b: 2, c: null }, {}, { '\ud800': '\udc00' }, new Map([['m', 'n']]), [new Set(['s', 't'])],
  [{ [Symbol.iterator]: function* () { yield 'g'; yield 'h'; } }], [['x', 'y']].values(), 5, null, undefined,
  true, 'a=1', { [Symbol.iterator]: 5 }, { [Symbol.iterator]: null, k: 'v' }, [null], [5], ['ab'],
  Object.create({ inherited: 'x' }, { own: { value: 'y', enumerable: true }, hidden: { value: 'z' } }),
  { [Symbol('s')]: 'sym' }, () => {}, [['k', { toString: () => 'ts' }]],
];
initValues().forEach((_, i) => {
  both(`URLSearchParams init #${i}`, (X) => {
    const p = new X.URLSearchParams(initValues()[i]);
    return [[...p], p.toString()];
  });
});
both('URLSearchParams copy', (X) => {
  const a = new X.URLSearchParams('a=1&b=2');
  const b = new X.URLSearchParams(a);
  b.append('c', '3');
  return [a.toString(), b.toString()];
});
both('URLSearchParams methods', (X) => {
  const p = new X.URLSearchParams('a=1&b=2&a=3&c=&a=1');
  const out = [p.get('a'), p.get('z'), p.getAll('a'), p.getAll('z'), p.has('a'), p.has('a', '3'), p.has('a', '9'),
    p.has('z'), p.size];
  p.delete('a', '1');
  out.push(p.toString());
  p.set('a', 'x');
  out.push(p.toString());
  p.delete('a');
  out.push(p.toString(), p.size);
  p.append('b', undefined);
  p.set(null, 'n');
  out.push(p.toString(), p.get('null'), p.has('b', undefined));
  return out;
});
both('URLSearchParams sort', (X) => {
  const p = new X.URLSearchParams('z=1&a=2&\u{1F600}=3&\uFFFD=4&b=5&a=6&A=7&=8&z=0&é=9&e=10');
  p.sort();
  return p.toString();
});
both('URLSearchParams sort large', (X) => {
  const p = new X.URLSearchParams();
  for (let i = 0; i < 300; i++) p.append(String.fromCharCode(97 + ((i * 7) % 26)), String(i));
  p.sort();
  return p.toString();
});
both('URLSearchParams iterators', (X) => {
  const p = new X.URLSearchParams('a=1&b=2');
  const it = p.entries();
  const first = it.next();
  p.append('c', '3');
  return [first, [...it], [...p.keys()], [...p.values()], [...p], Object.prototype.toString.call(it),
    typeof it[Symbol.iterator], it[Symbol.iterator]() === it, Object.keys(Object.getPrototypeOf(it))];
});
both('URLSearchParams forEach', (X) => {
  const p = new X.URLSearchParams('a=1&b=2');
  const out = [];
  p.forEach(function(v, k, self) { out.push(v, k, self === p, this); }, 'ctx');
  return out;
});
both('URLSearchParams forEach not fn', (X) => new X.URLSearchParams().forEach(5));
both('URLSearchParams missing args', (X) => {
  const p = new X.URLSearchParams();
  const errs = [];
  for (const f of [() => p.append('a'), () => p.set('a'), () => p.get(), () => p.getAll(), () => p.has(),
    () => p.delete()]) {
    try { f(); } catch (e) { errs.push(errorShape(e)); }
  }
  return errs;
});
both('URLSearchParams bad this', (X) => {
  const errs = [];
  for (const m of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'keys', 'values', 'toString',
    'forEach']) {
    try { X.URLSearchParams.prototype[m].call({}, 'a', 'b'); } catch (e) { errs.push(errorShape(e)); }
  }
  try { Object.getOwnPropertyDescriptor(X.URLSearchParams.prototype, 'size').get.call({}); } catch (e) { errs.push(errorShape(e)); }
  try { new X.URLSearchParams().keys().next.call({}); } catch (e) { errs.push(errorShape(e)); }
  return errs;
});
both('URLSearchParams bad init', (X) => {
  const errs = [];
  for (const init of [[['a']], [1], [[1, 2, 3]], [null], { [Symbol.iterator]: 5 }, [{ [Symbol.iterator]: () => ({ next: () => ({ done: true }) }) }]]) {
    try { new X.URLSearchParams(init); } catch (e) { errs.push(errorShape(e)); }
  }
  return errs;
});
both('URLSearchParams shape', (X) => [Object.keys(X.URLSearchParams.prototype), X.URLSearchParams.length,
  X.URLSearchParams.name, Object.prototype.toString.call(new X.URLSearchParams()),
  X.URLSearchParams.prototype[Symbol.iterator] === X.URLSearchParams.prototype.entries,
  Object.getOwnPropertyNames(X.URLSearchParams.prototype).sort()]);
both('URL shape', (X) => [Object.keys(X.URL.prototype), Object.keys(X.URL), X.URL.length, X.URL.name,
  Object.prototype.toString.call(new X.URL('http://h')), Object.getOwnPropertyNames(X.URL.prototype).sort(),
  typeof X.URL.canParse, typeof X.URL.parse, typeof X.URL.createObjectURL, typeof X.URL.revokeObjectURL,
  Object.keys(new X.URL('http://h')), JSON.stringify({ u: new X.URL('http://h/x') })]);

// ---------------------------------------------------------------------------
// Errors, URL.parse, canParse

both('new URL()', (X) => new X.URL());
both('URL.canParse()', (X) => X.URL.canParse());
both('URL.parse()', (X) => X.URL.parse());
for (const [i, b] of [['x', undefined], ['x', 'http://h/'], ['x', 'bad base'], ['http://h/', 'bad base'],
  ['', undefined], [undefined, undefined], [null, 'http://h/'], [{ toString: () => '/p' }, 'http://h/a/b'],
  ['http://h/', null], ['//x', 'sc:o']]) {
  S.report(`errors new URL(${i}, ${b})`, parseCase(M, i, b), parseCase(N, i, b));
  both(`URL.parse(${i}, ${b})`, (X) => { const u = X.URL.parse(i, b); return u === null ? null : u.href; });
  S.report(`URL.canParse(${i}, ${b})`, M.URL.canParse(i, b), !('error' in parseCase(N, i, b)));
}
both('href setter throws', (X) => {
  const u = new X.URL('http://h/');
  try { u.href = 'nope'; } catch (e) { return [errorShape(e), u.href]; }
  return 'no throw';
});
both('URL bad this', (X) => {
  const out = [];
  for (const k of COMPONENTS.concat(['searchParams'])) {
    try { Object.getOwnPropertyDescriptor(X.URL.prototype, k).get.call({}); out.push('no throw'); } catch (e) { out.push(e instanceof TypeError); }
  }
  return out;
});
both('URL subclass', (X) => {
  class MyURL extends X.URL {}
  const u = new MyURL('http://h/x');
  return [u instanceof X.URL, u.href, inspect(u)];
});
both('URL symbols', (X) => {
  const u = new X.URL('https://ex.com/');
  return [String(u), `${u}`, u + '', u.toString === X.URL.prototype.toString];
});

// ---------------------------------------------------------------------------
// util.inspect, both through node's util.inspect and loopd's util.inspect

const inspectURLs = ['https://user:pass@example.com:8080/a/b?x=1&y=%C3%A9#frag', 'http://h/', 'sc:opaque',
  'file:///tmp/x', 'blob:https://a.example/uuid', 'http://h/?' + 'k=v&'.repeat(30)];
const inspectOpts = [undefined, { depth: 0 }, { depth: -1 }, { compact: false }, { breakLength: 40 },
  { showHidden: true }, { colors: true }, { depth: 1, breakLength: Infinity }];
for (const href of inspectURLs) {
  for (const o of inspectOpts) {
    const label = `inspect ${href} ${JSON.stringify(o)}`;
    const mine = new M.URL(href);
    const theirs = new N.URL(href);
    S.report(label, inspect(mine, o), inspect(theirs, o));
    S.report(`loopd ${label}`, loopdInspect(mine, o), inspect(theirs, o));
    S.report(`nested ${label}`, inspect({ u: mine, a: [mine] }, o), inspect({ u: theirs, a: [theirs] }, o));
    S.report(`params ${label}`, inspect(mine.searchParams, o), inspect(theirs.searchParams, o));
    S.report(`loopd params ${label}`, loopdInspect(mine.searchParams, o), inspect(theirs.searchParams, o));
  }
}
for (const q of ['', 'a=1', 'a=1&b=2&a=3', 'long=' + 'x'.repeat(80) + '&b=2', "q='quoted'&n=\n"]) {
  for (const o of inspectOpts) {
    const mine = new M.URLSearchParams(q);
    const theirs = new N.URLSearchParams(q);
    const label = `inspect params ${JSON.stringify(q)} ${JSON.stringify(o)}`;
    S.report(label, inspect(mine, o), inspect(theirs, o));
    S.report(`loopd ${label}`, loopdInspect(mine, o), inspect(theirs, o));
    for (const m of ['keys', 'values', 'entries']) {
      const a = mine[m]();
      const b = theirs[m]();
      a.next();
      b.next();
      S.report(`${m} ${label}`, inspect(a, o), inspect(b, o));
      S.report(`loopd ${m} ${label}`, loopdInspect(a, o), inspect(b, o));
    }
  }
}
both('inspect subclass params', (X) => { class P extends X.URLSearchParams {} return inspect(new P('a=1')); });

// ---------------------------------------------------------------------------
// Utilities: fileURLToPath, pathToFileURL, urlToHttpOptions, format(URL)

for (const f of ['file:///tmp/x', 'file:///tmp/a%20b', 'file:///tmp/%E2%82%AC', 'file:///tmp/a%2fb', 'file:///tmp/a%2Fb',
  'file:///tmp/a%5cb', 'file://host/x', 'file://localhost/etc', 'http://h/x', 'file:///C:/x', 'file:///', 'file:///a/b/',
  'file:///%25', 'file:///%zz', 'not a url', 'file:///tmp/%E2%82']) {
  both(`fileURLToPath(${f})`, (X) => X.url.fileURLToPath(f));
  both(`fileURLToPath(URL ${f})`, (X) => X.url.fileURLToPath(new X.URL(f)));
  both(`fileURLToPath(${f}, windows)`, (X) => X.url.fileURLToPath(f, { windows: true }));
  both(`fileURLToPath(${f}, posix)`, (X) => X.url.fileURLToPath(f, { windows: false }));
}
for (const v of [5, null, {}, { href: 'file:///x', protocol: 'file:', pathname: '/x', hostname: '' }]) {
  both(`fileURLToPath(${JSON.stringify(v)})`, (X) => X.url.fileURLToPath(v));
}
for (const p of ['/tmp/x', '/tmp/a b', '/tmp/%', '/tmp/#?', '/tmp/a\\b', '/tmp/[x]', '/tmp/^|~', '/tmp/\t\n\r', '/tmp/"',
  '/tmp/dir/', '/tmp/../etc', '/', '//x', '/tmp/€', '/tmp/\ud800', 'relative/x', 'relative/', '.', '', '/a/./b/../c']) {
  both(`pathToFileURL(${JSON.stringify(p)})`, (X) => X.url.pathToFileURL(p).href);
  both(`pathToFileURL(${JSON.stringify(p)}, windows)`, (X) => X.url.pathToFileURL(p, { windows: true }).href);
}
for (const p of ['C:\\x\\y', 'C:/x', 'c:\\a b\\', '\\\\server\\share\\f', '\\\\?\\UNC\\server\\share\\f', '\\\\server',
  '\\\\\\x', 'D:', 'C:\\x\\..\\y']) {
  both(`pathToFileURL win ${JSON.stringify(p)}`, (X) => X.url.pathToFileURL(p, { windows: true }).href);
}
both('pathToFileURL(5)', (X) => X.url.pathToFileURL(5));
for (const h of ['https://user:p%40ss@example.com:8443/a/b?x=1#f', 'http://[::1]:80/x', 'http://h', 'file:///x',
  'http://%C3%A9:%zz@h/']) {
  both(`urlToHttpOptions ${h}`, (X) => { const o = X.url.urlToHttpOptions(new X.URL(h)); return { ...o }; });
}
both('urlToHttpOptions extended', (X) => { const u = new X.URL('http://h/'); u.extra = 1; return { ...X.url.urlToHttpOptions(u) }; });
for (const h of ['https://user:pass@xn--ls8h.la:8443/a?x#f', 'http://h/', 'http://xn--mnchen-3ya.de/', 'sc:x?y#z', 'file:///p#h']) {
  for (const o of [undefined, {}, { fragment: false }, { unicode: true }, { search: false }, { auth: false },
    { fragment: 0, search: '', auth: null, unicode: 1 }, 5, 'x']) {
    both(`format(URL ${h}, ${JSON.stringify(o)})`, (X) => X.url.format(new X.URL(h), o));
  }
}
both('domainToASCII()', (X) => X.url.domainToASCII());
both('domainToUnicode()', (X) => X.url.domainToUnicode());
for (const d of ['example.com:80', '1.2.3', '[::1]', '', ' ', 'a%41', 'xn--ls8h', 'xn--iñvalid.com', 'a/b', 'x', 'X']) {
  both(`domainToASCII ${JSON.stringify(d)}`, (X) => X.url.domainToASCII(d));
  both(`domainToUnicode ${JSON.stringify(d)}`, (X) => X.url.domainToUnicode(d));
}

// ---------------------------------------------------------------------------
// The legacy API: parse, format, resolve, resolveObject

const legacy = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'HTTP://www.EXAMPLE.com/A?B#C',
  '//some_path', '//host/path', 'http://x.com/path?that\'s#all, folks', 'HTTP://X.COM/Y', 'http://x.y.COM/Y',
  'http://a@b@c/', 'http://a@b?@c', 'http://a\r" \t\n<\'b:b@c\r\nd/e?f', 'http://a.b/\tbc\ndr\ref g"hq\'j<kl>?mn\\op^q=r`99{st|uv}wz',
  'mailto:local1@domain1?query1', 'javascript:alert(\'hello\');', 'javascript:alert("hi")', 'xmpp:isaacschlueter@jabber.org',
  'http://atpass:foo%40bar@127.0.0.1:8080/path?search=foo#bar', 'svn+ssh://foo/bar', 'dash-test://foo/bar',
  'dash-test:foo/bar', 'dot.test://foo/bar', 'dot.test:foo/bar', 'http://www.日本語.com/', 'http://example.Bücher.com/',
  'http://www.Äffchen.com/', 'http://www.Äffchen.cOm;A/b/c?d=e#f g<h>i', 'http://SÉLIER.COM/', 'http://ليهمابتكلموشعربي؟.ي؟/',
  'http://➡.ws/➡', 'http://bucket_name.s3.amazonaws.com/image.jpg', 'git+http://github.com/joyent/node.git',
  'local1@domain1', 'www.example.com', '[fe80::1]', 'coap://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]',
  'coap://[1080:0:0:0:8:800:200C:417A]:61616/', 'http://[2001:db8::7]/c=GB?objectClass?one', 'http://example.com?foo=bar#frag',
  'http://example.com?foo=@bar#frag', 'http://example.com?foo=/bar/#frag', 'http://example.com?foo=?bar/#frag',
  'http://example.com#frag=?bar/#frag', 'http://google.com" onload="alert(42)/', 'http://a.com/a/b/c?s#h', 'http://atpass:foo%40bar@127.0.0.1/',
  'http://atslash%2F%40:%2F%40@foo/', 'mailto:foo@bar.com?subject=hi', 'irc://irc.freenode.net/#node-js', 'file:///etc/passwd',
  'file://localhost/etc/node/', 'file:///C:/x', 'file:/etc/node', 'file:etc/node', 'http:/baz/../foo/bar', 'http:/baz/foo',
  'http:foo/bar', '/a/b/c', 'a/b/c', '?a=b', '#x', '', '   ', '  http://x.com  \n', 'http://x:1/\\a\\b?\\c', 'http://x/a b',
  'http://\u00e9.com/', 'http://[::1]/', 'http://[::1', 'http://x.com:/', 'http://x.com:abc/', 'http://x.com:8080:90/',
  'http://x%20y.com/', 'http://x_y.com/', 'http://' + 'a'.repeat(260) + '.com/', 'http://a.b.c.d/?q=%zz&r=%C3%A9#%',
  'ws://h/p?x=1&x=2&y', 'https://h?x', 'https://h#x', 'http://h/p;a?b', 'HTTP://H/', 'http://-lead.com/', 'http://[xx]/',
  'http://x.com/%2e%2e/', 'news:comp.lang', 'urn:isbn:1234', 'http://user@:8080/', 'http://:8080/', 'http:///x',
  '\\\\server\\share', '/\\x', 'http://x.com\\y', 'http://xn--a/', 'http://xn--ls8h/'];
for (const s of legacy) {
  both(`parse ${JSON.stringify(s)}`, (X) => ({ ...X.url.parse(s) }));
  both(`parse qs ${JSON.stringify(s)}`, (X) => { const u = X.url.parse(s, true); return { ...u, query: { ...u.query } }; });
  both(`parse slashes ${JSON.stringify(s)}`, (X) => ({ ...X.url.parse(s, false, true) }));
  both(`format ${JSON.stringify(s)}`, (X) => X.url.format(s));
  both(`format(parse) ${JSON.stringify(s)}`, (X) => X.url.format(X.url.parse(s)));
}
both('parse(5)', (X) => X.url.parse(5));
both('parse instanceof', (X) => { const u = X.url.parse('http://h/'); return [u instanceof X.url.Url, X.url.parse(u) === u]; });
both('parse query object', (X) => {
  const q = X.url.parse('http://h/?a=1&a=2&b=%zz&c&=d&e=f=g&&h+i=j+k&%C3%A9=%E2%82%AC', true).query;
  return [Object.getPrototypeOf(q), { ...q }];
});
const formatObjs = [
  { protocol: 'http', host: 'example.com', pathname: '/a', search: 'b=c' },
  { protocol: 'http:', hostname: 'example.com', port: 8080, pathname: 'a', query: { x: [1, 2], y: 'z z', e: '' } },
  { protocol: 'mailto', auth: 'user', hostname: 'example.com' }, { protocol: 'file', pathname: '/etc' },
  { protocol: 'file:', pathname: 'x' }, { hostname: '::1', port: 80, protocol: 'http' }, { host: '[::1]:80' },
  { pathname: '/a?b#c', search: '?d#e', hash: 'f' }, { protocol: 'javascript', pathname: 'alert(1)' },
  { protocol: 'http', slashes: true, pathname: 'x' }, { query: { a: [], b: null, c: undefined, d: NaN, e: 1e21, f: 10n, g: true } },
  { auth: 'a:b@c d', host: 'h' }, {}, { href: 'http://ignored/' }, { protocol: 'HTTP:', host: 'h' }, { protocol: 'ftp', host: 'h', hash: '#x' },
  { protocol: 'xmpp', host: 'jabber.org', auth: 'isaac' }, { search: '?a', query: { b: 1 } },
];
formatObjs.forEach((o, i) => both(`format obj #${i}`, (X) => X.url.format(o)));
for (const v of [null, 5, undefined, true]) both(`format(${v})`, (X) => X.url.format(v));

const resolvePairs = [
  ['/foo/bar/baz', 'quux'], ['/foo/bar/baz', 'quux/asdf'], ['/foo/bar/baz', 'quux/baz'], ['/foo/bar/baz', '../quux/baz'],
  ['/foo/bar/baz', '/bar'], ['/foo/bar/baz/', 'quux'], ['/foo/bar/baz/', 'quux/baz'], ['/foo/bar/baz', '../../../../../../../../quux/baz'],
  ['/foo/bar/baz', '../../../../../../../quux/baz'], ['/foo', '.'], ['/foo', '..'], ['/foo/', '.'], ['/foo/', '..'],
  ['/foo/bar', '.'], ['/foo/bar', '..'], ['/foo/bar/', '.'], ['/foo/bar/', '..'], ['foo/bar', '../../../baz'],
  ['foo/bar/', '../../../baz'], ['http://example.com/b//c//d;p?q#blarg', 'https:#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'https:/p/a/t/h?s#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'https://u:p@h.com/p/a/t/h?s#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'https:/a/b/c/d'], ['http://example.com/b//c//d;p?q#blarg', 'http:#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'http:/p/a/t/h?s#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'http://u:p@h.com/p/a/t/h?s#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'http:/a/b/c/d'], ['/foo/bar/baz', '/../etc/passwd'], ['http://localhost', 'file:///Users/foo'],
  ['http://localhost', 'file://foo/Users'], ['https://registry.npmjs.org', '@foo/bar'], ['http://a/b/c/d;p?q', 'g:h'],
  ['http://a/b/c/d;p?q', 'g'], ['http://a/b/c/d;p?q', './g'], ['http://a/b/c/d;p?q', 'g/'], ['http://a/b/c/d;p?q', '/g'],
  ['http://a/b/c/d;p?q', '//g'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', 'g?y'], ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', 'g#s'], ['http://a/b/c/d;p?q', 'g?y#s'], ['http://a/b/c/d;p?q', ';x'], ['http://a/b/c/d;p?q', 'g;x'],
  ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', '.'], ['http://a/b/c/d;p?q', './'], ['http://a/b/c/d;p?q', '..'],
  ['http://a/b/c/d;p?q', '../'], ['http://a/b/c/d;p?q', '../g'], ['http://a/b/c/d;p?q', '../..'], ['http://a/b/c/d;p?q', '../../'],
  ['http://a/b/c/d;p?q', '../../g'], ['http://a/b/c/d;p?q', '../../../g'], ['http://a/b/c/d;p?q', '/./g'],
  ['http://a/b/c/d;p?q', '/../g'], ['http://a/b/c/d;p?q', 'g.'], ['http://a/b/c/d;p?q', '.g'], ['http://a/b/c/d;p?q', 'g..'],
  ['http://a/b/c/d;p?q', './../g'], ['http://a/b/c/d;p?q', './g/.'], ['http://a/b/c/d;p?q', 'g/./h'], ['http://a/b/c/d;p?q', 'g/../h'],
  ['http://a/b/c/d;p?q', 'g;x=1/./y'], ['http://a/b/c/d;p?q', 'g?y/./x'], ['http://a/b/c/d;p?q', 'g#s/../x'], ['http://a/b/c/d;p?q', 'http:g'],
  ['mailto:local1@domain1', 'local2@domain2'], ['mailto:local1@domain1', '#hash'], ['mailto:local1@domain1', '?q'],
  ['mailto:a@b', 'mailto:c@d'], ['http://asdf:qwer@www.example.com', 'http://zxcv@www.example.com'],
  ['http://asdf:qwer@www.example.com', '/fooA'], ['http://asdf:qwer@www.example.com', 'fooA'],
  ['http://example.com/a/b', 'sc:x'], ['http://example.com/a/b', 'file:x'], ['file:///a/b', 'c'], ['file:///a/b', '/c'],
  ['http://h/a/b?q', '?'], ['http://h/a/b', '//h2'], ['http://h', '../x'], ['', 'http://h/'], ['http://h/', ''],
  ['http://h/a/', '%2e%2e'], ['http://[::1]/a', 'b'], ['ftp://h/a/b', '../../..'],
];
for (const [a, b] of resolvePairs) {
  both(`resolve(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (X) => X.url.resolve(a, b));
  both(`resolveObject(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (X) => {
    const r = X.url.resolveObject(a, b);
    return typeof r === 'object' && r !== null ? { ...r } : r;
  });
}
both('Url keys', (X) => Object.keys(new X.url.Url()));
both('url exports', (X) => Object.keys(X.url).sort());

S.finish();
