// Entry point of the config readers: one line/structure reader per format, each producing the
// same ConfigDocument (entries with exact value spans, comments, problems). Readers never throw on
// bad input; the guard below only turns a reader bug into a reported problem instead of a crash
// of the whole scan.
import type { ConfigFormat } from '../language';
import type { ConfigDocument } from './model';
import { readDockerfile } from './dockerfile';
import { readDotenv } from './dotenv';
import { readIni, readNpmrc } from './ini';
import { readJson } from './json';
import { readProperties } from './properties';
import { readTerraform } from './terraform';
import { readToml } from './toml';
import { readYaml, readYamlTree } from './yaml';

export type { ConfigCommand, ConfigComment, ConfigDocument, ConfigEntry, ConfigFlow, Span } from './model';
export type { ScalarStyle, ValueTreeBuilder } from './value-tree';
export { readDockerfile, readDotenv, readIni, readJson, readNpmrc, readProperties, readTerraform, readToml, readYaml, readYamlTree };

const READERS: Record<ConfigFormat, (text: string) => ConfigDocument> = {
  dotenv: readDotenv,
  yaml: readYaml,
  json: (text) => readJson(text, 'json'),
  jsonc: (text) => readJson(text, 'jsonc'),
  toml: readToml,
  ini: readIni,
  properties: readProperties,
  dockerfile: readDockerfile,
  npmrc: readNpmrc,
  terraform: readTerraform,
};

export function readConfig(text: string, format: ConfigFormat): ConfigDocument {
  try {
    return READERS[format](text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { format, entries: [], comments: [], problems: [{ message: `the ${format} reader failed: ${message}`, span: { start: 0, end: 0 } }] };
  }
}
