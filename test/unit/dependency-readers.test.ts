// The dependency file readers: what each declares or locks, where (spans a finding and a fix
// use), and the requirements they cannot look up left out.
import { strict as assert } from 'node:assert';
import { dependencyFileKind } from '../../src/core/dependencies/manifests';
import type { DeclaredDependency, LockedPackage } from '../../src/core/dependencies/model';
import { readPackageJson } from '../../src/core/dependencies/package-json';
import { readPackageLock } from '../../src/core/dependencies/package-lock';
import { readPipfile } from '../../src/core/dependencies/pipfile';
import { readPipfileLock } from '../../src/core/dependencies/pipfile-lock';
import { readPnpmLock } from '../../src/core/dependencies/pnpm-lock';
import { readPyproject } from '../../src/core/dependencies/pyproject';
import { readPythonLock } from '../../src/core/dependencies/python-lock';
import { readRequirements } from '../../src/core/dependencies/requirements';
import { raisedSpec } from '../../src/core/dependencies/versions';
import { readYarnLock } from '../../src/core/dependencies/yarn-lock';

/** Each declaration as `name spec [pinned] "declared text" "spec text"`. */
function shown(text: string, dependencies: readonly DeclaredDependency[]): string[] {
  return dependencies.map((dependency) => {
    const spec = dependency.specSpan ? JSON.stringify(text.slice(dependency.specSpan.start, dependency.specSpan.end)) : '-';
    return `${dependency.name} ${dependency.spec || '*'}${dependency.pinned ? ` =${dependency.pinned}` : ''} ${JSON.stringify(text.slice(dependency.span.start, dependency.span.end))} ${spec}`;
  });
}

