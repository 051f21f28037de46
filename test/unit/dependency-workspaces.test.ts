// Workspaces: one lock file at the root resolves the manifests of member folders (npm, yarn and
// pnpm workspaces; uv workspaces). What each lock reader says of the members, which lock governs
// which folder, the version each declaration then resolves to, and which lock entries are a
// declaration's (not reported again as a dependency of a dependency); folders that are not
// members are left unresolved. And the versions a requirement allows, which pick among several
// locked versions (Poetry's per-Python constraints, yarn 1's per-range entries).
import { strict as assert } from 'node:assert';
import { lockedVersions } from '../../src/core/dependencies/locked-versions';
import { dependencyFileKind, type DependencyFileRead } from '../../src/core/dependencies/manifests';
import type { DependencyFacts } from '../../src/core/dependencies/model';
import { pep440Alternatives } from '../../src/core/dependencies/python-specifiers';
import { resolvedVersion, resolvesDeclaration } from '../../src/core/dependencies/resolved-version';
import { allowsVersion } from '../../src/core/dependencies/versions';
import { folderOf } from '../../src/core/dependencies/manifests';
import { addGoverningDependencyFiles } from '../../src/scan/dependencies/governing-files';
import { tempDir, writeTree } from './helpers';
import { UV_WORKSPACE_LOCK } from './workspace-locks';

function readAll(files: Record<string, string>): Map<string, DependencyFileRead> {
  return new Map(Object.entries(files).map(([path, text]) => [path, dependencyFileKind(path)!.read(text)]));
}

/** The facts the rules get, without advisories or registry answers. */
function factsOf(reads: ReadonlyMap<string, DependencyFileRead>): DependencyFacts {
  const { locked, workspaceMembers } = lockedVersions(reads);
  const declared = new Map<string, Set<string>>();
  for (const [path, read] of reads)
    for (const dependency of read.declared)
      declared.set(folderOf(path), (declared.get(folderOf(path)) ?? new Set()).add(`${dependency.ecosystem}\0${dependency.name}`));
  return { advisories: new Map(), locked, workspaceMembers, declared };
}

/** Each declaration as `path name spec → version` (`-`: not resolved), then each lock entry no declaration resolves to. */
function resolution(files: Record<string, string>): string[] {
  const reads = readAll(files);
  const facts = factsOf(reads);
  const lines: string[] = [];
  for (const [path, read] of [...reads].sort(([a], [b]) => a.localeCompare(b))) {
    for (const dependency of read.declared)
      lines.push(`${path} ${dependency.name} ${dependency.spec || '*'} → ${resolvedVersion(facts.locked, folderOf(path), dependency) ?? '-'}`);
    for (const entry of read.locked) if (!resolvesDeclaration(facts, folderOf(path), entry)) lines.push(`${path} ${entry.name}@${entry.version} transitive`);
  }
  return lines;
}

const NPM_LOCK = `{
  "name": "monorepo",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "monorepo",
      "workspaces": ["packages/*"],
      "devDependencies": { "typescript": "^5.3.0" }
    },
    "node_modules/app": { "resolved": "packages/app", "link": true },
    "node_modules/lib": { "resolved": "packages/lib", "link": true },
    "node_modules/local": { "resolved": "vendor/local", "link": true },
    "node_modules/lodash": { "version": "4.17.15" },
    "node_modules/minimist": { "version": "1.2.8" },
    "node_modules/typescript": { "version": "5.3.3", "dev": true },
    "packages/app": {
      "version": "1.0.0",
      "dependencies": { "lib": "*", "lodash": "^4.17.15", "minimist": "^1.2.0" }
    },
    "packages/app/node_modules/minimist": { "version": "1.2.5" },
    "packages/lib": { "version": "1.0.0", "dependencies": { "minimist": "^1.2.8" } },
    "vendor/local": { "version": "1.0.0", "dependencies": { "lodash": "^4.17.0" } }
  }
}
`;

