// An installation token for git, passed the way GitHub documents (`x-access-token` basic auth)
// but through the environment: it never appears in argv (visible in `ps`), a remote URL
// (stored in config, echoed in errors) or a log line.

/**
 * Environment for one git process that sends the token to `baseUrl` only: the header is
 * scoped to that URL, credential helpers are off so nothing stores it, and git never prompts.
 */
export function gitAuthEnv(baseUrl: string, token: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  const config: [string, string][] = [
    [`http.${baseUrl.replace(/\/*$/, '/')}.extraHeader`, `Authorization: Basic ${basic}`],
    ['credential.helper', ''],
  ];
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' };
  // Inherited GIT_CONFIG_* pairs would be renumbered over; ours replace them. Tracing would print the header.
  for (const key of Object.keys(env)) if (/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+)$|^GIT_TRACE|^GIT_CURL_VERBOSE$/.test(key)) delete env[key];
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
