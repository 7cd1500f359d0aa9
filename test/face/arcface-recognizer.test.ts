import type * as Tfjs from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateDistance } from '../../main/contract/face-template';
import { arcfaceModelFile } from '../../main/face/arcface-recognizer';
import { loadNodeFaceApi, type NodeFaceApi } from '../../main/face/node-face-api';
import { readOnnxModel } from '../../main/face/onnx-model';
import { tfjsGraphOf, type TfjsGraph } from '../../main/face/onnx-tfjs-graph';
import { noiseInput, portraitInput, type RecognizerInput } from './recognizer-inputs';

/** Computed once with ONNX Runtime by scripts/face/recognizer-reference.ts (see there for how). */
const reference = JSON.parse(
  await readFile(new URL('../fixtures/recognizer/fr-feature-reference.json', import.meta.url), 'utf8'),
) as { computedWith: string; references: { name: string; inputSha256: string; embedding: number[] }[] };

let api: NodeFaceApi;
let tf: typeof Tfjs;
let graph: TfjsGraph;
beforeAll(async () => {
  api = await loadNodeFaceApi();
  tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof Tfjs;
  await Promise.all([
    api.faceapi.nets.ssdMobilenetv1.loadFromDisk(api.models),
    api.faceapi.nets.tinyFaceDetector.loadFromDisk(api.models),
    api.faceapi.nets.faceLandmark68Net.loadFromDisk(api.models),
  ]);
  graph = tfjsGraphOf(tf, readOnnxModel(await readFile(arcfaceModelFile)));
}, 60_000);

async function embed({ input }: RecognizerInput): Promise<number[]> {
  const x = tf.tensor4d(input, [1, 112, 112, 3]);
  const y = graph.run(x);
  const values = Array.from(await y.data());
  x.dispose();
  y.dispose();
  return values;
}

function expectMatchesReference(input: RecognizerInput, embedding: number[]) {
  const expected = reference.references.find((r) => r.name === input.name);
  if (!expected) throw new Error(`no reference for ${input.name}`);
  // A different input would make any comparison meaningless: say so rather than fail on numbers.
  expect(input.sha256, `${input.name}: the aligned crop changed since the reference was made`).toBe(
    expected.inputSha256,
  );
  expect(embedding).toHaveLength(512);
  const worst = Math.max(...embedding.map((v, i) => Math.abs(v - expected.embedding[i]!)));
  expect(worst).toBeLessThan(1e-5);
}

describe('fr_feature.onnx rebuilt from tfjs ops on WASM', () => {
  it(`gives ONNX Runtime's embedding on seeded noise (${reference.computedWith})`, async () => {
    expect(tf.getBackend()).toBe('wasm');
    const input = noiseInput(12345);
    expectMatchesReference(input, await embed(input));
  });

  it('gives ONNX Runtime’s embedding on two aligned portraits, and tells the two people apart', async () => {
    const obama = await portraitInput(api, 'obama/1.jpg');
    const biden = await portraitInput(api, 'biden/1.jpg');
    const [a, b] = [await embed(obama), await embed(biden)];
    expectMatchesReference(obama, a);
    expectMatchesReference(biden, b);
    const distance = templateDistance(
      { model: 'faceplugin-fr-feature@87aacdfe', vector: a },
      { model: 'faceplugin-fr-feature@87aacdfe', vector: b },
    );
    expect(distance).toBeGreaterThan(0.8);
  });

  it('refuses a graph with an op it cannot run, or a file with no graph, rather than guessing', () => {
    const node = {
      opType: 'Softmax',
      name: 'head',
      inputs: ['input'],
      outputs: ['output'],
      attributes: new Map(),
    };
    const graph = {
      nodes: [node],
      initializers: new Map(),
      inputs: ['input'],
      outputs: ['output'],
      opsetVersion: 9,
    };
    expect(() => tfjsGraphOf(tf, graph)).toThrow(/ONNX op Softmax \(head\) is not supported/);
    expect(() => readOnnxModel(new Uint8Array())).toThrow(/no graph/);
  });
});