describe('workspace roots in lock files', () => {
  it('package-lock.json: a member resolves through its own node_modules, then the hoisted one; a file: dependency and a stray folder do not', () => {
    assert.deepEqual(
      resolution({
        'package.json': '{ "name": "monorepo", "workspaces": ["packages/*"], "devDependencies": { "typescript": "^5.3.0" } }',
        'package-lock.json': NPM_LOCK,
        'packages/app/package.json': `{
  "name": "app",
  "dependencies": { "lib": "*", "lodash": "^4.17.15", "minimist": "^1.2.0" }
}`,
        'packages/lib/package.json': '{ "name": "lib", "dependencies": { "minimist": "^1.2.8" } }',
        // Listed in the lock (a `file:` dependency's folder), but no workspace glob names it.
        'vendor/local/package.json': '{ "name": "local", "dependencies": { "lodash": "^4.17.0" } }',
        // Below the root, a project of its own.
        'tools/script/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      [
        'package.json typescript ^5.3.0 → 5.3.3',
        'packages/app/package.json lib * → -',
        'packages/app/package.json lodash ^4.17.15 → 4.17.15',
        'packages/app/package.json minimist ^1.2.0 → 1.2.5',
        'packages/lib/package.json minimist ^1.2.8 → 1.2.8',
        'tools/script/package.json lodash ^4.17.15 → -',
        'vendor/local/package.json lodash ^4.17.0 → -',
      ],
    );
  });

  it('package-lock.json format 1 has no workspaces: a subfolder stays unresolved', () => {
    const v1 = '{ "lockfileVersion": 1, "dependencies": { "lodash": { "version": "4.17.15" } } }';
    assert.deepEqual(
      resolution({
        'package.json': '{ "workspaces": ["packages/*"] }',
        'package-lock.json': v1,
        'packages/app/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      ['package-lock.json lodash@4.17.15 transitive', 'packages/app/package.json lodash ^4.17.15 → -'],
    );
  });

  it('pnpm-lock.yaml (lockfileVersion 9): each importer is a member, peer suffixes dropped, links and aliases as written', () => {
    const lock = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      typescript:
        specifier: ^5.3.0
        version: 5.3.3

  packages/app:
    dependencies:
      lib:
        specifier: workspace:*
        version: link:../lib
      react:
        specifier: ^18.2.0
        version: 18.2.0
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
      width:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3

  packages/lib:
    devDependencies:
      minimist:
        specifier: ^1.2.0
        version: 1.2.5

packages:

  minimist@1.2.5:
    resolution: {integrity: sha512-0}

  react-dom@18.2.0:
    resolution: {integrity: sha512-1}
    peerDependencies:
      react: ^18.2.0

  react@18.2.0:
    resolution: {integrity: sha512-2}

  string-width@4.2.3:
    resolution: {integrity: sha512-3}

  typescript@5.3.3:
    resolution: {integrity: sha512-4}

snapshots:

  minimist@1.2.5: {}

  react-dom@18.2.0(react@18.2.0):
    dependencies:
      react: 18.2.0

  react@18.2.0: {}

  string-width@4.2.3: {}

  typescript@5.3.3: {}
`;
    assert.deepEqual(
      resolution({
        'pnpm-lock.yaml': lock,
        'package.json': '{ "devDependencies": { "typescript": "^5.3.0" } }',
        'packages/app/package.json':
          '{ "dependencies": { "react": "^18.2.0", "react-dom": "^18.2.0", "width": "npm:string-width@^4.2.0", "lib": "workspace:*" } }',
        'packages/lib/package.json': '{ "devDependencies": { "minimist": "^1.2.0" } }',
        'packages/other/package.json': '{ "dependencies": { "react": "^18.2.0" } }',
      }),
      [
        'package.json typescript ^5.3.0 → 5.3.3',
        'packages/app/package.json react ^18.2.0 → 18.2.0',
        'packages/app/package.json react-dom ^18.2.0 → 18.2.0',
        'packages/app/package.json string-width ^4.2.0 → 4.2.3',
        'packages/lib/package.json minimist ^1.2.0 → 1.2.5',
        'packages/other/package.json react ^18.2.0 → -',
      ],
    );
  });

  it('pnpm-lock.yaml (lockfileVersion 6): `/name@version(peer)` values', () => {
    const lock = `lockfileVersion: '6.0'

importers:

  .: {}

  packages/app:
    dependencies:
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
      width:
        specifier: npm:string-width@^4.2.0
        version: /string-width@4.2.3

packages:

  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: sha512-1}
    dependencies:
      react: 18.2.0
    dev: false

  /string-width@4.2.3:
    resolution: {integrity: sha512-3}
    dev: false
`;
    assert.deepEqual(
      resolution({ 'pnpm-lock.yaml': lock, 'packages/app/package.json': '{ "dependencies": { "react-dom": "^18.2.0", "width": "npm:string-width@^4.2.0" } }' }),
      ['packages/app/package.json react-dom ^18.2.0 → 18.2.0', 'packages/app/package.json string-width ^4.2.0 → 4.2.3'],
    );
  });

  const YARN_CLASSIC = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


lodash@^4.17.15:
  version "4.17.15"
  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.15.tgz#0123"
  integrity sha512-0

lodash@^4.17.21:
  version "4.17.21"
  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#4567"
  integrity sha512-1

"minimist@^1.2.0", minimist@~1.2.5:
  version "1.2.5"
  resolved "https://registry.yarnpkg.com/minimist/-/minimist-1.2.5.tgz#89ab"
  integrity sha512-2
`;

  it("yarn.lock (yarn 1): the root package.json's globs name the members, each range resolves through its own entry", () => {
    assert.deepEqual(
      resolution({
        'package.json': '{ "private": true, "workspaces": { "packages": ["packages/*", "!packages/legacy"] }, "dependencies": { "lodash": "^4.17.21" } }',
        'yarn.lock': YARN_CLASSIC,
        'packages/app/package.json': '{ "dependencies": { "lodash": "^4.17.15", "minimist": "~1.2.5" } }',
        'packages/legacy/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
        'apps/web/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      [
        'apps/web/package.json lodash ^4.17.15 → -',
        'package.json lodash ^4.17.21 → 4.17.21',
        'packages/app/package.json lodash ^4.17.15 → 4.17.15',
        'packages/app/package.json minimist ~1.2.5 → 1.2.5',
        'packages/legacy/package.json lodash ^4.17.15 → -',
      ],
    );
    // Without `workspaces` in the root package.json, the yarn.lock is one project's: no member.
    assert.deepEqual(
      resolution({
        'package.json': '{ "dependencies": { "lodash": "^4.17.21" } }',
        'yarn.lock': YARN_CLASSIC,
        'packages/app/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      ['package.json lodash ^4.17.21 → 4.17.21', 'packages/app/package.json lodash ^4.17.15 → -', 'yarn.lock minimist@1.2.5 transitive'],
    );
  });

  it('yarn.lock (yarn 2+): `name@npm:range` descriptors', () => {
    const berry = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:packages/app":
  version: 0.0.0-use.local
  resolution: "app@workspace:packages/app"
  dependencies:
    lodash: "npm:^4.17.15"
  languageName: unknown
  linkType: soft

"lodash@npm:^4.17.15":
  version: 4.17.15
  resolution: "lodash@npm:4.17.15"
  checksum: 10c0/0123
  languageName: node
  linkType: hard

"monorepo@workspace:.":
  version: 0.0.0-use.local
  resolution: "monorepo@workspace:."
  languageName: unknown
  linkType: soft
`;
    assert.deepEqual(
      resolution({
        'package.json': '{ "workspaces": ["packages/app"] }',
        'yarn.lock': berry,
        'packages/app/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
        'packages/app2/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      ['packages/app/package.json lodash ^4.17.15 → 4.17.15', 'packages/app2/package.json lodash ^4.17.15 → -'],
    );
  });

  it('uv.lock: `[manifest] members` and their editable or virtual folders; not a path dependency', () => {
    assert.deepEqual(
      resolution({
        'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["api", "tool"]\n\n[tool.uv.workspace]\nmembers = ["apps/*"]\n',
        'uv.lock': UV_WORKSPACE_LOCK,
        'apps/api/pyproject.toml': `[project]
name = "api"
dependencies = [
    "flask>=2",
]
`,
        // Required by path, so in the lock, but not a member.
        'tools/tool/pyproject.toml': '[project]\nname = "tool"\ndependencies = ["requests>=2.31"]\n',
      }),
      [
        'apps/api/pyproject.toml flask >=2 → 2.2.2',
        'pyproject.toml api * → -',
        'pyproject.toml tool * → -',
        'tools/tool/pyproject.toml requests >=2.31 → -',
        // flask is the member's; requests only the path dependency's, which the root requires.
        'uv.lock requests@2.31.0 transitive',
      ],
    );
  });

  it('the lock in its own folder wins; of two roots above, the nearest that counts the folder as a member', () => {
    const own = '{ "lockfileVersion": 3, "packages": { "": { "name": "own" }, "node_modules/lodash": { "version": "4.17.21" } } }';
    const inner = `{ "lockfileVersion": 3, "packages": {
  "": { "name": "inner", "workspaces": ["pkg"] },
  "pkg": { "version": "1.0.0" },
  "node_modules/lodash": { "version": "4.17.20" }
} }`;
    const outer = NPM_LOCK.replace('"workspaces": ["packages/*"]', '"workspaces": ["packages/*", "nested/pkg"]').replace(
      '"packages/lib": {',
      '"nested/pkg": { "version": "1.0.0" },\n    "packages/lib": {',
    );
    assert.deepEqual(
      resolution({
        'package-lock.json': outer,
        'packages/app/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
        'packages/app/package-lock.json': own,
        'nested/package-lock.json': inner,
        'nested/pkg/package.json': '{ "dependencies": { "lodash": "^4.17.15" } }',
      }),
      [
        'nested/pkg/package.json lodash ^4.17.15 → 4.17.20',
        // The outer lock's members declare nothing here: its entries are no declaration's.
        'package-lock.json lodash@4.17.15 transitive',
        'package-lock.json minimist@1.2.8 transitive',
        'package-lock.json typescript@5.3.3 transitive',
        'package-lock.json minimist@1.2.5 transitive',
        'packages/app/package.json lodash ^4.17.15 → 4.17.21',
      ],
    );
  });
});

describe('the workspace root above a manifest read from elsewhere', () => {
  it('is read from disk (the editor, scan --staged): what it says of its members, not its own entries or declarations', async () => {
    const scratch = tempDir();
    try {
      writeTree(scratch.path, {
        'package.json': '{ "name": "monorepo", "workspaces": ["packages/*"], "devDependencies": { "typescript": "^5.3.0" } }',
        'package-lock.json': NPM_LOCK,
        'packages/app/package.json': '{ "dependencies": {} }',
        'packages/README.md': 'not a dependency file',
      });
      // The editor's unsaved text of the member's manifest.
      const path = 'packages/app/package.json';
      const reads = new Map([[path, dependencyFileKind(path)!.read('{ "dependencies": { "lodash": "^4.17.15" } }')]]);
      await addGoverningDependencyFiles(reads, scratch.path, [folderOf(path)], 1_000_000);
      assert.deepEqual(
        [...reads].map(
          ([file, read]) =>
            `${file}: ${read.declared.length} declared, ${read.locked.length} locked${read.workspace ? `, ${read.workspace.kind}` : ''}${read.workspaces ? `, workspaces ${read.workspaces.join()}` : ''}`,
        ),
        [
          'packages/app/package.json: 1 declared, 0 locked',
          'package-lock.json: 0 declared, 0 locked, install-paths',
          'package.json: 0 declared, 0 locked, workspaces packages/*',
        ],
      );
      assert.equal(resolvedVersion(lockedVersions(reads).locked, 'packages/app', reads.get(path)!.declared[0]), '4.17.15');
    } finally {
      scratch.remove();
    }
  });
});

describe('versions a requirement allows', () => {
  it("reads Poetry's constraints as PEP 440, and PEP 440 as it is", () => {
    const specs = [
      '^1.2.3',
      '^0.2.3',
      '^0.0.3',
      '^0',
      '^0.0',
      '~1.2.3',
      '~1.2',
      '~1',
      '1.2.3',
      '=1.2.3',
      '*',
      '',
      '>=1.2,<1.5',
      '>= 1.2 < 1.5',
      '^1.0 || ^2.0',
      '==2.*',
      '~=2.2',
      'latest',
      '^x',
    ];
    assert.deepEqual(
      specs.map((spec) => `${spec || "''"} → ${JSON.stringify(pep440Alternatives(spec) ?? null)}`),
      [
        '^1.2.3 → [">=1.2.3,<2"]',
        '^0.2.3 → [">=0.2.3,<0.3"]',
        '^0.0.3 → [">=0.0.3,<0.0.4"]',
        '^0 → [">=0,<1"]',
        '^0.0 → [">=0.0,<0.1"]',
        '~1.2.3 → [">=1.2.3,<1.3"]',
        '~1.2 → [">=1.2,<1.3"]',
        '~1 → [">=1,<2"]',
        '1.2.3 → ["==1.2.3"]',
        '=1.2.3 → ["==1.2.3"]',
        '* → [""]',
        '\'\' → [""]',
        '>=1.2,<1.5 → [">=1.2,<1.5"]',
        '>= 1.2 < 1.5 → [">=1.2,<1.5"]',
        '^1.0 || ^2.0 → [">=1.0,<2",">=2.0,<3"]',
        '==2.* → ["==2.*"]',
        '~=2.2 → ["~=2.2"]',
        'latest → null',
        '^x → null',
      ],
    );
    assert.deepEqual(
      [
        ['PyPI', '<=1.9', '1.9.0'],
        ['PyPI', '<=1.9', '2.1.0'],
        ['PyPI', '^2.0', '2.1.0'],
        ['PyPI', '^1.0 || ^2.0', '2.1.0'],
        ['npm', '^4.17.15', '4.17.21'],
        ['npm', '^3.0.0', '4.17.21'],
        ['npm', 'latest', '4.17.21'],
      ].map(([ecosystem, spec, version]) => allowsVersion(ecosystem as 'npm' | 'PyPI', spec, version) ?? 'unknown'),
      [true, false, true, true, true, false, 'unknown'],
    );
  });

  it("resolves each of Poetry's constraints to the locked version it allows, and a range among several to the one it allows", () => {
    const pyproject = `[tool.poetry.dependencies]
python = "^3.8"
flask = [
    { version = "<2.3", python = "<3.8" },
    { version = "^2.3", python = ">=3.8" },
]
`;
    const lock = (versions: string[]) => versions.map((version) => `[[package]]\nname = "flask"\nversion = "${version}"\n`).join('\n');
    assert.deepEqual(resolution({ 'pyproject.toml': pyproject, 'poetry.lock': lock(['2.2.2', '2.3.3']) }), [
      'pyproject.toml flask <2.3 → 2.2.2',
      'pyproject.toml flask ^2.3 → 2.3.3',
    ]);
    // One version locked: the constraint that does not allow it is not resolved (it is another Python's).
    assert.deepEqual(resolution({ 'pyproject.toml': pyproject, 'poetry.lock': lock(['2.3.3']) }), [
      'pyproject.toml flask <2.3 → -',
      'pyproject.toml flask ^2.3 → 2.3.3',
    ]);
    // One requirement, several versions locked (yarn 1 lists each range's): the one it allows, not the last.
    const yarn = resolution({ 'package.json': '{ "dependencies": { "lodash": "^3.10.0" } }', 'yarn.lock': YARN_CLASSIC_TWO });
    assert.deepEqual(
      yarn.filter((line) => line.startsWith('package.json')),
      ['package.json lodash ^3.10.0 → 3.10.1'],
    );
  });
});

const YARN_CLASSIC_TWO = `# yarn lockfile v1


lodash@^3.10.0:
  version "3.10.1"

lodash@^4.17.15:
  version "4.17.21"
`;

describe("workspace siblings: the packages a lock links to the workspace's own folders", () => {
  const cases: [string, string, string, string[]][] = [
    [
      'npm: link entries',
      'package-lock.json',
      `{
  "lockfileVersion": 3,
  "packages": {
    "": { "workspaces": ["packages/*"] },
    "node_modules/@acme/shared": { "resolved": "packages/shared", "link": true },
    "node_modules/lodash": { "version": "4.17.21" }
  }
}
`,
      ['@acme/shared'],
    ],
    [
      'pnpm: link: requirements',
      'pnpm-lock.yaml',
      `lockfileVersion: '9.0'
importers:
  .: {}
  packages/app:
    dependencies:
      '@acme/shared':
        specifier: workspace:*
        version: link:../shared
      lodash:
        specifier: ^4.17.0
        version: 4.17.21
packages:
  lodash@4.17.21:
    resolution: {integrity: sha512-x}
`,
      ['@acme/shared'],
    ],
    [
      'yarn berry: workspace: resolutions',
      'yarn.lock',
      `__metadata:
  version: 8

"@acme/shared@workspace:*, @acme/shared@workspace:packages/shared":
  version: 0.0.0-use.local
  resolution: "@acme/shared@workspace:packages/shared"

"lodash@npm:^4.17.0":
  version: 4.17.21
  resolution: "lodash@npm:4.17.21"
`,
      ['@acme/shared'],
    ],
    [
      'npm: a lock without links names none (its packages come from the registry)',
      'package-lock.json',
      '{ "lockfileVersion": 3, "packages": { "": {}, "node_modules/lodash": { "version": "4.17.21" } } }\n',
      [],
    ],
  ];
  for (const [title, path, text, expected] of cases) {
    it(title, () => assert.deepEqual(dependencyFileKind(path)!.read(text).localPackages ?? [], expected));
  }
});
