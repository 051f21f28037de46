// The edits of the dependency rules' fixes, applied: the file stays valid, the neighbours stay.
// Declarations are found by the file's own reader, so the spans are the ones the rule gets.
import { strict as assert } from 'node:assert';
import { lookAlikeOf, oneEditApart } from '../../src/core/dependencies/look-alike';
import { dependencyFileKind } from '../../src/core/dependencies/manifests';
import { removalOf } from '../../src/core/dependencies/remove-declaration';
import { readConfig } from '../../src/core/languages/config';

/** `text` (the file at `path`) with the `nth` declaration of `name` removed, or '(no removal)'. */
function removed(path: string, text: string, name: string, nth = 0): string {
  const kind = dependencyFileKind(path)!;
  const dependency = kind.read(text).declared.filter((candidate) => candidate.displayName === name)[nth];
  assert.ok(dependency, `${name} is declared in ${path}`);
  const span = removalOf(text, dependency, kind.syntax!);
  if (!span) return '(no removal)';
  const fixed = text.slice(0, span.start) + text.slice(span.end);
  // Still a file of its format, and the package is gone from it.
  if (kind.syntax === 'json') JSON.parse(fixed);
  if (kind.syntax === 'toml') assert.deepEqual(readConfig(fixed, 'toml').problems, [], fixed);
  assert.ok(!kind.read(fixed).declared.some((candidate) => candidate.displayName === name), fixed);
  return fixed;
}

