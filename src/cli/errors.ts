/** A user-facing CLI error: printed to stderr in Danish, ends the process with `exitCode` (2 by default). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2
  ) {
    super(message);
    this.name = "CliError";
  }
}
