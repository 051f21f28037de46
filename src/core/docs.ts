// The one place rule documentation addresses are made: diagnostics, SARIF helpUri and the README
// rule list all link here, and docs/rules/<id>.md is the page itself.
const DOCS_BASE = 'https://github.com/lastline-dev/lastline/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}
