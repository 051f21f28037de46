// keyPath arrays, built at their exact length. Entries keep their keyPath for as long as the
// document lives, and on large files these arrays are a good part of what a reader allocates:
// `push` onto a copy over-allocates every one of them, and `concat` is slow in V8.

export function appendSegment(path: readonly string[], segment: string): string[] {
  const result = new Array<string>(path.length + 1);
  for (let i = 0; i < path.length; i++) result[i] = path[i];
  result[path.length] = segment;
  return result;
}

export function joinPaths(prefix: readonly string[], rest: readonly string[]): string[] {
  const result = new Array<string>(prefix.length + rest.length);
  for (let i = 0; i < prefix.length; i++) result[i] = prefix[i];
  for (let i = 0; i < rest.length; i++) result[prefix.length + i] = rest[i];
  return result;
}
