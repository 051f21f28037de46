// Regenerates what is derived from the rule registry: the README's rule table, the rule-id list in
// the config schema, and the provider-token page's list of the provider table's rows. Run after adding a rule: `npm run docs:rules` (a unit test fails
// while they are out of date). Reads the built bundle, so run `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allRules } = require('../dist/lastline.js');
const { ruleTableMarkdown, providerListMarkdown, providerTable } = require('../dist/lastline.js');

const readmePath = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md lacks the ${start} … ${end} markers`);
const table = ruleTableMarkdown(allRules);
writeFileSync(readmePath, readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));

const schemaPath = new URL('../schemas/lastline.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
schema.properties.rules.propertyNames.enum = allRules.map((rule) => rule.meta.id);
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
const providerPagePath = new URL('../docs/rules/provider-token.md', import.meta.url);
const providerPage = readFileSync(providerPagePath, 'utf8');
const providersStart = '<!-- providers:start -->';
const providersEnd = '<!-- providers:end -->';
if (!providerPage.includes(providersStart) || !providerPage.includes(providersEnd))
  throw new Error(`provider-token.md lacks the ${providersStart} … ${providersEnd} markers`);
const providerList = providerListMarkdown(providerTable);
writeFileSync(
  providerPagePath,
  providerPage.replace(new RegExp(`${providersStart}[\\s\\S]*?${providersEnd}`), `${providersStart}\n${providerList}\n${providersEnd}`),
);

console.log(
  `updated README.md, schemas/lastline.schema.json and docs/rules/provider-token.md for ${allRules.length} rule(s), ${providerTable.length} provider row(s)`,
);