describe('dependency readers', () => {
  it('package.json: registry requirements of the three sections, npm: aliases, nothing else', () => {
    const text = `{
  "name": "internal-tool",
  "version": "1.0.0",
  "dependencies": {
    "express": "4.17.1",
    "lodash": "^4.17.15",
    "left": "npm:left-pad@1.3.0",
    "local": "file:../local",
    "fork": "github:someone/fork",
    "shorthand": "someone/repo",
    "git": "git+https://example.com/x.git",
    "tagged": "latest"
  },
  "devDependencies": { "mocha": "~10.2.0" },
  "optionalDependencies": { "fsevents": "=2.3.3" },
  "peerDependencies": { "react": "^18.0.0" },
  "scripts": { "lodash": "1.0.0" }
}
`;
    assert.deepEqual(shown(text, readPackageJson(text)), [
      'express 4.17.1 =4.17.1 "express\\": \\"4.17.1" "4.17.1"',
      'lodash ^4.17.15 "lodash\\": \\"^4.17.15" "^4.17.15"',
      'left-pad 1.3.0 =1.3.0 "left\\": \\"npm:left-pad@1.3.0" "1.3.0"',
      'tagged latest "tagged\\": \\"latest" "latest"',
      'mocha ~10.2.0 "mocha\\": \\"~10.2.0" "~10.2.0"',
      'fsevents =2.3.3 =2.3.3 "fsevents\\": \\"=2.3.3" "=2.3.3"',
    ]);
  });

  it('package-lock.json (formats 2/3 and 1): every installed version, the top-level ones marked', () => {
    const v3 = `{
  "name": "app",
  "lockfileVersion": 3,
  "packages": {
    "": { "name": "app", "dependencies": { "express": "4.17.1" } },
    "node_modules/express": { "version": "4.17.1" },
    "node_modules/express/node_modules/qs": { "version": "6.7.0" },
    "node_modules/@types/node": { "version": "20.11.5" },
    "node_modules/linked": { "resolved": "packages/linked", "link": true }
  }
}
`;
    assert.deepEqual(
      readPackageLock(v3).map(
        (entry) => `${entry.name}@${entry.version}${entry.topLevel ? ' top' : ''} ${JSON.stringify(v3.slice(entry.span.start, entry.span.end))}`,
      ),
      ['express@4.17.1 top "4.17.1"', 'qs@6.7.0 "6.7.0"', '@types/node@20.11.5 top "20.11.5"'],
    );
    const v1 = `{
  "lockfileVersion": 1,
  "dependencies": {
    "minimist": { "version": "1.2.5", "dependencies": { "deep": { "version": "0.1.0" } } }
  }
}
`;
    assert.deepEqual(
      readPackageLock(v1).map((entry) => `${entry.name}@${entry.version}${entry.topLevel ? ' top' : ''}`),
      ['minimist@1.2.5 top', 'deep@0.1.0'],
    );
  });

  it('requirements.txt: PEP 508 lines, pins, markers, hashes, continuations, includes; no URLs or options', () => {
    const text = `# web
Flask==2.2.2  # pinned by the assistant
requests >= 2.31, < 3 ; python_version >= "3.8"
Django_REST.framework[crypto]===3.14.0
gunicorn
numpy==1.26.4 \\
    --hash=sha256:0123456789abcdef
-r requirements-dev.txt
--requirement=extra.txt
-e git+https://example.com/pkg.git#egg=pkg
pkg @ https://example.com/pkg-1.0.tar.gz
--index-url https://pypi.example.com/simple
wild==2.*
`;
    const file = readRequirements(text);
    assert.deepEqual(shown(text, file.dependencies), [
      'flask ==2.2.2 =2.2.2 "Flask==2.2.2" "==2.2.2"',
      'requests >= 2.31, < 3 "requests >= 2.31, < 3" ">= 2.31, < 3"',
      'django-rest-framework ===3.14.0 =3.14.0 "Django_REST.framework[crypto]===3.14.0" "===3.14.0"',
      'gunicorn * "gunicorn" -',
      'numpy ==1.26.4 =1.26.4 "numpy==1.26.4" "==1.26.4"',
      'wild ==2.* "wild==2.*" "==2.*"',
    ]);
    assert.deepEqual(file.includes, ['requirements-dev.txt', 'extra.txt']);
  });

  it('knows dependency files by name', () => {
    const kinds = [
      'package.json',
      'app/package-lock.json',
      'npm-shrinkwrap.json',
      'requirements.txt',
      'requirements-dev.txt',
      'requirements/prod.txt',
      'requirements.in',
      'src/package.js',
      'docs/requirements.md',
    ].map((path) => `${path}: ${dependencyFileKind(path)?.id ?? '-'}`);
    assert.deepEqual(kinds, [
      'package.json: package.json',
      'app/package-lock.json: package-lock',
      'npm-shrinkwrap.json: package-lock',
      'requirements.txt: requirements',
      'requirements-dev.txt: requirements',
      'requirements/prod.txt: requirements',
      'requirements.in: requirements',
      'src/package.js: -',
      'docs/requirements.md: -',
    ]);
  });

  it('raises a requirement in its own style, and leaves the ones a rewrite could change alone', () => {
    const cases: [Parameters<typeof raisedSpec>[0], string, string][] = [
      ['npm', '^4.17.15', '4.17.21'],
      ['npm', '~1.2.5', '1.2.6'],
      ['npm', '4.17.1', '4.17.3'],
      ['npm', '=2.3.3', '2.3.4'],
      ['npm', '>=1.0.0', '1.2.0'],
      ['npm', '>=1 <2', '1.5.0'],
      ['npm', '1.x', '1.5.0'],
      ['PyPI', '==2.2.2', '2.2.5'],
      ['PyPI', '>=2.0', '2.2.5'],
      ['PyPI', '~=2.2', '2.2.5'],
      ['PyPI', '>= 2.31, < 3', '2.32.0'],
      ['PyPI', '==2.*', '2.2.5'],
    ];
    assert.deepEqual(
      cases.map(([ecosystem, spec, version]) => `${spec} → ${raisedSpec(ecosystem, spec, version) ?? '(no fix)'}`),
      [
        '^4.17.15 → ^4.17.21',
        '~1.2.5 → ~1.2.6',
        '4.17.1 → 4.17.3',
        '=2.3.3 → =2.3.4',
        '>=1.0.0 → >=1.2.0',
        '>=1 <2 → (no fix)',
        '1.x → (no fix)',
        '==2.2.2 → ==2.2.5',
        '>=2.0 → >=2.2.5',
        '~=2.2 → ~=2.2.5',
        '>= 2.31, < 3 → (no fix)',
        '==2.* → (no fix)',
      ],
    );
  });
});

