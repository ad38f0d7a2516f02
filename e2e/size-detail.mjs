// Where the wasm's bytes are: code bytes per crate and per module of our own crate, plus the
// data section, read from a wasm that still has its `name` section. wasm-opt strips it, so build
// one without it (index.html's `data-wasm-opt="0"`, `trunk build --release --dist …`); for the
// shipped proportions, run `wasm-opt -Oz --low-memory-unused -g` on that. Node built-ins only.
//
//   node e2e/size-detail.mjs file.wasm [--top 25] [--fns 40]
//
// A function counts for the crate that owns it: the first path segment of its (demangled, or
// `_ZN` mangled) name; for `<X as Trait>::f`, X's crate if X has a path, else the trait's (X is
// a generic parameter or a primitive). So std's generic code instantiated for our closures
// counts for core/alloc; the "over anneal" column shows how much of it names one of our items.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (flag, dflt) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : dflt);
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!file) throw new Error('usage: node e2e/size-detail.mjs file.wasm [--top N] [--fns N]');
const TOP = opt('--top', 25), FNS = opt('--fns', 0);
const buf = readFileSync(file);
if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a wasm module`);

// Unsigned LEB128 at `at` → [value, next position]; a length-prefixed UTF-8 string likewise.
function leb(at) {
  let v = 0, shift = 0, b;
  do { b = buf[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return [v, at];
}
const str = (at) => { const [n, p] = leb(at); return [buf.toString('utf8', p, p + n), p + n]; };

// Sections: id, payload bounds, total bytes with the header; custom sections (id 0) by name.
const sections = [];
for (let at = 8; at < buf.length;) {
  const [size, start] = leb(at + 1);
  const name = buf[at] === 0 ? str(start)[0] : null;
  sections.push({ id: buf[at], start, end: start + size, total: start + size - at, name });
  at = start + size;
}
const section = (id, name) => sections.find((s) => s.id === id && (name == null || s.name === name));

// Imported functions come first in the function index space: count them.
let imported = 0;
if (section(2)) {
  let [n, p] = leb(section(2).start);
  for (let i = 0; i < n; i++) {
    p = str(str(p)[1])[1];
    const kind = buf[p++];
    if (kind === 0) { imported++; p = leb(p)[1]; } // function: type index
    else if (kind === 3) p += 2; // global: type, mutability
    else { // table (reftype, limits), memory (limits), tag (attribute, type)
      if (kind === 1) p++;
      const flags = buf[p]; p = leb(p + 1)[1];
      if (kind !== 4 && flags & 1) p = leb(p)[1];
    }
  }
}

// Function names: the name section's subsection 1.
const nameSec = section(0, 'name');
if (!nameSec) throw new Error(`${file} has no name section: build it without wasm-opt`);
const names = new Map();
for (let p = str(nameSec.start)[1]; p < nameSec.end;) {
  const [len, body] = leb(p + 1);
  if (buf[p] === 1) {
    let [n, q] = leb(body);
    for (let i = 0, idx, s; i < n; i++) { [idx, q] = leb(q); [s, q] = str(q); names.set(idx, s); }
  }
  p = body + len;
}

// `_ZN3foo3bar17h…E` → `foo::bar`; a demangled name loses its `::h<hash>` suffix.
function demangle(s) {
  if (!s.startsWith('_ZN')) return s.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  for (let p = 3, m; s[p] !== 'E' && (m = /^\d+/.exec(s.slice(p)));) {
    p += m[0].length; parts.push(s.slice(p, p + Number(m[0]))); p += Number(m[0]);
  }
  return parts.filter((x) => !/^h[0-9a-f]{16}$/.test(x)).join('::');
}
// The path segments of the item that owns a function (see the top), std's `[hash]` tags dropped.
function owner(name) {
  let s = name.replace(/\[[0-9a-f]{16}\]/g, '');
  if (s.startsWith('<')) {
    let depth = 0, i = 0, as = -1;
    for (; i < s.length; i++) {
      if (s[i] === '<') depth++;
      else if (s[i] === '>' && --depth === 0) break;
      else if (depth === 1 && s.startsWith(' as ', i)) as = i;
    }
    const self = s.slice(1, as < 0 ? i : as).replace(/^(&|mut |dyn |\*const |\*mut |\[|\()+/, '');
    s = /^\w+::/.test(self) ? self : as >= 0 ? s.slice(as + 4, i) : `core::${self}`;
  }
  const out = [];
  let depth = 0, cur = '';
  for (let i = 0; i < s.length && depth >= 0; i++) {
    const c = s[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (depth === 0 && c === ':' && s[i + 1] === ':') { out.push(cur); cur = ''; i++; }
    else if (depth === 0) cur += c;
  }
  return [...out, cur];
}

// Code section: a count, then each body as its size (LEB) and bytes; both count for the body.
const code = section(10);
const byCrate = new Map(), byModule = new Map(), fns = [];
const add = (map, key, n, ours) => {
  const e = map.get(key) ?? { bytes: 0, count: 0, ours: 0 };
  e.bytes += n; e.count++; e.ours += ours ? n : 0; map.set(key, e);
};
let [count, p] = leb(code.start);
const header = p - code.start;
for (let i = 0; i < count; i++) {
  const [size, body] = leb(p);
  const bytes = body + size - p, raw = names.get(imported + i);
  const name = raw == null ? `(unnamed #${imported + i})` : demangle(raw);
  const segs = raw == null ? ['(unnamed)'] : owner(name);
  const crate = segs.length > 1 ? segs[0] : '(no path: wasm-bindgen glue, libc, main)';
  add(byCrate, crate, bytes, crate !== 'anneal' && name.includes('anneal::'));
  if (crate === 'anneal') add(byModule, segs.slice(0, Math.min(3, segs.length - 1)).join('::'), bytes);
  fns.push({ name, bytes });
  p = body + size;
}

