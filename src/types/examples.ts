/** public/examples/examples.json: sets of example images, each for one class list. Pure types. */

export interface ExampleImageSpec {
  /** path relative to examples.json */
  file: string;
  /** class key, as in a model card's classes */
  class: string;
  /** the image's number within its class in the dataset split (see the set's PROVENANCE.md) */
  number: number;
}

export interface ExampleSetSpec {
  id: string;
  dataset: string;
  split: string;
  /** side of the (square) images */
  inputSize: number;
  /** the class keys a model must have, in this order, to be offered this set */
  classes: string[];
  images: ExampleImageSpec[];
}

export interface ExampleCatalogue {
  sets: ExampleSetSpec[];
}

/** One example as the app offers it. */
export interface Example {
  /** `<set id>/<file name without extension>`, unique */
  id: string;
  url: string;
  class: string;
  dataset: string;
  split: string;
  number: number;
}
