import type * as Tfjs from '@tensorflow/tfjs';
import type { OnnxGraph, OnnxNode, OnnxTensor } from './onnx-model';

/** A rebuilt ONNX graph: one NHWC image batch in, the graph's single output out. */
export type TfjsGraph = {
  run(input: Tfjs.Tensor4D): Tfjs.Tensor;
  dispose(): void;
};

const ints = (node: OnnxNode, name: string, fallback: number[]): number[] => {
  const value = node.attributes.get(name);
  return Array.isArray(value) ? value : fallback;
};
const int = (node: OnnxNode, name: string, fallback: number): number => {
  const value = node.attributes.get(name);
  return typeof value === 'number' ? value : fallback;
};

/**
 * Rebuilds a convolutional ONNX graph (Conv, PRelu, Add, Reshape: what MobileFaceNet-type
 * recognizers export to) from tfjs ops, channels-last as tfjs wants: weights are transposed once
 * here, so the graph runs on whatever tfjs backend is active (WASM in the face workers). Any other
 * op is refused at load rather than guessed at.
 */
export function tfjsGraphOf(tf: typeof Tfjs, graph: OnnxGraph): TfjsGraph {
  if (graph.inputs.length !== 1 || graph.outputs.length !== 1)
    throw new Error(
      `ONNX graph needs one input and one output, has ${graph.inputs.length} and ${graph.outputs.length}`,
    );
  const weights = new Map<string, Tfjs.Tensor>();
  const constant = (node: OnnxNode, index: number): OnnxTensor => {
    const tensor = graph.initializers.get(node.inputs[index] ?? '');
    if (!tensor) throw new Error(`ONNX ${node.opType} ${node.name}: input ${index} is not a constant`);
    return tensor;
  };
  const floats = (tensor: OnnxTensor) => {
    if (!(tensor.values instanceof Float32Array)) throw new Error(`ONNX tensor ${tensor.name} is not float`);
    return tensor.values;
  };
  const keep = (key: string, make: () => Tfjs.Tensor) => {
    const tensor = tf.tidy(make);
    weights.set(key, tensor);
    return tensor;
  };

  // Each step reads tensors by ONNX value name and writes its output under its own name.
  type Step = (values: Map<string, Tfjs.Tensor>) => void;
  const steps: Step[] = graph.nodes.map((node): Step => {
    const [inputName = '', other = ''] = node.inputs;
    const output = node.outputs[0] ?? '';
    const get = (values: Map<string, Tfjs.Tensor>, name: string) => {
      const value = values.get(name);
      if (!value) throw new Error(`ONNX ${node.opType} ${node.name}: no value '${name}'`);
      return value;
    };
    switch (node.opType) {
      case 'Conv': {
        const w = constant(node, 1);
        const [outChannels = 0, inPerGroup = 0, kh = 0, kw = 0] = w.dims;
        const group = int(node, 'group', 1);
        const [strideH = 1, strideW = 1] = ints(node, 'strides', [1, 1]);
        const [top = 0, left = 0, bottom = 0, right = 0] = ints(node, 'pads', [0, 0, 0, 0]);
        const dilations = ints(node, 'dilations', [1, 1]);
        if (dilations.some((d) => d !== 1))
          throw new Error(`ONNX Conv ${node.name}: dilation is not supported`);
        // tfjs pads numerically only on all four sides alike (all this model family uses).
        if (top !== bottom || left !== right || top !== left)
          throw new Error(
            `ONNX Conv ${node.name}: uneven padding ${top},${left},${bottom},${right} is not supported`,
          );
        const pad = top;
        const depthwise = group > 1 && group === outChannels && inPerGroup === 1;
        if (group > 1 && !depthwise)
          throw new Error(`ONNX Conv ${node.name}: grouped convolution is not supported`);
        // ONNX [out, in, kh, kw] → tfjs conv2d [kh, kw, in, out] or depthwise [kh, kw, channels, 1].
        const filter = keep(`${node.name}/filter`, () =>
          tf
            .tensor4d(floats(w), [outChannels, inPerGroup, kh, kw])
            .transpose(depthwise ? [2, 3, 0, 1] : [2, 3, 1, 0]),
        ) as Tfjs.Tensor4D;
        const bias = node.inputs[2]
          ? keep(`${node.name}/bias`, () => tf.tensor1d(floats(constant(node, 2))))
          : undefined;
        const strides: [number, number] = [strideH, strideW];
        return (values) => {
          const x = get(values, inputName) as Tfjs.Tensor4D;
          const y = depthwise
            ? tf.fused.depthwiseConv2d({ x, filter, strides, pad, bias })
            : tf.fused.conv2d({ x, filter, strides, pad, bias });
          values.set(output, y);
        };
      }
      case 'PRelu': {
        const slope = constant(node, 1);
        // Per-channel slopes [C, 1, 1] broadcast over the last (channel) axis.
        const alpha = keep(`${node.name}/alpha`, () => tf.tensor1d(floats(slope)));
        return (values) => values.set(output, tf.prelu(get(values, inputName), alpha));
      }
      case 'Add':
        return (values) => values.set(output, tf.add(get(values, inputName), get(values, other)));
      case 'Reshape': {
        const shape = constant(node, 1).values as number[];
        return (values) => {
          const x = get(values, inputName);
          // Only a flatten of a 1×1 map is channel-order safe between NCHW and NHWC.
          if (x.shape[1] !== 1 || x.shape[2] !== 1)
            throw new Error(
              `ONNX Reshape ${node.name}: only a 1×1 feature map can be flattened, got ${x.shape.join('×')}`,
            );
          values.set(output, tf.reshape(x, shape));
        };
      }
      default:
        throw new Error(`ONNX op ${node.opType} (${node.name}) is not supported by this runner`);
    }
  });

  return {
    run(input) {
      return tf.tidy(() => {
        const values = new Map<string, Tfjs.Tensor>([[graph.inputs[0]!, input]]);
        for (const step of steps) step(values);
        const result = values.get(graph.outputs[0]!);
        if (!result) throw new Error(`ONNX graph never produced its output '${graph.outputs[0]}'`);
        return result;
      });
    },
    dispose() {
      for (const tensor of weights.values()) tensor.dispose();
      weights.clear();
    },
  };
}
