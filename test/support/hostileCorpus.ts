/**
 * Hostile input for the importers and the views: files an attacker, a broken export or a careless
 * user could hand the app. Every payload that could run script sets `window.__pwned`, so the
 * browser tests can check that none ever ran. Used by unit tests (every importer) and by the
 * end-to-end hostile-input spec.
 */

export interface HostileFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** What a correct importer does with it: refuse the whole file, or read it (some rows may be rejected). */
  expect: 'refused' | 'read';
}

export const SENTINEL = '__pwned';

/** Markup that would set the sentinel if it were ever parsed as HTML or run as script. */
export const SCRIPT_PAYLOADS: readonly string[] = [
  `<script>window.${SENTINEL}=1</script>`,
  `<img src=x onerror="window.${SENTINEL}=1">`,
  `<svg onload="window.${SENTINEL}=1"></svg>`,
  `<iframe srcdoc="<script>parent.${SENTINEL}=1</script>"></iframe>`,
  `<a href="javascript:window.${SENTINEL}=1">click</a>`,
  `<body onload=window.${SENTINEL}=1>`,
  `<details open ontoggle="window.${SENTINEL}=1">`,
  `"><script>window.${SENTINEL}=1</script>`,
  `{{constructor.constructor('window.${SENTINEL}=1')()}}`,
  `\${window.${SENTINEL}=1}`,
  `<style>@import 'javascript:window.${SENTINEL}=1';</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.${SENTINEL}=1">`,
];

export const RTL_AND_EMOJI: readonly string[] = [
  'مرحبا بالعالم، هذا تقرير الربع الثالث عن الإيرادات والهوامش.',
  'שלום עולם, זהו דוח הרבעון השלישי על ההכנסות.',
  'Mixed \u202Eevil\u202C direction override and \u2067isolates\u2069 in one line.',
  'Emoji 👩‍👩‍👧‍👦 family, 🏳️‍🌈 flag, skin tones 👍🏽 and keycaps 1️⃣.',
  'Z̸̢̛a̵̧͝l̶̨̛g̷̢͠o̵̡̕ combining marks on every letter.',
  'Private use \uE000 and noncharacter \uFFFF and replacement \uFFFD.',
];

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const jsonl = (...objects: unknown[]) => objects.map((o) => JSON.stringify(o)).join('\n');

function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const txt = (name: string, text: string, expect: HostileFile['expect'] = 'read'): HostileFile => ({
  name,
  fileName: `${name.replace(/\W+/g, '-')}.txt`,
  bytes: utf8(text),
  expect,
});

