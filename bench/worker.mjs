// Runs one in-process measurement in a fresh Node process, so its heap and JIT state are not
// shaped by whatever ran before in the main benchmark process (the scans, the other measurement):
// a 2,000-line parse is sensitive to GC pressure from unrelated garbage.
//
//   node bench/worker.mjs latency|parse <engine.js> <manifest.json> <corpusRoot> <out.json> [iterations] [warmup]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readCorpus } from './corpus.mjs';
import { measureLatency, measureParseThroughput } from './latency.mjs';

const [task, enginePath, manifestPath, corpusRoot, outPath, iterations = '200', warmup = '20'] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(enginePath);
const corpus = readCorpus(manifestPath, corpusRoot);

let result;
if (task === 'latency') result = await measureLatency(engine, corpus, { iterations: Number(iterations), warmup: Number(warmup) });
else if (task === 'parse') result = await measureParseThroughput(engine, corpus, ['js', 'ts', 'py']);
else throw new Error(`unknown task ${task}`);
writeFileSync(outPath, JSON.stringify(result));
