/** A `korrigo-station` subcommand: `run` gets the arguments after its name and returns the exit code. */
export interface Command {
  /** One line for the command list of `korrigo-station --help`. */
  summary: string;
  run(args: string[]): Promise<number>;
}