describe('dependency fixes', () => {
  it('offers no removal of one [[….name]] constraint table: the package would stay in its others', () => {
    const text =
      '[tool.poetry.dependencies]\npython = "^3.9"\n\n[[tool.poetry.dependencies.fake-pkg]]\nversion = "<2"\npython = "<3.9"\n\n[[tool.poetry.dependencies.fake-pkg]]\nversion = "^2"\npython = ">=3.9"\n';
    assert.equal(removed('pyproject.toml', text, 'fake-pkg'), '(no removal)');
    assert.equal(removed('pyproject.toml', text, 'fake-pkg', 1), '(no removal)');
  });

  const PACKAGE = `{
  "dependencies": {
    "express": "^4.18.2",
    "fake-pkg": "^1.0.0",
    "lodash": "^4.17.21"
  }
}
`;

  it('removes a JSON property with the comma that joins it, first, middle, last and only', () => {
    assert.equal(removed('package.json', PACKAGE, 'fake-pkg'), '{\n  "dependencies": {\n    "express": "^4.18.2",\n    "lodash": "^4.17.21"\n  }\n}\n');
    assert.equal(removed('package.json', PACKAGE, 'express'), '{\n  "dependencies": {\n    "fake-pkg": "^1.0.0",\n    "lodash": "^4.17.21"\n  }\n}\n');
    assert.equal(removed('package.json', PACKAGE, 'lodash'), '{\n  "dependencies": {\n    "express": "^4.18.2",\n    "fake-pkg": "^1.0.0"\n  }\n}\n');
    assert.equal(removed('package.json', '{ "dependencies": { "fake-pkg": "1.0.0" } }\n', 'fake-pkg'), '{ "dependencies": { } }\n');
    assert.equal(
      removed('package.json', '{ "dependencies": { "a": "1.0.0", "fake-pkg": "1.0.0", "b": "2.0.0" } }\n', 'fake-pkg'),
      '{ "dependencies": { "a": "1.0.0", "b": "2.0.0" } }\n',
    );
  });

  describe('requirements files', () => {
    const REQUIREMENTS = `# web
flask==2.2.5
fake-pkg==0.1.0 ; python_version >= "3.8"  # added by the assistant
numpy==1.26.4 \\
    --hash=sha256:0123456789abcdef \\
    --hash=sha256:fedcba9876543210
    # via -r requirements.in
fake-hashed==1.0 \\
    --hash=sha256:89abcdef01234567
    # via
    #   -r requirements.in
    #   flask
requests>=2.31
`;

    it('removes a requirement line with its markers and comment', () => {
      assert.equal(
        removed('requirements.txt', REQUIREMENTS, 'fake-pkg'),
        REQUIREMENTS.replace('fake-pkg==0.1.0 ; python_version >= "3.8"  # added by the assistant\n', ''),
      );
      assert.equal(removed('requirements.txt', 'fake==1.0', 'fake'), '');
      assert.equal(removed('requirements.txt', 'flask==2.2.5\r\nfake==1.0\r\nrequests\r\n', 'fake'), 'flask==2.2.5\r\nrequests\r\n');
    });

    it('removes its `\\` continuation lines (--hash=) and the `# via` lines pip-compile writes after it', () => {
      assert.equal(
        removed('requirements.txt', REQUIREMENTS, 'fake-hashed'),
        REQUIREMENTS.replace('fake-hashed==1.0 \\\n    --hash=sha256:89abcdef01234567\n    # via\n    #   -r requirements.in\n    #   flask\n', ''),
      );
      assert.equal(
        removed('requirements.txt', REQUIREMENTS, 'numpy'),
        REQUIREMENTS.replace('numpy==1.26.4 \\\n    --hash=sha256:0123456789abcdef \\\n    --hash=sha256:fedcba9876543210\n    # via -r requirements.in\n', ''),
      );
      // A comment after the requirement that pip-compile did not write stays.
      assert.equal(
        removed('requirements.txt', 'fake==1.0 \\\n    --hash=sha256:0123\n    # keep: pinned for the build\nflask\n', 'fake'),
        '    # keep: pinned for the build\nflask\n',
      );
    });
  });

  describe('pyproject.toml', () => {
    it('takes a requirement out of a one-line PEP 621 array with its comma: first, middle, last, only', () => {
      const text = `[project]
name = "shop"
dependencies = ["requests>=2", "fake-pkg==1.0", "flask"]
`;
      assert.equal(removed('pyproject.toml', text, 'fake-pkg'), '[project]\nname = "shop"\ndependencies = ["requests>=2", "flask"]\n');
      assert.equal(removed('pyproject.toml', text, 'requests'), '[project]\nname = "shop"\ndependencies = ["fake-pkg==1.0", "flask"]\n');
      assert.equal(removed('pyproject.toml', text, 'flask'), '[project]\nname = "shop"\ndependencies = ["requests>=2", "fake-pkg==1.0"]\n');
      assert.equal(removed('pyproject.toml', '[project]\ndependencies = ["fake-pkg"]\n', 'fake-pkg'), '[project]\ndependencies = []\n');
      assert.equal(removed('pyproject.toml', '[project]\ndependencies = [ "fake-pkg", ]\n', 'fake-pkg'), '[project]\ndependencies = [ ]\n');
    });

    it('takes a requirement out of a multi-line array: its line, or the element where it shares one', () => {
      const text = `[project]
dependencies = [
    "requests>=2",
    "fake-pkg==1.0",  # added by the assistant
    "flask"
]
`;
      assert.equal(removed('pyproject.toml', text, 'fake-pkg'), '[project]\ndependencies = [\n    "requests>=2",\n    "flask"\n]\n');
      // The last one: the comma before it stays, a trailing comma TOML allows.
      assert.equal(
        removed('pyproject.toml', text, 'flask'),
        '[project]\ndependencies = [\n    "requests>=2",\n    "fake-pkg==1.0",  # added by the assistant\n]\n',
      );
      const shared = `[project]
dependencies = ["requests>=2",
    "fake-pkg==1.0"]
`;
      assert.equal(removed('pyproject.toml', shared, 'fake-pkg'), '[project]\ndependencies = ["requests>=2"]\n');
      assert.equal(removed('pyproject.toml', shared, 'requests'), '[project]\ndependencies = [\n    "fake-pkg==1.0"]\n');
    });

    it('takes a requirement out of [project.optional-dependencies] and [dependency-groups] (beside an include-group table)', () => {
      const text = `[project.optional-dependencies]
security = [
  "cryptography>=41.0.7",
  "fake-crypto",
]
test = ["pytest==7.4.3", "fake-pkg"]

[dependency-groups]
dev = ["fake-dev", { include-group = "test" }]
`;
      assert.equal(
        removed('pyproject.toml', text, 'fake-crypto'),
        `[project.optional-dependencies]
security = [
  "cryptography>=41.0.7",
]
test = ["pytest==7.4.3", "fake-pkg"]

[dependency-groups]
dev = ["fake-dev", { include-group = "test" }]
`,
      );
      assert.equal(removed('pyproject.toml', text, 'fake-pkg'), text.replace('test = ["pytest==7.4.3", "fake-pkg"]', 'test = ["pytest==7.4.3"]'));
      assert.equal(
        removed('pyproject.toml', text, 'fake-dev'),
        text.replace('dev = ["fake-dev", { include-group = "test" }]', 'dev = [{ include-group = "test" }]'),
      );
    });

    const POETRY = `[tool.poetry.dependencies]
python = "^3.11"
requests = "^2.31"
fake-pkg = { version = "^1.0", extras = ["socks"] }
fake-multi = [
    { version = "<=1.9", python = ">=3.6,<3.8" },
    { version = "^2.0", python = ">=3.8" },
]

[tool.poetry.group.dev.dependencies]
fake-dev = [{ version = "<=1.9", python = "<3.8" }, { version = "^2.0", python = ">=3.8" }]

[tool.poetry.dependencies.fake-table]
version = "^0.25"
extras = ["standard"]

[tool.black]
line-length = 100
`;

    it('removes a Poetry package written as an inline table, or as several constraints (all of them)', () => {
      assert.equal(removed('pyproject.toml', POETRY, 'fake-pkg'), POETRY.replace('fake-pkg = { version = "^1.0", extras = ["socks"] }\n', ''));
      const withoutMulti = POETRY.replace(
        'fake-multi = [\n    { version = "<=1.9", python = ">=3.6,<3.8" },\n    { version = "^2.0", python = ">=3.8" },\n]\n',
        '',
      );
      assert.equal(removed('pyproject.toml', POETRY, 'fake-multi', 0), withoutMulti);
      assert.equal(removed('pyproject.toml', POETRY, 'fake-multi', 1), withoutMulti);
      assert.equal(
        removed('pyproject.toml', POETRY, 'fake-dev', 1),
        POETRY.replace('fake-dev = [{ version = "<=1.9", python = "<3.8" }, { version = "^2.0", python = ">=3.8" }]\n', ''),
      );
      assert.equal(removed('pyproject.toml', POETRY, 'requests'), POETRY.replace('requests = "^2.31"\n', ''));
    });

    it('removes a Poetry package table `[….name]` whole; not one spread over dotted keys or with a table below it', () => {
      assert.equal(
        removed('pyproject.toml', POETRY, 'fake-table'),
        POETRY.replace('[tool.poetry.dependencies.fake-table]\nversion = "^0.25"\nextras = ["standard"]\n\n', ''),
      );
      const dotted = `[tool.poetry.dependencies]
fake.version = "^1.0"
fake.extras = ["socks"]
`;
      assert.equal(removed('pyproject.toml', dotted, 'fake'), '(no removal)');
      const nested = `[tool.poetry.dependencies.fake]
version = "^1.0"

[tool.poetry.dependencies.fake.source]
name = "private"
`;
      assert.equal(removed('pyproject.toml', nested, 'fake'), '(no removal)');
    });
  });

  it('Pipfile: removes a package written as a string, an inline table (quoted key) or a table of its own', () => {
    const text = `[packages]
requests = "*"
"fake-pkg" = {version = "==1.0", extras = ["socks"]}
fake-two = "==2.0"  # added by the assistant

[dev-packages]
pytest = ">=7.4"
`;
    assert.equal(
      removed('Pipfile', text, 'fake-pkg'),
      '[packages]\nrequests = "*"\nfake-two = "==2.0"  # added by the assistant\n\n[dev-packages]\npytest = ">=7.4"\n',
    );
    assert.equal(
      removed('Pipfile', text, 'fake-two'),
      '[packages]\nrequests = "*"\n"fake-pkg" = {version = "==1.0", extras = ["socks"]}\n\n[dev-packages]\npytest = ">=7.4"\n',
    );
    const table = `[packages]
requests = "*"

[packages.fake-table]
version = "==1.0"
extras = ["socks"]

[dev-packages]
pytest = ">=7.4"
`;
    assert.equal(removed('Pipfile', table, 'fake-table'), '[packages]\nrequests = "*"\n\n[dev-packages]\npytest = ">=7.4"\n');
  });

  it('names a young look-alike of a popular package, and not the package itself or a distant name', () => {
    assert.deepEqual(
      ['lodahs', 'lodash', 'reqeusts', 'requests', 'expres', 'flaskk', 'djang0', 'numpy-financial', 'left-pad'].map(
        (name) =>
          `${name}: ${lookAlikeOf(name === 'reqeusts' || name === 'requests' || name === 'flaskk' || name === 'djang0' || name === 'numpy-financial' ? 'PyPI' : 'npm', name) ?? '-'}`,
      ),
      [
        'lodahs: lodash',
        'lodash: -',
        'reqeusts: requests',
        'requests: -',
        'expres: express',
        'flaskk: flask',
        'djang0: django',
        'numpy-financial: -',
        'left-pad: -',
      ],
    );
    assert.deepEqual(
      [
        ['abcd', 'abdc'],
        ['abcd', 'abcde'],
        ['abcd', 'xbcd'],
        ['abcd', 'badc'],
        ['abcd', 'abcd'],
        ['abcd', 'ab'],
      ].map(([a, b]) => oneEditApart(a, b)),
      [true, true, true, false, false, false],
    );
  });
});
