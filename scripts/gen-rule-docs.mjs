// Regenerates what is derived from the rule registry: the README's rule table and the rule-id
// list in the config schema. Run after adding a rule: `npm run docs:rules` (a unit test fails
// while they are out of date). Reads the built bundle, so run `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { allRules } = require('../dist/lastline.js');
const { ruleTableMarkdown } = require('../dist/lastline.js');

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
console.log(`updated README.md and schemas/lastline.schema.json for ${allRules.length} rule(s)`);
