/**
 * Just enough of ONNX's protobuf (onnx/onnx.proto, field numbers from there) to rebuild a
 * feed-forward vision model from tfjs ops: the graph's nodes with their attributes, its float
 * initializers and its input and output names. Anything else in the file is skipped.
 */

export type OnnxAttribute = number | string | number[] | OnnxTensor;

export type OnnxNode = {
  opType: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttribute>;
};

export type OnnxTensor = { name: string; dims: number[]; dataType: number; values: Float32Array | number[] };

export type OnnxGraph = {
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensor>;
  inputs: string[];
  outputs: string[];
  opsetVersion: number;
};

/** TensorProto.DataType values this reader decodes. */
const FLOAT = 1;
const INT64 = 7;

type Field = { number: number; wire: number; value: number | bigint | Uint8Array };

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  *fields(): Generator<Field> {
    while (this.offset < this.bytes.length) {
      const key = Number(this.varint());
      const number = key >>> 3;
      const wire = key & 7;
      if (wire === 0) yield { number, wire, value: this.varint() };
      else if (wire === 1) yield { number, wire, value: this.take(8) };
      else if (wire === 2) yield { number, wire, value: this.take(Number(this.varint())) };
      else if (wire === 5) yield { number, wire, value: this.take(4) };
      else throw new Error(`ONNX file: unsupported protobuf wire type ${wire} at byte ${this.offset}`);
    }
  }

  /** A packed run of varints: no field keys, read until the bytes end. */
  *varints(): Generator<number> {
    while (this.offset < this.bytes.length) yield int(this.varint());
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error('ONNX file: truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  private take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new Error('ONNX file: truncated field');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

const text = (value: Field['value']) => new TextDecoder().decode(value as Uint8Array);
const bytesOf = (value: Field['value']) => value as Uint8Array;
/** int64 as a JS number (signed: protobuf writes negatives as ten-byte two's complement). */
const int = (value: Field['value']) => Number(BigInt.asIntN(64, value as bigint));

/** Repeated int64 written packed (one length-delimited field) or one field per value. */
function pushInts(target: number[], field: Field): void {
  if (field.wire === 0) target.push(int(field.value));
  else for (const inner of new Reader(bytesOf(field.value)).varints()) target.push(inner);
}

function littleEndianFloats(bytes: Uint8Array): Float32Array {
  // Copied: the slice need not be 4-byte aligned inside the file's buffer.
  const copy = bytes.slice();
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

function readTensor(bytes: Uint8Array): OnnxTensor {
  const dims: number[] = [];
  let name = '';
  let dataType = 0;
  let raw: Uint8Array | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  for (const field of new Reader(bytes).fields()) {
    if (field.number === 1) pushInts(dims, field);
    else if (field.number === 2) dataType = int(field.value);
    else if (field.number === 8) name = text(field.value);
    else if (field.number === 9) raw = bytesOf(field.value);
    else if (field.number === 4) floats.push(...littleEndianFloats(bytesOf(field.value)));
    else if (field.number === 7) pushInts(ints, field);
    else if (field.number === 14 && int(field.value) !== 0)
      throw new Error(`ONNX tensor ${name}: external data is not supported`);
  }
  if (dataType === FLOAT)
    return { name, dims, dataType, values: raw ? littleEndianFloats(raw) : Float32Array.from(floats) };
  if (dataType === INT64) {
    if (!raw) return { name, dims, dataType, values: ints };
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const values = Array.from({ length: raw.byteLength / 8 }, (_, i) =>
      Number(view.getBigInt64(i * 8, true)),
    );
    return { name, dims, dataType, values };
  }
  throw new Error(`ONNX tensor ${name}: data type ${dataType} is not supported`);
}

function readAttribute(bytes: Uint8Array): [string, OnnxAttribute] {
  let name = '';
  let value: OnnxAttribute | undefined;
  const ints: number[] = [];
  const floats: number[] = [];
  for (const field of new Reader(bytes).fields()) {
    if (field.number === 1) name = text(field.value);
    else if (field.number === 2)
      value = new DataView(bytesOf(field.value).slice().buffer).getFloat32(0, true);
    else if (field.number === 3) value = int(field.value);
    else if (field.number === 4) value = text(field.value);
    else if (field.number === 5) value = readTensor(bytesOf(field.value));
    else if (field.number === 7) floats.push(...littleEndianFloats(bytesOf(field.value)));
    else if (field.number === 8) pushInts(ints, field);
  }
  return [name, value ?? (ints.length > 0 ? ints : floats)];
}

function readNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: '', name: '', inputs: [], outputs: [], attributes: new Map() };
  for (const field of new Reader(bytes).fields()) {
    if (field.number === 1) node.inputs.push(text(field.value));
    else if (field.number === 2) node.outputs.push(text(field.value));
    else if (field.number === 3) node.name = text(field.value);
    else if (field.number === 4) node.opType = text(field.value);
    else if (field.number === 5) node.attributes.set(...readAttribute(bytesOf(field.value)));
  }
  return node;
}

/** ValueInfoProto's name (field 1); its type is not needed. */
function valueName(bytes: Uint8Array): string {
  for (const field of new Reader(bytes).fields()) if (field.number === 1) return text(field.value);
  return '';
}

export function readOnnxModel(file: Uint8Array): OnnxGraph {
  // A plain view: a Node Buffer's slice() shares memory instead of copying, which the float reads rely on.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  let graphBytes: Uint8Array | undefined;
  let opsetVersion = 0;
  for (const field of new Reader(bytes).fields()) {
    if (field.number === 7) graphBytes = bytesOf(field.value);
    if (field.number === 8) {
      // OperatorSetIdProto: domain (1, '' for the default ops), version (2).
      let domain = '';
      let version = 0;
      for (const inner of new Reader(bytesOf(field.value)).fields()) {
        if (inner.number === 1) domain = text(inner.value);
        if (inner.number === 2) version = int(inner.value);
      }
      if (domain === '' || domain === 'ai.onnx') opsetVersion = version;
    }
  }
  if (!graphBytes) throw new Error('ONNX file has no graph');
  const graph: OnnxGraph = { nodes: [], initializers: new Map(), inputs: [], outputs: [], opsetVersion };
  for (const field of new Reader(graphBytes).fields()) {
    if (field.number === 1) graph.nodes.push(readNode(bytesOf(field.value)));
    else if (field.number === 5) {
      const tensor = readTensor(bytesOf(field.value));
      graph.initializers.set(tensor.name, tensor);
    } else if (field.number === 11) graph.inputs.push(valueName(bytesOf(field.value)));
    else if (field.number === 12) graph.outputs.push(valueName(bytesOf(field.value)));
  }
  // Older exporters list initializers among the inputs too; the real inputs are the others.
  graph.inputs = graph.inputs.filter((name) => !graph.initializers.has(name));
  return graph;
}
