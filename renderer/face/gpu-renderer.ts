/**
 * WebGL renderers that draw on the CPU: tfjs on them is slower than its WASM backend, so they do
 * not count as a GPU. (SwiftShader is Chromium's fallback; llvmpipe/softpipe are Mesa's.)
 */
const software = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return software.test(renderer);
}
