// The dependency file readers: what each declares or locks, where (spans a finding and a fix
// use), and the requirements they cannot look up left out.
import { strict as assert } from 'node:assert';
import { dependencyFileKind } from '../../src/core/dependencies/manifests';
import type { DeclaredDependency } from '../../src/core/dependencies/model';
import { readPackageJson } from '../../src/core/dependencies/package-json';
import { readPackageLock } from '../../src/core/dependencies/package-lock';
import { readRequirements } from '../../src/core/dependencies/requirements';
import { raisedSpec } from '../../src/core/dependencies/versions';

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
      readPackageLock(v3).map((entry) => `${entry.name}@${entry.version}${entry.topLevel ? ' top' : ''} ${JSON.stringify(v3.slice(entry.span.start, entry.span.end))}`),
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
    const kinds = ['package.json', 'app/package-lock.json', 'npm-shrinkwrap.json', 'requirements.txt', 'requirements-dev.txt', 'requirements/prod.txt', 'requirements.in', 'src/package.js', 'docs/requirements.md'].map((path) => `${path}: ${dependencyFileKind(path)?.id ?? '-'}`);
    assert.deepEqual(kinds, ['package.json: package.json', 'app/package-lock.json: package-lock', 'npm-shrinkwrap.json: package-lock', 'requirements.txt: requirements', 'requirements-dev.txt: requirements', 'requirements/prod.txt: requirements', 'requirements.in: requirements', 'src/package.js: -', 'docs/requirements.md: -']);
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
      ['^4.17.15 → ^4.17.21', '~1.2.5 → ~1.2.6', '4.17.1 → 4.17.3', '=2.3.3 → =2.3.4', '>=1.0.0 → >=1.2.0', '>=1 <2 → (no fix)', '1.x → (no fix)', '==2.2.2 → ==2.2.5', '>=2.0 → >=2.2.5', '~=2.2 → ~=2.2.5', '>= 2.31, < 3 → (no fix)', '==2.* → (no fix)'],
    );
  });
});
