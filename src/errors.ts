// Typed errors on one base. A LeakstopError's message is one line that says what to do;
// the CLI prints it alone (no stack) and exits 2.

export class LeakstopError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Wrong command-line usage. */
export class UsageError extends LeakstopError {}

/** A rule or config file that cannot be used; the message names the file and the field. */
export class ConfigError extends LeakstopError {}

/** A path or repository that cannot be read as asked. */
export class SourceError extends LeakstopError {}

/** The key registry cannot be opened or used. */
export class RegistryError extends LeakstopError {}

/** Nothing but `registry init` creates a registry: elsewhere, a place without one is this error. */
export class NoRegistryError extends RegistryError {
  constructor(location: string) {
    super(`no Leakstop registry at ${location}; create one with \`leakstop registry init\``);
  }
}

/** GitHub (or the emulator) refused or failed; the response step stays resumable. */
export class GitHubError extends LeakstopError {}

/** A file Leakstop was asked to write (a report, a baseline, a key) cannot be written. */
export class OutputError extends LeakstopError {}

/** The job queue (PostgreSQL or the embedded one) cannot be opened or used. */
export class QueueError extends LeakstopError {}

/** The owner-notification hook (LEAKSTOP_NOTIFY_URL) did not take an event; the step stays resumable. */
export class NotifyError extends LeakstopError {}
