import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_INCIDENT_PY } from '../seed-incident';
import { fakePem, git, gitInit, REPO_ROOT, runCli, tempDir, writeTree } from './helpers';

describe('lastline CLI', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  describe('help and usage errors', () => {
    it('prints help with --help and for each command', async () => {
      const main = await runCli(dir.path, '--help');
      assert.equal(main.code, 0);
      assert.match(main.stdout, /Usage: lastline <command>/);
      const scan = await runCli(dir.path, 'scan', '--help');
      assert.equal(scan.code, 0);
      assert.match(scan.stdout, /--fail-on/);
    });

    const usageErrors: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['scan', '--frmat', 'json'], /Unknown option '--frmat'.*See --help/],
      [['scan', '--format', 'xml'], /--format must be one of text, json, sarif; got "xml"/],
      [['scan', '--fail-on', 'fatal'], /--fail-on must be one of error, warning, info/],
      [['scan', 'no/such/dir'], /no such file or folder: no\/such\/dir/],
      [['scan', '--staged', '--fix'], /--fix cannot be combined with --staged/],
      [['rules', 'extra'], /takes no arguments/],
    ];
    for (const [argv, message] of usageErrors) {
      it(`exits 2 with a clear message for: lastline ${argv.join(' ')}`, async () => {
        const run = await runCli(dir.path, ...argv);
        assert.equal(run.code, 2);
        assert.match(run.stderr, message);
      });
    }

    it('exits 2 for --staged outside a git repository', async () => {
      const run = await runCli(dir.path, 'scan', '--staged');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--staged needs a git repository/);
    });
  });

  describe('scan of a tree', () => {
    beforeEach(() => {
      writeTree(dir.path, {
        'keys/deploy.pem': fakePem(),
        'src/app.ts': 'export const ok = true;\n',
        'ignored/secret.pem': fakePem('RSA ', 99),
        '.gitignore': 'ignored/\n',
        'vendor/lib/key.pem': fakePem('EC ', 5),
        'node_modules/pkg/key.pem': fakePem('EC ', 6),
        'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
        'dist/bundle.min.js': `${'x'.repeat(2100)}\n`,
        '.lastline.json': '{ "exclude": ["vendor/**"], "maxFileSize": 2048 }',
      });
    });

    it('reports findings as text and exits 1', async () => {
      const run = await runCli(dir.path, 'scan');
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /keys\/deploy\.pem\n {2}1:1 +error +RSA private key committed/);
      assert.match(run.stdout, /1 problem \(1 error, 0 warnings, 0 info\) in 1 file/);
    });

    it('honours .gitignore, exclude globs and never enters node_modules', async () => {
      const run = await runCli(dir.path, 'scan', '--format', 'json');
      const files = JSON.parse(run.stdout).findings.map((finding: { file: string }) => finding.file);
      assert.deepEqual(files, ['keys/deploy.pem']);
    });

    it('says which files it skipped and why', async () => {
      const run = await runCli(dir.path, 'scan');
      assert.match(run.stderr, /skipped dist\/bundle\.min\.js: 2\.1 KB exceeds maxFileSize 2 KB/);
      assert.match(run.stderr, /skipped 1 binary file/);
      const verbose = await runCli(dir.path, 'scan', '--verbose');
      assert.match(verbose.stderr, /skipped image\.png: binary file/);
    });

    it('prints JSON with 1-based positions and cwd-relative paths', async () => {
      const run = await runCli(join(dir.path, 'keys'), 'scan', '--format', 'json', '.');
      const report = JSON.parse(run.stdout);
      assert.equal(report.version, 1);
      const [finding] = report.findings;
      assert.deepEqual(
        {
          ruleId: finding.ruleId,
          category: finding.category,
          severity: finding.severity,
          file: finding.file,
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
        },
        { ruleId: 'private-key', category: 'inline-secret', severity: 'error', file: 'deploy.pem', line: 1, column: 1, endLine: 14, endColumn: 30 },
      );
      assert.deepEqual(finding.fixes, []);
      assert.match(finding.fingerprint, /^[0-9a-f]{32}$/);
    });

    it('scans only the paths given', async () => {
      const run = await runCli(dir.path, 'scan', 'src');
      assert.equal(run.code, 0);
      assert.match(run.stdout, /no problems · 1 file scanned/);
    });

    it('writes the report to --output', async () => {
      const run = await runCli(dir.path, 'scan', '--format', 'sarif', '--output', 'report.sarif');
      assert.equal(run.stdout, '');
      assert.equal(JSON.parse(readFileSync(join(dir.path, 'report.sarif'), 'utf8')).version, '2.1.0');
    });

    it('checks --output before scanning or fixing: one line, exit 2', async () => {
      writeTree(dir.path, { 'reports/.keep': '' });
      const cases: [string, RegExp][] = [
        ['missing/report.json', /^--output missing\/report\.json: the folder missing does not exist$/],
        ['reports', /^--output reports is a folder; name a file$/],
      ];
      for (const [output, message] of cases) {
        const run = await runCli(dir.path, 'scan', '--fix', '--output', output);
        assert.equal(run.code, 2, output);
        assert.match(run.stderr, message);
        assert.equal(run.stdout, '');
      }
    });

    it('uses --fail-on as the exit-code threshold', async () => {
      writeTree(dir.path, { '.lastline.json': '{ "rules": { "private-key": "info" }, "exclude": ["vendor/**"] }' });
      assert.equal((await runCli(dir.path, 'scan')).code, 0, 'info is below the default threshold (warning)');
      assert.equal((await runCli(dir.path, 'scan', '--fail-on', 'info')).code, 1);
    });

    it('exits 2 and names the key for an invalid config, but still scans with defaults', async () => {
      writeTree(dir.path, { '.lastline.json': '{\n  "rules": { "private-key": "loud" }\n}' });
      const run = await runCli(dir.path, 'scan', 'keys');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /config \.lastline\.json:2 "rules\.private-key": level must be one of/);
      assert.match(run.stdout, /RSA private key committed/);
    });

    it('runs only the rules of the categories asked for', async () => {
      writeTree(dir.path, { 'app/db.py': 'import sqlite3\ndef f(uid):\n    sqlite3.connect("x").execute(f"SELECT * FROM users WHERE id = {uid}")\n' });
      const all = JSON.parse((await runCli(dir.path, 'scan', '--format', 'json')).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
      assert.deepEqual([...new Set(all)].sort(), ['private-key', 'string-built-query']);
      const secrets = await runCli(dir.path, 'scan', '--format', 'json', '--category', 'inline-secret');
      assert.deepEqual(
        JSON.parse(secrets.stdout).findings.map((f: { ruleId: string }) => f.ruleId),
        ['private-key'],
      );
      const unknown = await runCli(dir.path, 'scan', '--category', 'secrets');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /--category must be one of/);
    });

    it('lists rules', async () => {
      const run = await runCli(dir.path, 'rules', '--format', 'json');
      const rules = JSON.parse(run.stdout);
      assert.ok(rules.some((rule: { id: string; docs: string }) => rule.id === 'private-key' && rule.docs.endsWith('/docs/rules/private-key.md')));
    });
  });

  describe('--staged', () => {
    it('scans the index content, not the working tree', async () => {
      gitInit(dir.path);
      writeTree(dir.path, { 'a.pem': fakePem(), 'b.txt': 'clean\n', 'c.pem': fakePem('EC ', 8) });
      git(dir.path, 'add', 'a.pem', 'b.txt');
      // Fixed in the working tree but not staged: the commit would still carry the key.
      writeTree(dir.path, { 'a.pem': 'removed\n', 'b.txt': fakePem('RSA ', 3) });
      const run = await runCli(dir.path, 'scan', '--staged', '--format', 'json');
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(
        report.findings.map((finding: { file: string }) => finding.file),
        ['a.pem'],
      );
      assert.equal(report.stats.filesAnalysed, 2);
    });

    it('reports paths relative to the current folder from a subfolder', async () => {
      gitInit(dir.path);
      writeTree(dir.path, { 'sub/k.pem': fakePem(), 'top.pem': fakePem('EC ', 4) });
      git(dir.path, 'add', '.');
      const run = await runCli(join(dir.path, 'sub'), 'scan', '--staged', '--format', 'json', '.');
      assert.deepEqual(
        JSON.parse(run.stdout).findings.map((finding: { file: string }) => finding.file),
        ['k.pem'],
      );
    });

    it("scans a commit of 40,000 files: their paths never go on git's command line (E2BIG)", async function () {
      this.timeout(120_000);
      gitInit(dir.path);
      const folder = join(dir.path, 'generated-by-the-code-generator-for-every-single-endpoint');
      mkdirSync(folder);
      // ~70 bytes a path, 2.8 MB in all: past the 2 MB Linux allows a command line.
      for (let index = 0; index < 40_000; index++) writeFileSync(join(folder, `endpoint-handler-${String(index).padStart(6, '0')}.txt`), '');
      writeTree(dir.path, { 'keys/k.pem': fakePem() });
      symlinkSync('keys/k.pem', join(dir.path, 'link.pem'));
      git(dir.path, 'add', '.');
      const run = await runCli(dir.path, 'scan', '--staged', '--format', 'json');
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout);
      // The symlink holds no text of its own: only the key file reports.
      assert.deepEqual(
        report.findings.map((finding: { file: string }) => finding.file),
        ['keys/k.pem'],
      );
      assert.equal(report.stats.filesAnalysed, 40_001);
    });

    it("with GIT_DIR and GIT_WORK_TREE, from a folder outside the work tree, reads the work tree's config", () => {
      const repo = join(dir.path, 'repo');
      const elsewhere = join(dir.path, 'elsewhere');
      mkdirSync(repo);
      mkdirSync(elsewhere);
      gitInit(repo);
      writeTree(repo, { '.lastline.json': '{ "rules": { "private-key": "warning" } }\n', 'sub/k.pem': fakePem() });
      git(repo, 'add', '.');
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'lastline.js'), 'scan', '--staged', '--format', 'json'], {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, GIT_DIR: join(repo, '.git'), GIT_WORK_TREE: repo },
      });
      assert.equal(run.status, 1, run.stderr);
      const findings = (JSON.parse(run.stdout) as { findings: { file: string; severity: string }[] }).findings;
      // The severity the repository's .lastline.json sets; the path as seen from the current folder.
      assert.deepEqual(
        findings.map(({ file, severity }) => ({ file, severity })),
        [{ file: '../repo/sub/k.pem', severity: 'warning' }],
      );
    });

    it('finds nothing to do with nothing staged', async () => {
      gitInit(dir.path);
      const run = await runCli(dir.path, 'scan', '--staged');
      assert.equal(run.code, 0);
      assert.match(run.stdout, /no problems · 0 files scanned/);
    });
  });

  describe('a single file outside any repository or config root', () => {
    let outside: ReturnType<typeof tempDir>;
    beforeEach(() => {
      outside = tempDir();
      writeTree(outside.path, {
        'a.py': SEED_INCIDENT_PY,
        'app.js': "const express = require('express');\nconst app = express();\napp.post('/admin/users', (req, res) => res.send('ok'));\napp.listen(3000);\n",
      });
    });
    afterEach(() => outside.remove());

    it('is scanned like the folder it is in (no false "clean")', async () => {
      const file = await runCli(outside.path, 'scan', 'a.py', '--format', 'json');
      const folder = await runCli(outside.path, 'scan', '.', '--format', 'json');
      assert.equal(file.code, 1);
      const rules = (run: typeof file) =>
        (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings
          .filter((finding) => finding.file === 'a.py')
          .map((finding) => finding.ruleId)
          .sort();
      assert.deepEqual(rules(file), rules(folder));
      assert.ok(rules(file).includes('string-built-query'));
    });

    it('reads code nested beyond the default stack on a thread with a deep one, without error lines', () => {
      const sql = 'db.query("SELECT * FROM t WHERE id = " + req.query.id);\n';
      writeTree(outside.path, {
        // 1,600 terms parse, but typescript-estree converts the tree recursively: out of stack.
        'long.js': `const q = ${Array.from({ length: 1_600 }, (_, index) => `a${index}`).join(' + ')}; // eslint-disable-line\n${sql}`,
        // 20,000 levels: the TypeScript parser itself runs out of stack.
        'deep.js': `const x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n${sql}`,
      });
      // The real CLI, in one thread: how deep a stack runs out depends on the thread.
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'lastline.js'), 'scan', 'long.js', 'deep.js', '--format', 'json', '--no-cache'], {
        cwd: outside.path,
        encoding: 'utf8',
      });
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      const findings = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] }).findings
        .map((finding) => `${finding.file} ${finding.ruleId}`)
        .sort();
      assert.deepEqual(findings, ['deep.js string-built-query', 'long.js silenced-check', 'long.js string-built-query']);
    });

    it('says so, and exits 2, when the parser gives up on the code', () => {
      const sql = 'db.query("SELECT * FROM t WHERE id = " + req.query.id);\n';
      // Fuzz input #1377, smallest shape: TypeScript's error recovery doubles per level (2^60).
      writeTree(outside.path, { 'tangled.ts': `${sql}x = ${'{ m: async function () { [ {\n'.repeat(60)}` });
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'lastline.js'), 'scan', 'tangled.ts'], { cwd: outside.path, encoding: 'utf8' });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /tangled\.ts: the parser gave up after [\d,]+ steps/);
      assert.match(run.stdout, /1 file scanned, 1 of them not fully/);
    });

    it('says so, and does not exit 0, when a named path is a FIFO or a device', async () => {
      spawnSync('mkfifo', [join(outside.path, 'pipe.env')]);
      for (const path of [join(outside.path, 'pipe.env'), '/dev/zero']) {
        const run = await runCli(outside.path, 'scan', path);
        assert.equal(run.code, 2, path);
        assert.match(run.stderr, /skipped .*: not a regular file \(a FIFO, device or socket\)/);
      }
    });

    it('lists the routes of a single file', async () => {
      const run = await runCli(outside.path, 'routes', 'app.js');
      assert.match(run.stdout, /POST \/admin\/users/);
    });
  });

  it("never prints a secret, not even inside a fix's new text (JSON, SARIF, text)", async () => {
    const secret = 'sk_live_51HqZ3cKj7vXw9TbYp2LmN4rS8uV6aDfGhJkL0qW';
    const project = tempDir();
    try {
      writeTree(project.path, {
        'billing.py': `import psycopg2\n\ndef charge(cursor, user):\n    cursor.execute(f"INSERT INTO charges (user_id, api_key) VALUES ('{user}', '${secret}')")\n`,
      });
      const outputs = await Promise.all(['json', 'sarif', 'text'].map((format) => runCli(project.path, 'scan', '--format', format)));
      const json = JSON.parse(outputs[0].stdout) as { findings: { ruleId: string; fixes: { edits: { newText: string }[] }[] }[] };
      const query = json.findings.find((finding) => finding.ruleId === 'string-built-query');
      assert.ok(
        query?.fixes.some((fix) => fix.edits.some((edit) => edit.newText.includes('sk_l… (48 chars)'))),
        JSON.stringify(query?.fixes),
      );
      for (const [index, output] of outputs.entries()) {
        assert.ok(!output.stdout.includes(secret) && !output.stderr.includes(secret), `format #${index} printed the secret`);
      }
    } finally {
      project.remove();
    }
  });

  it('keeps the terminal inert: control characters and bidi overrides from scanned files are shown escaped', async () => {
    const project = tempDir();
    try {
      const name = 'evil\u001b[2J\u202ename.py';
      writeTree(project.path, { [name]: SEED_INCIDENT_PY, 'c#?.py': SEED_INCIDENT_PY });
      const text = await runCli(project.path, 'scan');
      assert.ok(!/[\u001b\u202e]/.test(text.stdout + text.stderr), JSON.stringify(text.stdout.slice(0, 200)));
      assert.match(text.stdout, /evil\\x1b\[2J\\u202ename\.py/);
      const sarif = JSON.parse((await runCli(project.path, 'scan', '--format', 'sarif')).stdout);
      const uris: string[] = sarif.runs[0].results.map(
        (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri,
      );
      assert.ok(uris.includes('c%23%3F.py'), uris.join(', '));
    } finally {
      project.remove();
    }
  });

  it('reads .lastline.json, .gitignore and .env through the same size and file-type checks (no hang on /dev/zero or a FIFO)', async () => {
    const project = tempDir();
    try {
      gitInit(project.path);
      writeTree(project.path, { 'a.py': SEED_INCIDENT_PY });
      symlinkSync('/dev/zero', join(project.path, '.lastline.json'));
      symlinkSync('/dev/zero', join(project.path, '.env'));
      spawnSync('mkfifo', [join(project.path, '.gitignore')]);
      const run = await runCli(project.path, 'scan', '--format', 'json');
      assert.equal(run.code, 2, 'the unreadable config is a configuration problem');
      assert.match(run.stderr, /config \.lastline\.json: cannot be read \(not a regular file \(a FIFO, device or socket\)\); using defaults/);
      assert.ok(
        (JSON.parse(run.stdout) as { findings: { file: string }[] }).findings.some((finding) => finding.file === 'a.py'),
        'the scan still ran',
      );
    } finally {
      project.remove();
    }
  });
});
