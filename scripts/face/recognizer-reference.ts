import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { arcfaceModelFile } from '../../main/face/arcface-recognizer';
import { loadNodeFaceApi } from '../../main/face/node-face-api';
import { channelsFirst, noiseInput, portraitInput } from '../../test/face/recognizer-inputs';

/**
 * Writes the reference embeddings the recognizer's test compares with: fr_feature.onnx run by ONNX
 * Runtime (onnxruntime-web's WASM build, not a dependency of this project) on a seeded noise input
 * and on two committed portraits aligned as the server aligns them. Run once, by hand:
 *
 *   (cd /tmp/ort && npm install onnxruntime-web@1.20.1 --ignore-scripts)
 *   npx tsx scripts/face/recognizer-reference.ts --ort /tmp/ort/node_modules/onnxruntime-web
 */
const { values } = parseArgs({
  options: {
    ort: { type: 'string' },
    out: { type: 'string', default: 'test/fixtures/recognizer/fr-feature-reference.json' },
  },
});
if (!values.ort) throw new Error('usage: --ort PATH/TO/node_modules/onnxruntime-web');
/** The few parts of onnxruntime-web's API used here (it is not installed with this project). */
type Ort = {
  env: { wasm: { numThreads: number } };
  InferenceSession: {
    create(
      model: Uint8Array,
      options: { executionProviders: string[] },
    ): Promise<{
      inputNames: string[];
      outputNames: string[];
      run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown }>>;
    }>;
  };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
};
const ort = (await import(pathToFileURL(join(values.ort, 'dist', 'ort.node.min.mjs')).href)) as Ort;
const { version } = JSON.parse(await readFile(join(values.ort, 'package.json'), 'utf8')) as {
  version: string;
};
ort.env.wasm.numThreads = 1;
const session = await ort.InferenceSession.create(await readFile(arcfaceModelFile), {
  executionProviders: ['wasm'],
});

const api = await loadNodeFaceApi();
await api.faceapi.nets.ssdMobilenetv1.loadFromDisk(api.models);
await api.faceapi.nets.tinyFaceDetector.loadFromDisk(api.models);
await api.faceapi.nets.faceLandmark68Net.loadFromDisk(api.models);
const inputs = [
  noiseInput(12345),
  await portraitInput(api, 'obama/1.jpg'),
  await portraitInput(api, 'biden/1.jpg'),
];

const references = [];
for (const { name, input, sha256 } of inputs) {
  const feeds = {
    [session.inputNames[0]!]: new ort.Tensor('float32', channelsFirst(input), [1, 3, 112, 112]),
  };
  const output = (await session.run(feeds))[session.outputNames[0]!]!;
  references.push({ name, inputSha256: sha256, embedding: Array.from(output.data as Float32Array) });
}
await writeFile(
  values.out,
  JSON.stringify({
    model: 'faceplugin-fr-feature@87aacdfe',
    computedWith: `onnxruntime-web ${version}, WASM, 1 thread`,
    references,
  }) + '\n',
);
process.stdout.write(`wrote ${references.length} reference embeddings to ${values.out}\n`);
