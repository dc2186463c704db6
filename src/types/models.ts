/** One model the app can run, as the model picker lists it. Pure types. */
export interface ModelSummary {
  id: string;
  name: string;
  /** CIFAR-style test top-1 on the model's own test set, 0..1 (null when not measured) */
  testTop1: number | null;
  parameters: number | null;
  /** blocks with an SE module (0: a plain ResNet) */
  seBlocks: number;
  classes: number;
  inputSize: number;
  /** shipped with the app, or loaded by the user from their disk */
  origin: 'shipped' | 'yours';
}