/** Each lock entry as `name@version [top] "version text"`. */
function lockShown(text: string, locked: readonly LockedPackage[]): string[] {
  return locked.map(
    (entry) =>
      `${entry.ecosystem === 'PyPI' ? 'PyPI:' : ''}${entry.name}@${entry.version}${entry.topLevel ? ' top' : ''} ${JSON.stringify(text.slice(entry.span.start, entry.span.end))}`,
  );
}

describe('yarn.lock reader', () => {
  it('yarn 1: the version of each registry entry, aliases as the package they name; not git entries or nested `version` requirements', () => {
    const text = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.22.13":
  version "7.23.5"
  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.23.5.tgz#9009b69a8c602293476ad598ff53e4562e15c244"
  integrity sha512-CgH3s1a96LipHCmSUmYFPwY7MNx8C3avkq7i4Wl3cfa662ldtUe4VM1TPXX70pfmrlWTb6jLqTYrZyT2ZTJBgA==
  dependencies:
    "@babel/highlight" "^7.23.4"
    chalk "^2.4.2"

fork@github:someone/fork#main:
  version "1.0.0"
  resolved "https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef"

local@file:../local:
  version "0.1.0"

lodash@^4.17.15, lodash@^4.17.21:
  version "4.17.21"
  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c"
  integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==

odd@^1.0.0:
  dependencies:
    version "1.0.0"

"string-width-cjs@npm:string-width@^4.2.0", string-width@^4.1.0:
  version "4.2.3"
  resolved "https://registry.yarnpkg.com/string-width/-/string-width-4.2.3.tgz#269c7117d27b05ad2e536830a8ec895ef9c6d010"
`;
    assert.deepEqual(lockShown(text, readYarnLock(text)), [
      '@babel/code-frame@7.23.5 top "7.23.5"',
      'lodash@4.17.21 top "4.17.21"',
      'string-width@4.2.3 top "4.2.3"',
    ]);
    // Windows line ends: the same entries and offsets.
    const crlf = text.replace(/\n/g, '\r\n');
    assert.deepEqual(lockShown(crlf, readYarnLock(crlf)), [
      '@babel/code-frame@7.23.5 top "7.23.5"',
      'lodash@4.17.21 top "4.17.21"',
      'string-width@4.2.3 top "4.2.3"',
    ]);
  });

  it('yarn 2+ (YAML): npm entries by their resolution; not __metadata, workspace or patch entries; top-level: what the root workspace requires', () => {
    const text = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 8
  cacheKey: 10c0

"@babel/code-frame@npm:^7.0.0, @babel/code-frame@npm:^7.22.13":
  version: 7.23.5
  resolution: "@babel/code-frame@npm:7.23.5"
  dependencies:
    "@babel/highlight": "npm:^7.23.4"
  checksum: 10c0/a10e843595ddd9f97faa99917414813c06214f4d9205294013e20c70fbdf4f943760da37dec1d998bf3e6fc20fa2918a47c0e987a7e458663feb7698063ad7c6
  languageName: node
  linkType: hard

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    lodash: "npm:^4.17.21"
    resolve: "npm:^1.20.0"
    string-width-cjs: "npm:string-width@^4.2.0"
  languageName: unknown
  linkType: soft

"lodash@npm:^4.17.21":
  version: 4.17.21
  resolution: "lodash@npm:4.17.21"
  languageName: node
  linkType: hard

"lodash@npm:^3.10.1":
  version: 3.10.1
  resolution: "lodash@npm:3.10.1"
  languageName: node
  linkType: hard

"resolve@npm:^1.20.0":
  version: 1.22.8
  resolution: "resolve@npm:1.22.8"
  languageName: node
  linkType: hard

"resolve@patch:resolve@npm%3A^1.20.0#optional!builtin<compat/resolve>":
  version: 1.22.8
  resolution: "resolve@patch:resolve@npm%3A1.22.8#optional!builtin<compat/resolve>::version=1.22.8&hash=c3c19d"
  languageName: node
  linkType: hard

"string-width-cjs@npm:string-width@^4.2.0":
  version: 4.2.3
  resolution: "string-width@npm:4.2.3"
  languageName: node
  linkType: hard
`;
    assert.deepEqual(lockShown(text, readYarnLock(text)), [
      '@babel/code-frame@7.23.5 "7.23.5"',
      'lodash@4.17.21 top "4.17.21"',
      'lodash@3.10.1 "3.10.1"',
      'resolve@1.22.8 top "1.22.8"',
      'string-width@4.2.3 top "4.2.3"',
    ]);
    // Without the root workspace's entry there is nothing to tell: every entry is top-level.
    const bare = `__metadata:
  version: 6

"ms@npm:2.1.2":
  version: 2.1.2
  resolution: "ms@npm:2.1.2"
`;
    assert.deepEqual(lockShown(bare, readYarnLock(bare)), ['ms@2.1.2 top "2.1.2"']);
  });
});

