// The addresses the emulator writes into its JSON: derived from the Host the client used,
// with `/api/v3` kept when the client speaks to it as GitHub Enterprise Server.
export interface Urls {
  /** REST base, e.g. `http://127.0.0.1:PORT` or `http://127.0.0.1:PORT/api/v3`. */
  api: string;
  /** Web and git base, e.g. `http://127.0.0.1:PORT`. */
  web: string;
}

export function urlsFor(host: string, apiPrefix: string): Urls {
  const web = `http://${host}`;
  return { api: `${web}${apiPrefix}`, web };
}