// Data section: each segment's flags, memory index (2) and offset expression (0, 2), bytes.
let dataBytes = 0;
if (section(11)) {
  let [n, q] = leb(section(11).start);
  for (let i = 0; i < n; i++) {
    const flags = buf[q++];
    if (flags === 2) q = leb(q)[1];
    if (flags !== 1) { while (buf[q] !== 0x0b) q++; q++; }
    const [len, at] = leb(q); dataBytes += len; q = at + len;
  }
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
const ids = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount', 'tag'];
console.log(`${file}: ${kib(buf.length).trim()}; ${count} functions (+${imported} imported)`);
for (const s of sections) console.log(`${kib(s.total)}  ${ids[s.id]}${s.name ? ` "${s.name}"` : ''}`);
console.log(`data segments hold ${kib(dataBytes).trim()} (text, tables, vtables, panic locations)`);
const sum = [...byCrate.values()].reduce((s, e) => s + e.bytes, 0) + header;
const ok = sum === code.end - code.start;
console.log(`check: functions + count = ${sum} B, code section = ${code.end - code.start} B: ${ok ? 'equal' : 'MISMATCH'}`);
function table(title, map, ours) {
  console.log(`\n${title}`);
  const rows = [...map].sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [k, e] of rows.slice(0, TOP)) {
    const pct = `${((100 * e.bytes) / sum).toFixed(1)}%`.padStart(6);
    const extra = ours && e.ours ? `  over anneal ${kib(e.ours).trim()}` : '';
    console.log(`${kib(e.bytes)} ${pct} ${String(e.count).padStart(5)} fns  ${k}${extra}`);
  }
  if (rows.length > TOP) console.log(`  … ${rows.length - TOP} more`);
}
table(`Code by crate (top ${TOP})`, byCrate, true);
table(`Code by module of anneal (top ${TOP})`, byModule, false);
if (FNS) {
  console.log(`\nLargest functions (top ${FNS})`);
  for (const f of fns.sort((a, b) => b.bytes - a.bytes).slice(0, FNS)) console.log(`${kib(f.bytes)}  ${f.name}`);
}
if (!ok) process.exit(1);
