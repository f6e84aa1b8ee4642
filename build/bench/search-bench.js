// Times the site's own search code (site/assets/docgen-search.js) in Node over the generated index
// (site/search-index.js): the script runs in a vm context with a minimal DOM stub, the index loads the way
// the page loads it (a script added on first use), and each query goes through the input handler.
// Usage: node search-bench.js SITE_DIR [ROUNDS=5]
// Prints: entries, bytes, first-query ms (load + parse + first answer) and per-query ms (median/min/max).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const zlib = require('zlib');

const site = process.argv[2];
const rounds = Number(process.argv[3] || 5);
const appJs = fs.readFileSync(path.join(site, 'assets', 'docgen-search.js'), 'utf8');
const indexPath = path.join(site, 'search-index.js');
const indexBytes = fs.readFileSync(indexPath);
const indexJs = indexBytes.toString('utf8');

function element(tag) {
  const listeners = {};
  return {
    tagName: tag, children: [], hidden: true, className: '', value: '', href: '',
    attributes: {}, listeners, classList: { add() {}, remove() {} },
    set textContent(v) { this.children = []; this._text = v; }, get textContent() { return this._text; },
    setAttribute(k, v) { this.attributes[k] = v; }, getAttribute(k) { return this.attributes[k] ?? null; },
    appendChild(c) { this.children.push(c); return c; },
    addEventListener(type, fn) { listeners[type] = fn; },
    querySelectorAll() { return []; }, contains() { return false; }, blur() {}, focus() {},
  };
}

// One fresh page: returns {box, list, context, loadScript} with the index not yet loaded.
function page() {
  const box = element('input'); box.setAttribute('data-index', 'search-index.js');
  const list = element('ul');
  const scripts = [];
  const document = {
    documentElement: element('html'), body: element('body'), activeElement: null,
    head: { appendChild(s) { scripts.push(s); return s; } },
    getElementById(id) { return id === 'search-box' ? box : id === 'search-results' ? list : null; },
    createElement: element, addEventListener() {},
  };
  const context = vm.createContext({ document, localStorage: { setItem() {} } });
  context.window = context;
  vm.runInContext(appJs, context);
  // The browser would fetch and run the script element; do the same synchronously, then fire onload.
  const loadScript = () => { const s = scripts.shift(); if (!s) return; vm.runInContext(indexJs, context); s.onload(); };
  return { box, list, loadScript };
}

function query(p, text) {
  p.box.value = text;
  p.box.listeners.input();
  p.loadScript();
  return Number(p.list.getAttribute('data-total'));
}

const stats = xs => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] }; };
const queries = ['process', 'Service1', 'operation3', 'kind', 'record42', 'synthetic.area7', 'value', 'xyz-none', 'count', 'changed', 'icontract', 'Max'];

const first = [];
for (let r = 0; r < rounds; r++) {
  const p = page();
  const t = process.hrtime.bigint();
  query(p, 'process');
  first.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const p = page();
query(p, 'warm-up');
const each = [];
const totals = {};
for (let r = 0; r < rounds * 10; r++)
  for (const q of queries) {
    const t = process.hrtime.bigint();
    totals[q] = query(p, q);
    each.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
const ctx = vm.createContext({}); ctx.window = ctx; vm.runInContext(indexJs, ctx);
const f = stats(first), e = stats(each);
console.log(JSON.stringify({
  entries: ctx.DOCGEN_SEARCH.length, bytes: indexBytes.length, gzipBytes: zlib.gzipSync(indexBytes, { level: 6 }).length,
  firstMs: f, queryMs: e, queries: each.length, hits: totals,
}));
