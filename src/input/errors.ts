import type { InputError } from '../compute/limits';

/** An input problem the user is told about (translated by its code), never a crash. */
export class InputFailure extends Error {
  constructor(readonly error: InputError) {
    super(error.code);
    this.name = 'InputFailure';
  }
}

export function asInputError(e: unknown, fallback: InputError): InputError {
  return e instanceof InputFailure ? e.error : fallback;
}
