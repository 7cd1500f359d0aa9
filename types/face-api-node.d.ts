// face-api's env.monkeyPatch asks for the DOM's canvas and image constructors; in the main process
// @napi-rs/canvas stands in for them (main/face/node-face-api.ts). Only their constructor values are
// declared, so no other DOM object becomes visible to Node code.
declare const HTMLCanvasElement: { prototype: HTMLCanvasElement; new (): HTMLCanvasElement };
declare const HTMLImageElement: { prototype: HTMLImageElement; new (): HTMLImageElement };
