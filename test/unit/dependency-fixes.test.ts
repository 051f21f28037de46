// The edits of the dependency rules' fixes, applied: the file stays valid, the neighbours stay.
import { strict as assert } from 'node:assert';
import { lookAlikeOf, oneEditApart } from '../../src/core/dependencies/look-alike';
import { removalOf } from '../../src/core/dependencies/remove-declaration';

/** The text with the declaration of `name` (its span: `name` through the end of its value) removed. */
function removed(text: string, name: string, json: boolean): string {
  const start = text.indexOf(name);
  const end = json ? text.indexOf('"', text.indexOf(':', start) + 3) : text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  const span = removalOf(text, { start, end: json ? end : end - (text.slice(start, end).match(/\s*(#.*)?$/)?.[0].length ?? 0) }, json);
  return span ? text.slice(0, span.start) + text.slice(span.end) : '(no removal)';
}

describe('dependency fixes', () => {
  const PACKAGE = `{
  "dependencies": {
    "express": "^4.18.2",
    "fake-pkg": "^1.0.0",
    "lodash": "^4.17.21"
  }
}
`;

  it('removes a JSON property with the comma that joins it, first, middle, last and only', () => {
    assert.equal(removed(PACKAGE, 'fake-pkg', true), '{\n  "dependencies": {\n    "express": "^4.18.2",\n    "lodash": "^4.17.21"\n  }\n}\n');
    assert.equal(removed(PACKAGE, 'express', true), '{\n  "dependencies": {\n    "fake-pkg": "^1.0.0",\n    "lodash": "^4.17.21"\n  }\n}\n');
    assert.equal(removed(PACKAGE, 'lodash', true), '{\n  "dependencies": {\n    "express": "^4.18.2",\n    "fake-pkg": "^1.0.0"\n  }\n}\n');
    assert.equal(removed('{ "dependencies": { "fake-pkg": "1.0.0" } }\n', 'fake-pkg', true), '{ "dependencies": { } }\n');
    assert.equal(removed('{ "dependencies": { "a": "1.0.0", "fake-pkg": "1.0.0", "b": "2.0.0" } }\n', 'fake-pkg', true), '{ "dependencies": { "a": "1.0.0", "b": "2.0.0" } }\n');
  });

  it('removes a requirement line with its comment, and not a line shared with other text', () => {
    const text = 'flask==2.2.5\nfastapi-auth-helperz==0.1.0  # added by the assistant\nrequests>=2.31\n';
    assert.equal(removed(text, 'fastapi-auth-helperz', false), 'flask==2.2.5\nrequests>=2.31\n');
    assert.equal(removed('fake==1.0', 'fake', false), '');
    assert.equal(removed('dependencies = ["flask", "fake==1.0"]\n', 'fake', false), '(no removal)');
  });

  it('names a young look-alike of a popular package, and not the package itself or a distant name', () => {
    assert.deepEqual(
      ['lodahs', 'lodash', 'reqeusts', 'requests', 'expres', 'flaskk', 'djang0', 'numpy-financial', 'left-pad'].map((name) => `${name}: ${lookAlikeOf(name === 'reqeusts' || name === 'requests' || name === 'flaskk' || name === 'djang0' || name === 'numpy-financial' ? 'PyPI' : 'npm', name) ?? '-'}`),
      ['lodahs: lodash', 'lodash: -', 'reqeusts: requests', 'requests: -', 'expres: express', 'flaskk: flask', 'djang0: django', 'numpy-financial: -', 'left-pad: -'],
    );
    assert.deepEqual(
      [['abcd', 'abdc'], ['abcd', 'abcde'], ['abcd', 'xbcd'], ['abcd', 'badc'], ['abcd', 'abcd'], ['abcd', 'ab']].map(([a, b]) => oneEditApart(a, b)),
      [true, true, true, false, false, false],
    );
  });
});
