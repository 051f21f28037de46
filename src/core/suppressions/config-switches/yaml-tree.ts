// `.eslintrc.yml` and Bandit's YAML config as a value tree, read by the shared YAML reader (the
// same reading that gives the secret rules their entries). Block scalars (`|`, `>`) are left out:
// no switch is written as one. Only the first document is read.
import { readYamlTree as readYamlValueTree, type ValueTreeBuilder } from '../../languages/config';
import { newList, newMap, type ConfigNode } from './tree';

const CONFIG_NODES: ValueTreeBuilder<ConfigNode> = {
  scalar: (value, span, style) => (style === 'block' ? undefined : { kind: 'scalar', value, span, quoted: style === 'quoted' }),
  map: newMap,
  list: newList,
  addEntry: (map, key, keySpan, value) => {
    if (map.kind === 'map') map.entries.push({ key, keySpan, value });
  },
  addItem: (list, item) => {
    if (list.kind === 'list') list.items.push(item);
  },
};

export function readYamlTree(text: string): ConfigNode | undefined {
  return readYamlValueTree(text, CONFIG_NODES);
}