describe('pnpm-lock.yaml reader', () => {
  it("lockfileVersion 9: every package once (peer suffixes dropped), the root importer's versions top-level; not tarball or file packages", () => {
    const text = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@tanstack/react-query':
        specifier: ^5.17.0
        version: 5.17.9(react@18.2.0)
      react:
        specifier: ^18.2.0
        version: 18.2.0
      string-width-cjs:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
      local:
        specifier: file:../local
        version: file:../local
    devDependencies:
      typescript:
        specifier: ~5.3.3
        version: 5.3.3

  packages/legacy:
    dependencies:
      react:
        specifier: ^17.0.2
        version: 17.0.2

packages:

  '@tanstack/query-core@5.17.9':
    resolution: {integrity: sha512-8xbsvJcQ6f5W4Pu2B2mZtT7zmvDRS3RfW6Rh04ZpBnDEgdGjx8UdVHe8BapsSP1VBG2wg2KpZb2tLfCyp3ni2w==}

  '@tanstack/react-query@5.17.9':
    resolution: {integrity: sha512-M5E5jL1MIDP4N9hfmNsNKGLsLRf6Zq0fMOOWjkDmMwKkbSOvbOaM0oRbLBXHtNi37ZWYGSODvNWz6fbLBtIIvg==}
    peerDependencies:
      react: ^18.0.0

  fork@https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef:
    resolution: {tarball: https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef}
    version: 1.0.0

  local@file:../local:
    resolution: {directory: ../local, type: directory}

  react@17.0.2:
    resolution: {integrity: sha512-b1z}
    engines: {node: '>=0.10.0'}

  react@18.2.0:
    resolution: {integrity: sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==}
    engines: {node: '>=0.10.0'}

  string-width@4.2.3:
    resolution: {integrity: sha512-wKyQRQpjJ0sIp62ErSZdGsjMJWsap5oRNihHhu6G7JVO/9jIB6UyevL+tXuOqrng8j/cxKTWyWUwvSTriiZz/g==}

  typescript@5.3.3:
    resolution: {integrity: sha512-pXWcraxM0uxAS+tsPs9P+3/8+JO5+Dsay3+hr6/G3y3yELX/3BjaT8Cn8xalQd+RkrjunYJRVw+ETFHbFOhVfk==}
    hasBin: true

snapshots:

  '@tanstack/query-core@5.17.9': {}

  '@tanstack/react-query@5.17.9(react@18.2.0)':
    dependencies:
      '@tanstack/query-core': 5.17.9
      react: 18.2.0

  react@17.0.2: {}

  react@18.2.0: {}

  string-width@4.2.3: {}

  typescript@5.3.3: {}
`;
    assert.deepEqual(lockShown(text, readPnpmLock(text)), [
      '@tanstack/query-core@5.17.9 "5.17.9"',
      '@tanstack/react-query@5.17.9 top "5.17.9"',
      'react@17.0.2 "17.0.2"',
      'react@18.2.0 top "18.2.0"',
      'string-width@4.2.3 top "4.2.3"',
      'typescript@5.3.3 top "5.3.3"',
    ]);
  });

  it('lockfileVersion 6 (`/name@1.2.3(peer)`) and 5 (`/name/1.2.3_peer`): the top-level `dependencies` give the top-level versions', () => {
    const v6 = `lockfileVersion: '6.0'

dependencies:
  react-dom:
    specifier: ^18.2.0
    version: 18.2.0(react@18.2.0)

devDependencies:
  '@types/react':
    specifier: ^18.2.0
    version: 18.2.48

packages:

  /@types/react@18.2.48:
    resolution: {integrity: sha512-qboRCl6Ie70DQQG9hhNREz81jqC1cs9EVNcjQ1AU+jH6NFfSAhVVbrrY/+nSF+Bsk4AOwm9Qa61InvMCyV+H3w==}
    dependencies:
      csstype: 3.1.3
    dev: true

  /csstype@3.1.3:
    resolution: {integrity: sha512-M1uQkMl8rQK/szD0LNhtqxIPLpimGm8sOBwU7lLnCpSbTyY3yeU1Vc7l4KT5zT4s/yOxHH5O7tIuuLOCnLADRw==}
    dev: true

  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==}
    peerDependencies:
      react: ^18.2.0
    dev: false
`;
    assert.deepEqual(lockShown(v6, readPnpmLock(v6)), ['@types/react@18.2.48 top "18.2.48"', 'csstype@3.1.3 "3.1.3"', 'react-dom@18.2.0 top "18.2.0"']);
    const v5 = `lockfileVersion: 5.4

specifiers:
  react-dom: ^18.2.0

dependencies:
  react-dom: 18.2.0_react@18.2.0

packages:

  /@babel/plugin-syntax-jsx/7.23.3_@babel+core@7.23.7:
    resolution: {integrity: sha512-EB2MELswq55OHUoRZLGg/zC7QWUKfNLpE57m/S2yr1uEneIgsTgrSzXP3NXEsMkVn76OlaVVnzN+ugObuYGwhg==}
    dev: false

  /react-dom/18.2.0_react@18.2.0:
    resolution: {integrity: sha512-6IMTriUmvsjHUjNtEDudZfuDQUoWXVxKHhlEGSk81n4YFS+r/Kl99wXiwlVXtPBtJenozv2P+hxDsw9eA7Xo6g==}
    dev: false

  github.com/someone/fork/0123456789abcdef:
    resolution: {tarball: https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef}
    name: fork
    version: 1.0.0
    dev: false
`;
    assert.deepEqual(lockShown(v5, readPnpmLock(v5)), ['@babel/plugin-syntax-jsx@7.23.3 "7.23.3"', 'react-dom@18.2.0 top "18.2.0"']);
  });
});

describe('pyproject.toml reader', () => {
  it('PEP 621 and PEP 735 arrays of PEP 508 strings, Poetry tables; not URLs, paths, python, or look-alikes in strings', () => {
    const text = `[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"

[project]
name = "shop"
version = "0.1.0"
description = """A shop.
[project.optional-dependencies]
fake = ["fake==1.0"]
"""
dependencies = [
    "Flask==2.2.2",  # web
    'requests[socks] >= 2.31, < 3 ; python_version >= "3.8"',
    "pkg @ https://example.com/pkg-1.0.tar.gz",
    "django (>=4.2,<5.0)",
    "httpx[http2] (>=0.26) ; python_version >= '3.9'",
    " numpy (==1.26.4)",
    "Pillow==10.1.0 ; sys_platform == \\"linux\\"",
]
optional-dependencies.test = ["pytest==7.4.3"]

[project.optional-dependencies]
security = [
  "cryptography>=41.0.7",
  # "paramiko==3.3.1",
]

[dependency-groups]
dev = ["ruff", { include-group = "test" }]

[tool.poetry.dependencies]
python = "^3.11"
requests = "^2.31"
Django = { version = "4.2.7", extras = ["bcrypt"] }
mylib = { path = "../mylib", develop = true }
fork = { git = "https://github.com/example/fork.git", rev = "main" }

[tool.poetry.group.dev.dependencies]
pytest = "==7.4.3"
black = "~23.12"

[tool.poetry.dependencies.uvicorn]
version = "^0.25"
extras = ["standard"]
`;
    assert.deepEqual(shown(text, readPyproject(text)), [
      'flask ==2.2.2 =2.2.2 "Flask==2.2.2" "==2.2.2"',
      'requests >= 2.31, < 3 "requests[socks] >= 2.31, < 3" ">= 2.31, < 3"',
      'django >=4.2,<5.0 "django (>=4.2,<5.0" ">=4.2,<5.0"',
      'httpx >=0.26 "httpx[http2] (>=0.26" ">=0.26"',
      'numpy ==1.26.4 =1.26.4 "numpy (==1.26.4" "==1.26.4"',
      'pillow ==10.1.0 =10.1.0 "Pillow==10.1.0" "==10.1.0"',
      'pytest ==7.4.3 =7.4.3 "pytest==7.4.3" "==7.4.3"',
      'cryptography >=41.0.7 "cryptography>=41.0.7" ">=41.0.7"',
      'ruff * "ruff" -',
      'requests ^2.31 "requests = \\"^2.31" "^2.31"',
      'django 4.2.7 =4.2.7 "Django = { version = \\"4.2.7" "4.2.7"',
      'pytest ==7.4.3 =7.4.3 "pytest = \\"==7.4.3" "==7.4.3"',
      'black ~23.12 "black = \\"~23.12" "~23.12"',
      'uvicorn ^0.25 "version = \\"^0.25" "^0.25"',
    ]);
  });
  it("Poetry's multiple constraints: one declaration per constraint, at its own span; not git ones, nor arrays outside dependency tables", () => {
    const text = `[tool.poetry.dependencies]
python = "^3.8"
foo = [{ version = "<=1.9", python = ">=3.6,<3.8" }, { version = "^2.0", python = ">=3.8" }]
bar = [
    { version = "1.2.3", markers = "sys_platform == 'win32'" },  # pinned on Windows
    { git = "https://example.com/bar.git", markers = "sys_platform != 'win32'" },
]
strings = ["1.0", "2.0"]

[tool.poetry.group.dev.dependencies]
baz = [
  { version = "~1.1", python = "<3.9" },
  { version = ">=1.2", python = ">=3.9" }
]

[tool.poetry.extras]
fake = [{ version = "1.0" }]
`;
    const declared = readPyproject(text);
    assert.deepEqual(shown(text, declared), [
      'foo <=1.9 "{ version = \\"<=1.9" "<=1.9"',
      'foo ^2.0 "{ version = \\"^2.0" "^2.0"',
      'bar 1.2.3 =1.2.3 "{ version = \\"1.2.3" "1.2.3"',
      'baz ~1.1 "{ version = \\"~1.1" "~1.1"',
      'baz >=1.2 "{ version = \\">=1.2" ">=1.2"',
    ]);
    // Each knows the whole declaration it is part of (what removing the package removes).
    assert.deepEqual(
      declared.map((dependency) => text.slice(dependency.partOf!.start, dependency.partOf!.end).split('\n')[0]),
      [
        'foo = [{ version = "<=1.9", python = ">=3.6,<3.8" }, { version = "^2.0", python = ">=3.8" }]',
        'foo = [{ version = "<=1.9", python = ">=3.6,<3.8" }, { version = "^2.0", python = ">=3.8" }]',
        'bar = [',
        'baz = [',
        'baz = [',
      ],
    );
  });
  it("Poetry's multiple constraints written as [[….name]] tables: one declaration per table, from its header to its version", () => {
    const text = `[tool.poetry.dependencies]
python = "^3.9"

[[tool.poetry.dependencies.numpy]]
version = "<=1.24"
python = "<3.9"

[[tool.poetry.dependencies.numpy]]
version = "1.26.0"
python = ">=3.9"

[[tool.poetry.group.dev.dependencies.pytest]]
git = "https://example.com/pytest.git"

[[tool.poetry.dependencies.escaped]]
version = "\\u003e=1.0"
`;
    assert.deepEqual(shown(text, readPyproject(text)), [
      'numpy <=1.24 "[[tool.poetry.dependencies.numpy]]\\nversion = \\"<=1.24" "<=1.24"',
      'numpy 1.26.0 =1.26.0 "[[tool.poetry.dependencies.numpy]]\\nversion = \\"1.26.0" "1.26.0"',
    ]);
  });
});

describe('Pipfile and Pipfile.lock readers', () => {
  it('Pipfile: every package category, strings and tables; not git or path packages, nor the settings tables', () => {
    const text = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
requests = "*"
Flask = "==2.2.2"
"Django" = {version = "==4.2.7", extras = ["bcrypt"]}
djangorestframework = {version = ">=3.14", index = "pypi"}
mylib = {path = "./mylib", editable = true}
fork = {git = "https://github.com/example/fork.git", ref = "main"}

[dev-packages]
pytest = ">=7.4"

[docs]
Sphinx = "==7.2.6"

[requires]
python_version = "3.11"

[pipenv]
allow_prereleases = false
`;
    assert.deepEqual(shown(text, readPipfile(text)), [
      'requests * "requests = \\"*" "*"',
      'flask ==2.2.2 =2.2.2 "Flask = \\"==2.2.2" "==2.2.2"',
      'django ==4.2.7 =4.2.7 "Django\\" = {version = \\"==4.2.7" "==4.2.7"',
      'djangorestframework >=3.14 "djangorestframework = {version = \\">=3.14" ">=3.14"',
      'pytest >=7.4 "pytest = \\">=7.4" ">=7.4"',
      'sphinx ==7.2.6 =7.2.6 "Sphinx = \\"==7.2.6" "==7.2.6"',
    ]);
  });

  it('Pipfile.lock: the version of each package of every category; not _meta or packages without a version', () => {
    const text = `{
    "_meta": {
        "hash": { "sha256": "0123456789abcdef" },
        "pipfile-spec": 6,
        "requires": { "python_version": "3.11" },
        "sources": [ { "name": "pypi", "url": "https://pypi.org/simple", "verify_ssl": true } ]
    },
    "default": {
        "django": {
            "hashes": [ "sha256:8e0f1c2c2786b5c0e39fe1afce24c926040fad47c8ea8ad30aaf1188df29fc41" ],
            "index": "pypi",
            "markers": "python_version >= '3.8'",
            "version": "==4.2.7"
        },
        "Flask": { "version": "==2.2.2" },
        "fork": { "git": "https://github.com/example/fork.git", "ref": "0123456789abcdef" }
    },
    "develop": {
        "pytest": { "version": "==7.4.3" }
    }
}
`;
    assert.deepEqual(lockShown(text, readPipfileLock(text)), [
      'PyPI:django@4.2.7 top "4.2.7"',
      'PyPI:flask@2.2.2 top "2.2.2"',
      'PyPI:pytest@7.4.3 top "7.4.3"',
    ]);
  });
});

