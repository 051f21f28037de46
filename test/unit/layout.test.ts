// Project invariants that keep the codebase honest: one rule per file named by its id, docs for
// every rule, derived lists up to date, `vscode` only under src/extension, a lean extension bundle.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ruleTableMarkdown } from '../../src/core/rule-table';
import { allRules } from '../../src/core/rules';
import { REPO_ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('project layout', () => {
  it('names each rule file after its rule id, and registers every rule file', () => {
    const files = readdirSync(join(REPO_ROOT, 'src/core/rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -3))
      .sort();
    assert.deepEqual(allRules.map((rule) => rule.meta.id).sort(), files);
    for (const rule of allRules) assert.match(rule.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('documents every rule in docs/rules/<id>.md', () => {
    for (const rule of allRules) {
      const page = join(REPO_ROOT, 'docs/rules', `${rule.meta.id}.md`);
      assert.ok(existsSync(page), `missing ${relative(REPO_ROOT, page)}`);
      assert.match(readFileSync(page, 'utf8'), new RegExp(`^# ${rule.meta.id}\\b`));
    }
  });

  it('keeps the README rule table in sync with the registry (npm run docs:rules)', () => {
    assert.ok(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').includes(ruleTableMarkdown(allRules)));
  });

  it('has no import cycle under src/ (type imports included)', () => {
    const files = sourceFiles(join(REPO_ROOT, 'src'));
    const imports = new Map(
      files.map((file) => {
        const targets = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)].flatMap((match) => {
          const base = join(dirname(file), match[1]);
          const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
          return target ? [target] : [];
        });
        return [file, targets];
      }),
    );
    // Depth-first search; a module met again while still on the path closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'open');
      for (const target of imports.get(file) ?? []) {
        if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target].map((step) => relative(REPO_ROOT, step)).join(' → '));
        else if (!state.has(target)) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    assert.deepEqual(cycles, []);
  });

  it('imports vscode only under src/extension/', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'src'))
      .filter((file) => !relative(REPO_ROOT, file).startsWith(join('src', 'extension')))
      .filter((file) => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((file) => relative(REPO_ROOT, file)),
      [],
    );
  });

  it('keeps the engine out of the extension bundle, so activation stays cheap', function () {
    const bundle = join(REPO_ROOT, 'dist/extension.js');
    if (!existsSync(bundle)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have
    assert.ok(statSync(bundle).size < 200 * 1024, `dist/extension.js is ${statSync(bundle).size} bytes`);
    assert.ok(!readFileSync(bundle, 'utf8').includes('createSourceFile'), 'TypeScript got bundled into the extension');
  });

  it('keeps TypeScript out of the engine bundle: dist/typescript-parsers.js is loaded on the first JS/TS parse', function () {
    const engine = join(REPO_ROOT, 'dist/lastline.js');
    if (!existsSync(engine)) this.skip(); // as above
    assert.ok(statSync(engine).size < 4 * 1024 * 1024, `dist/lastline.js is ${statSync(engine).size} bytes`);
    const script = `
      const loaded = () => Object.keys(require.cache).map((file) => require('node:path').basename(file));
      const engine = require(${JSON.stringify(engine)});
      const atLoad = loaded();
      const parse = engine.parseJavaScript('const a: number = 1; // note', 'typescript', 'a.ts');
      process.stdout.write(JSON.stringify({ atLoad, afterParse: loaded(), parsed: !!parse.ast, comments: parse.comments.length }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepEqual(result, { atLoad: ['lastline.js'], afterParse: ['lastline.js', 'typescript-parsers.js'], parsed: true, comments: 1 });
  });
});

describe('walkthrough', () => {
  it('points every step at media that ships', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const steps: { id: string; media: { markdown?: string; image?: string } }[] = manifest.contributes.walkthroughs.flatMap(
      (walkthrough: { steps: unknown[] }) => walkthrough.steps,
    );
    assert.ok(steps.length >= 4);
    for (const step of steps) {
      const file = step.media.markdown ?? step.media.image;
      assert.ok(file && file.startsWith('media/') && existsSync(join(REPO_ROOT, file)), `${step.id}: ${file}`);
    }
  });
});

describe('packaging', () => {
  it('ships only bundles, WASM, schema, media and docs in the .vsix (no sources, tests or maps)', function () {
    this.timeout(60000);
    const listed = execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const unexpected = listed.filter(
      (file) =>
        !/^(dist\/(extension|lastline|record|typescript-parsers|launch|snapshot-main|resident-server)\.js|dist\/[\w-]+\.wasm|bin\/lastline\.js|schemas\/[\w.-]+\.json|media\/.+|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(
          file,
        ),
    );
    assert.deepEqual(unexpected, []);
    for (const bundle of [
      'dist/extension.js',
      'dist/lastline.js',
      'dist/record.js',
      'dist/typescript-parsers.js',
      'dist/launch.js',
      'dist/snapshot-main.js',
      'dist/resident-server.js',
    ])
      assert.ok(listed.includes(bundle), `${bundle} missing: ${listed.join(', ')}`);
    // Every bundle the installed command requires ships with it.
    const required = [...readFileSync(join(REPO_ROOT, 'bin', 'lastline.js'), 'utf8').matchAll(/require\('\.\.\/(dist\/[\w-]+\.js)'\)/g)].map(
      (match) => match[1],
    );
    assert.ok(required.length >= 3, required.join(', '));
    for (const bundle of required) assert.ok(listed.includes(bundle), `bin/lastline.js requires ${bundle}, which the .vsix lacks`);
  });
});