export function hostileFiles(): HostileFile[] {
  const files: HostileFile[] = [
    // Size and shape
    txt('paragraph just at the 100,000-character limit', 'a'.repeat(100_000)),
    txt('paragraph one character over the limit', `${'b'.repeat(100_001)}\n\nA normal one.`),
    txt('one line of 100,000 characters without a space', 'x'.repeat(99_999)),
    {
      name: 'file over 20 MB',
      fileName: 'huge.txt',
      bytes: new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61),
      expect: 'refused',
    },
    txt('50,001 tiny paragraphs', Array.from({ length: 50_001 }, (_, i) => `p${i}`).join('\n\n')),
    txt('only blank lines', '\n\n   \n\t\n', 'refused'),
    { name: 'empty file', fileName: 'empty.txt', bytes: new Uint8Array(0), expect: 'refused' },
    // Binary and encodings
    {
      name: 'PNG bytes named .txt',
      fileName: 'image.txt',
      bytes: concat(
        bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
        pseudoRandomBytes(4096, 7),
      ),
      expect: 'refused',
    },
    {
      name: 'random binary named .csv',
      fileName: 'random.csv',
      bytes: pseudoRandomBytes(8192, 11),
      expect: 'refused',
    },
    {
      name: 'random binary named .jsonl',
      fileName: 'random.jsonl',
      bytes: pseudoRandomBytes(8192, 13),
      expect: 'refused',
    },
    { name: 'zero bytes only', fileName: 'zeros.txt', bytes: new Uint8Array(1024), expect: 'read' },
    {
      name: 'zero bytes inside text',
      fileName: 'nul.txt',
      bytes: utf8('before\u0000after\n\nclean paragraph'),
      expect: 'read',
    },
    {
      name: 'invalid UTF-8 (C3 28)',
      fileName: 'bad.txt',
      bytes: concat(utf8('ok line\n\n'), bytes(0xc3, 0x28)),
      expect: 'refused',
    },
    {
      name: 'overlong UTF-8 encoding of /',
      fileName: 'overlong.txt',
      bytes: bytes(0x61, 0xc0, 0xaf),
      expect: 'refused',
    },
    {
      name: 'UTF-8 encoded lone surrogate',
      fileName: 'surrogate.txt',
      bytes: bytes(0x61, 0xed, 0xa0, 0x80),
      expect: 'refused',
    },
    {
      name: 'UTF-16 LE with BOM',
      fileName: 'utf16.txt',
      bytes: concat(bytes(0xff, 0xfe), ...[...'hello'].map((c) => bytes(c.charCodeAt(0), 0))),
      expect: 'refused',
    },
    {
      name: 'Windows-1252 é',
      fileName: 'cp1252.csv',
      bytes: concat(utf8('text\n'), bytes(0x63, 0x61, 0x66, 0xe9)),
      expect: 'refused',
    },
    {
      name: 'UTF-8 BOM then text',
      fileName: 'bom.txt',
      bytes: concat(bytes(0xef, 0xbb, 0xbf), utf8('Paragraph after a BOM.')),
      expect: 'read',
    },
    txt('CR-only line endings', 'first paragraph\r\rsecond paragraph\r'),
    // CSV: formulas, columns, quoting
    {
      name: 'CSV with spreadsheet formulas',
      fileName: 'formulas.csv',
      bytes: utf8(
        'text,reference,tags\n' +
          `"=cmd|' /C calc'!A0",=1+1,=HYPERLINK("http://evil.example")\n` +
          '+SUM(A1:A9),-2+3,@SUM(1)\n' +
          '"\t=1+2",ok,"=1;+2"\n' +
          '=IMPORTXML("http://evil.example";"//a"),ref,tag\n',
      ),
      expect: 'read',
    },
    {
      name: 'CSV with 10,000 columns',
      fileName: 'wide.csv',
      bytes: utf8(
        `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(9_999)}x\n`,
      ),
      expect: 'refused',
    },
    {
      name: 'CSV with 10,000 columns in a data row only',
      fileName: 'wide-row.csv',
      bytes: utf8(`text,reference\nok,ref\n${'y,'.repeat(9_999)}y\n`),
      expect: 'read',
    },
    {
      name: 'CSV with an unclosed quote',
      fileName: 'quote.csv',
      bytes: utf8('text\n"never closed\nsecond line\n'),
      expect: 'refused',
    },
    {
      name: 'CSV with newlines and script in quotes',
      fileName: 'multiline.csv',
      bytes: utf8(
        `text,reference\n"line one\nline two ${SCRIPT_PAYLOADS[0]}","${SCRIPT_PAYLOADS[1]?.replaceAll('"', '""')}"\n`,
      ),
      expect: 'read',
    },
    {
      name: 'CSV with only a header',
      fileName: 'header.csv',
      bytes: utf8('text,reference,tags\n'),
      expect: 'refused',
    },
    {
      name: 'CSV with duplicate and odd headers',
      fileName: 'dupes.csv',
      bytes: utf8('text,text,__proto__,constructor\na,b,c,d\n'),
      expect: 'read',
    },
    {
      name: 'CSV without a text column',
      fileName: 'notext.csv',
      bytes: utf8('name,value\na,b\n'),
      expect: 'refused',
    },
    {
      name: 'CSV with HTML in tags',
      fileName: 'tags.csv',
      bytes: utf8(`text,tags\nTagged,"<b>bold</b>;<img src=x onerror=window.${SENTINEL}=1>"\n`),
      expect: 'read',
    },
    // JSONL: prototype pollution and odd values
    {
      name: 'JSONL with __proto__ keys',
      fileName: 'proto.jsonl',
      bytes: utf8(
        '{"text":"a","__proto__":{"polluted":true}}\n{"__proto__":{"text":"inherited"}}\n',
      ),
      expect: 'read',
    },
    {
      name: 'JSONL with constructor.prototype',
      fileName: 'ctor.jsonl',
      bytes: utf8('{"text":"b","constructor":{"prototype":{"polluted":true}}}\n'),
      expect: 'read',
    },
    {
      name: 'JSONL with __proto__ as the text',
      fileName: 'proto-text.jsonl',
      bytes: utf8('{"text":{"__proto__":{"toString":"x"}}}\n{"text":"__proto__"}\n'),
      expect: 'read',
    },
    {
      name: 'JSONL with tags as __proto__',
      fileName: 'proto-tags.jsonl',
      bytes: utf8(
        '{"text":"c","tags":{"__proto__":[]}}\n{"text":"d","tags":["__proto__","constructor","toString"]}\n',
      ),
      expect: 'read',
    },
    {
      name: 'JSONL with wrong value types',
      fileName: 'types.jsonl',
      bytes: utf8(
        jsonl({ text: 42 }, { text: null }, { text: ['a'] }, [1, 2], 'string', null, {
          text: 'ok',
          reference: 7,
        }),
      ),
      expect: 'read',
    },
    {
      name: 'JSONL nested 100,000 deep',
      fileName: 'deep.jsonl',
      bytes: utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}\n{"text":"after the deep line"}\n`),
      expect: 'read',
    },
    {
      name: 'JSONL with invalid JSON lines',
      fileName: 'broken.jsonl',
      bytes: utf8('{"text":"ok"}\n{text: unquoted}\n{"text":"unterminated\n}{\n'),
      expect: 'read',
    },
    {
      name: 'JSONL with 1,000 tags',
      fileName: 'manytags.jsonl',
      bytes: utf8(jsonl({ text: 'tags', tags: Array.from({ length: 1000 }, (_, i) => `t${i}`) })),
      expect: 'read',
    },
    {
      name: 'JSONL with a 10,000-character tag',
      fileName: 'longtag.jsonl',
      bytes: utf8(jsonl({ text: 'tag', tags: ['t'.repeat(10_000)] })),
      expect: 'read',
    },
    {
      name: 'JSONL with escaped NUL and script',
      fileName: 'escaped.jsonl',
      bytes: utf8(jsonl({ text: `nul\u0000${SCRIPT_PAYLOADS[2]}`, reference: SCRIPT_PAYLOADS[3] })),
      expect: 'read',
    },
    // Names
    {
      name: 'path traversal in the file name',
      fileName: '../../../../etc/passwd.txt',
      bytes: utf8('Paragraph from a strange path.'),
      expect: 'read',
    },
    {
      name: '__proto__.csv',
      fileName: '__proto__.csv',
      bytes: utf8('text\nproto name\n'),
      expect: 'read',
    },
    { name: 'x.constructor', fileName: 'x.constructor', bytes: utf8('text'), expect: 'refused' },
    { name: 'dotfile .csv', fileName: '.csv', bytes: utf8('text\na\n'), expect: 'refused' },
    {
      name: 'RTL override hiding .exe',
      fileName: 'invoice\u202Etxt.exe',
      bytes: utf8('text'),
      expect: 'refused',
    },
    { name: 'no extension', fileName: 'README', bytes: utf8('text'), expect: 'refused' },
  ];
  // Script and markup in paragraphs, as TXT, CSV (text and reference) and JSONL.
  files.push(
    txt('script payloads as paragraphs', SCRIPT_PAYLOADS.join('\n\n')),
    {
      name: 'script payloads as CSV references',
      fileName: 'script-refs.csv',
      bytes: utf8(
        `text,reference\n${SCRIPT_PAYLOADS.map((p, i) => `"Paragraph ${i}","${p.replaceAll('"', '""')}"`).join('\n')}\n`,
      ),
      expect: 'read',
    },
    {
      name: 'script payloads as JSONL',
      fileName: 'script.jsonl',
      bytes: utf8(
        jsonl(
          ...SCRIPT_PAYLOADS.map((text) => ({ text, reference: text, tags: [text.slice(0, 30)] })),
        ),
      ),
      expect: 'read',
    },
    txt('right-to-left and emoji paragraphs', RTL_AND_EMOJI.join('\n\n')),
    {
      name: 'RTL and emoji as JSONL',
      fileName: 'rtl.jsonl',
      bytes: utf8(jsonl(...RTL_AND_EMOJI.map((text) => ({ text, tags: ['🌍', 'عربي'] })))),
      expect: 'read',
    },
  );
  return files;
}

/** Strings (not files) for the paragraph editor and the model outputs. */
export const HOSTILE_STRINGS: readonly string[] = [...SCRIPT_PAYLOADS, ...RTL_AND_EMOJI];
