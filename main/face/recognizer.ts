import type { Canvas } from '@napi-rs/canvas';
import type { Point } from '../contract/face-pose';
import type { FaceModel, FaceTemplate } from '../contract/face-template';

/**
 * What the server's matching needs from a face model, so a deployer can swap the model: its
 * name@version (stored with every template), a template from a photo and the face's 68 landmarks,
 * and the distance between two templates of that model. Detection, landmarks and liveness stay
 * face-api's whichever model matches.
 */
export type Recognizer = {
  model: FaceModel;
  /** The template of the face with these 68 landmarks, in the canvas's pixel coordinates. */
  embed(image: Canvas, landmarks: readonly Point[]): Promise<FaceTemplate>;
  distance(a: FaceTemplate, b: FaceTemplate): number;
  dispose(): void;
};
