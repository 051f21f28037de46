// Source the snapshot builder parses before the heap is saved. A startup snapshot keeps the
// bytecode of every function that ran while it was built, so parsing code that uses most of the
// language compiles TypeScript's scanner, parser and typescript-estree's converter once, here,
// instead of on every run: the first parse of a run drops from tens of milliseconds to a few.
// What it parses does not matter beyond covering the syntax; nothing of it stays in the heap.
export const WARM_UP_SOURCES: readonly { fileName: string; text: string }[] = [
  {
    fileName: 'warm-up.ts',
    text: `import express, { Router, type Request } from 'express';
import * as path from 'node:path';
export { helper as default } from './helper';
declare module 'express' { interface Request { user?: { id: string } } }
enum Level { Low = 1, High }
namespace Tools { export const name = 'tools'; }
type Maybe<T> = T | undefined;
interface Shape<T extends object = {}> { readonly id: string; size?: number; [key: string]: unknown; method(this: Shape<T>, ...args: T[]): void }
abstract class Base<T> implements Shape { #secret = 1; static count = 0; protected constructor(public readonly id: string, private size?: number) { super(); }
  @decorate() get value(): number { return this.#secret ?? 0; } set value(next) { this.#secret = next; }
  abstract method(...args: T[]): void; declare field: string; override toString() { return \`\${this.id}\`; } }
function decorate() { return (target: unknown, key?: string | symbol) => void 0; }
export async function* handler(req: Request, res: any, { a, b: [c, ...d] = [], ...rest }: Record<string, any> = {}) {
  const router = Router(); const app = express();
  router.get('/items/:id', async (request, response) => { response.json({ id: request.params.id }); });
  app.use('/api', router);
  let total = 0n; for (const item of d) total += BigInt(item); for (const key in rest) continue;
  const query = \`SELECT * FROM t WHERE id = '\${req.query.id}' AND n = \${total}\`;
  const pattern = /^\\/(?<name>[a-z]+)\\/?$/giu; const tagged = String.raw\`a\\\\b\${c}\`;
  try { await Promise.all([import('./lazy'), new Promise<void>((resolve) => setTimeout(resolve, 1))]); } catch (error: unknown) { throw new Error(String(error), { cause: error }); } finally { total &&= 1n; }
  switch (typeof a) { case 'string': yield a as const; break; default: { label: do { total--; } while (total > 0n); } }
  const fn = <T,>(x: T): x is T & {} => x != null; const obj = { fn, [Symbol.iterator]: function* () {}, async method() {}, get g() { return 1; }, ...rest } satisfies object;
  return path.join(c?.toString() ?? '', obj?.g?.toFixed?.(2) ?? '', Level.High > 1 ? 'a' : 'b', (a as string)!, <string>b, Tools.name);
}
`,
  },
  {
    fileName: 'warm-up.jsx',
    text: `import React, { useState } from 'react';
export default function App({ items = [], onSelect }) {
  const [selected, setSelected] = useState(null);
  return (<>
    <ul className="list" data-id={selected?.id} {...{ role: 'list' }}>
      {items.map((item) => <li key={item.id} onClick={() => { setSelected(item); onSelect?.(item); }}>{item.name} &amp; {\`#\${item.id}\`}</li>)}
    </ul>
    {selected && <Detail.View item={selected} render={(x) => <span>{x}</span>} />}
  </>);
}
`,
  },
  {
    fileName: 'warm-up.tsx',
    text: `export const View = <T extends { id: string }>({ item }: { item: T }): JSX.Element => <div id={item.id}>{item.id as string}</div>;\n`,
  },
  {
    fileName: 'warm-up.js',
    text: `'use strict';\nconst { exec } = require('child_process');\nmodule.exports = function run(name, cb) { exec('ls ' + name, (err, out) => cb(err, out)); };\nvar x = 0x1f + 1e3 + .5;\n`,
  },
];
