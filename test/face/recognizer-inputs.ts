import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gateFace } from '../../main/face/face-gate';
import { alignedFace } from '../../main/face/arcface-recognizer';
import { alignedFaceSize, recognizerInput } from '../../main/face/face-alignment';
import type { NodeFaceApi } from '../../main/face/node-face-api';
import { paddedImage } from '../../main/face/padded-image';
import { committedFaces } from './face-fixtures';

/** A recognizer input (112×112×3, channels last) and where it came from. */
export type RecognizerInput = { name: string; input: Float32Array; sha256: string };

const digest = (input: Float32Array) =>
  createHash('sha256')
    .update(new Uint8Array(input.buffer, input.byteOffset, input.byteLength))
    .digest('hex');

/** Seeded values in [−1, 1): exercises every weight without depending on any image code. */
export function noiseInput(seed: number): RecognizerInput {
  const input = new Float32Array(alignedFaceSize * alignedFaceSize * 3);
  let state = seed;
  for (let i = 0; i < input.length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    input[i] = (state / 2 ** 31) * 2 - 1;
  }
  return { name: `noise seed ${seed}`, input, sha256: digest(input) };
}

/** A committed portrait found, landmarked and aligned exactly as the server's engine does it. */
export async function portraitInput(api: NodeFaceApi, file: string): Promise<RecognizerInput> {
  const { canvas, border } = await paddedImage(await readFile(committedFaces + file));
  const gate = await gateFace(api, canvas, border);
  if (!gate.usable) throw new Error(`${file}: ${gate.detail}`);
  const input = recognizerInput(alignedFace(canvas, gate.face.found.landmarks.positions));
  return { name: file, input, sha256: digest(input) };
}

/** ONNX's NCHW layout of a channels-last input. */
export function channelsFirst(input: Float32Array): Float32Array {
  const pixels = alignedFaceSize * alignedFaceSize;
  const out = new Float32Array(input.length);
  for (let i = 0; i < pixels; i++) for (let c = 0; c < 3; c++) out[c * pixels + i] = input[i * 3 + c]!;
  return out;
}
