/**
 * The data and the keys kept apart from it do not match (a missing or wrong master or
 * audit key). The CLI prints `problem` and the message without a stack; this module imports
 * nothing so that the CLI's entry can catch it without loading the data layer.
 */
export class KeyProblemError<P extends string = string> extends Error {
  constructor(
    readonly problem: P,
    message: string,
  ) {
    super(message);
  }
}
