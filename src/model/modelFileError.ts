/** A model file that is missing, unreadable or inconsistent; `file` names it for the message. */
export class ModelFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'ModelFileError';
  }
}
