/**
 * A file with no write permission for anyone, which the atomic writer will not replace. Its own
 * module, so that naming the error does not load the writer (and node:crypto) at start-up.
 */
export class ReadOnlyFileError extends Error {
  readonly code = "EACCES";
  constructor(readonly path: string) {
    super(`${path} is read-only`);
  }
}