describe('poetry.lock and uv.lock readers', () => {
  it('poetry.lock: each [[package]] from a registry, names normalised; not directory, git, file or URL packages', () => {
    const text = `# This file is automatically @generated by Poetry 1.7.1 and should not be changed by hand.

[[package]]
name = "certifi"
version = "2023.11.17"
description = "Python package for providing Mozilla's CA Bundle."
optional = false
python-versions = ">=3.6"
files = [
    {file = "certifi-2023.11.17-py3-none-any.whl", hash = "sha256:e036ab49d5b79556f99cfc2d9320b34cfbe5be05c5871b51de9329f0603b0474"},
    {file = "certifi-2023.11.17.tar.gz", hash = "sha256:9b469f3a900bf28dc19b8cfbf8019bf47f7fdd1b65a1d4ffb98fc14166beb4d1"},
]

[[package]]
name = "Django"
version = "4.2.7"
description = """A high-level Python web framework.
[[package]]
name = "fake"
version = "1.0"
"""
optional = false
python-versions = ">=3.8"
files = []

[package.dependencies]
asgiref = ">=3.6.0,<4"
sqlparse = ">=0.3.1"

[package.extras]
argon2 = ["argon2-cffi (>=19.1.0)"]

[[package]]
name = "mylib"
version = "0.3.0"
description = ""
optional = false
python-versions = "*"
files = []
develop = true

[package.source]
type = "directory"
url = "../mylib"

[[package]]
name = "private_pkg"
version = "1.2.0"
description = ""
optional = false
python-versions = "*"
files = []

[package.source]
type = "legacy"
url = "https://pypi.example.com/simple"
reference = "private"

[metadata]
lock-version = "2.0"
python-versions = "^3.11"
content-hash = "0123456789abcdef"
`;
    assert.deepEqual(lockShown(text, readPythonLock(text, 'poetry')), [
      'PyPI:certifi@2023.11.17 top "2023.11.17"',
      'PyPI:django@4.2.7 top "4.2.7"',
      'PyPI:private-pkg@1.2.0 top "1.2.0"',
    ]);
    // A `[[package]]` line inside a multi-line string starts no package, whatever the order of the keys.
    const reordered = `[[package]]
name = "idna"
description = '''
[[package]]
'''
version = "3.6"
`;
    assert.deepEqual(lockShown(reordered, readPythonLock(reordered, 'poetry')), ['PyPI:idna@3.6 top "3.6"']);
  });

  it('uv.lock: registry packages only; not the project itself (editable, virtual) nor git sources', () => {
    const text = `version = 1
requires-python = ">=3.11"
resolution-markers = [
    "python_full_version >= '3.12'",
    "python_full_version < '3.12'",
]

[[package]]
name = "anyio"
version = "4.2.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "idna" },
    { name = "sniffio" },
]
sdist = { url = "https://files.pythonhosted.org/packages/2d/b8/anyio-4.2.0.tar.gz", hash = "sha256:e1875bb4b4e2de1669f4bc7869b6d3f54231cdced71605e6e64c9be77e3be50f", size = 158770 }
wheels = [
    { url = "https://files.pythonhosted.org/packages/bf/cd/anyio-4.2.0-py3-none-any.whl", hash = "sha256:745843b39e829e108e518c489b31dc757de7d2131d53fac32bd8df268227bfee", size = 85481 },
]

[[package]]
name = "forked"
version = "1.0.0"
source = { git = "https://github.com/example/forked?rev=main#0123456789abcdef" }

[[package]]
name = "shop"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "anyio" },
    { name = "django" },
]

[package.metadata]
requires-dist = [
    { name = "anyio", specifier = ">=4" },
    { name = "django", specifier = "==4.2.7" },
]

[[package]]
name = "Django"
version = "4.2.7"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "tools"
version = "0.0.0"
source = { virtual = "tools" }
`;
    assert.deepEqual(lockShown(text, readPythonLock(text, 'uv')), ['PyPI:anyio@4.2.0 top "4.2.0"', 'PyPI:django@4.2.7 top "4.2.7"']);
  });

  it('knows the other dependency files by name', () => {
    const kinds = [
      'yarn.lock',
      'web/pnpm-lock.yaml',
      'pyproject.toml',
      'Pipfile',
      'Pipfile.lock',
      'api/poetry.lock',
      'uv.lock',
      'pnpm-lock.yml',
      'pipfile',
      'yarn.lock.bak',
    ].map((path) => `${path}: ${dependencyFileKind(path)?.id ?? '-'}`);
    assert.deepEqual(kinds, [
      'yarn.lock: yarn-lock',
      'web/pnpm-lock.yaml: pnpm-lock',
      'pyproject.toml: pyproject',
      'Pipfile: pipfile',
      'Pipfile.lock: pipfile-lock',
      'api/poetry.lock: poetry-lock',
      'uv.lock: uv-lock',
      'pnpm-lock.yml: -',
      'pipfile: -',
      'yarn.lock.bak: -',
    ]);
  });
});
