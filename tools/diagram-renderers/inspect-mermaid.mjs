#!/usr/bin/env node
// What the real Mermaid parser makes of a diagram: one JSON line per file with the texts it
// will draw and anything that would act (links, click callbacks, changed configuration).
//   node inspect-mermaid.mjs FILE.mmd [...]
// {"file", "type", "ok", "error"?, "title", "texts": [...], "links": n, "callbacks": n,
//  "config_changed": [keys...], "config": "<the configuration after parsing, as JSON>"}
// (Parsing a flowchart fills in its own `flowchart` settings: compare `config` with that of a
// harmless diagram of the same kind to see what a label changed.)
// Used by tests/hostile_labels.rs: every label must come out as one inert text.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');
const base = { startOnLoad: false, securityLevel: 'strict' };

for (const f of process.argv.slice(2)) {
  const out = { file: f, ok: false, texts: [], links: 0, callbacks: 0, config_changed: [] };
  try {
    mermaid.initialize(base);
    const before = JSON.stringify(mermaid.mermaidAPI.getConfig());
    const text = readFileSync(f, 'utf8');
    const d = await mermaid.mermaidAPI.getDiagramFromText(text);
    out.type = d.type;
    const db = d.db;
    if (typeof db.getDiagramTitle === 'function') out.title = db.getDiagramTitle();
    if (d.type === 'gantt') {
      const tasks = db.getTasks();
      out.texts = tasks.map((t) => t.task);
      const links = db.getLinks ? db.getLinks() : new Map();
      out.links = links.size ?? Object.keys(links).length;
      out.callbacks = tasks.filter((t) => t.classes && t.classes.includes('clickable')).length;
    } else if (d.type === 'timeline') {
      out.texts = db.getTasks().flatMap((t) => t.events);
      out.sections = db.getTasks().map((t) => t.task);
    } else if (d.type.startsWith('flowchart')) {
      const v = db.getVertices();
      const verts = v instanceof Map ? [...v.values()] : Object.values(v);
      out.texts = verts.map((x) => x.text);
      out.links = verts.filter((x) => x.link).length;
      out.callbacks = verts.filter((x) => x.haveCallback).length;
      out.edges = db.getEdges().map((e) => e.text);
    }
    const after = mermaid.mermaidAPI.getConfig();
    const b = JSON.parse(before);
    out.config_changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(b[k]));
    out.config = JSON.stringify(after);
    out.ok = true;
  } catch (e) {
    out.error = String(e?.message ?? e);
  }
  console.log(JSON.stringify(out));
}
