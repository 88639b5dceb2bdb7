// The fetch every GitHub API call goes through, the CLI's and the app's. Node's own fetch ignores
// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (on Node 20), so a server that reaches GitHub Enterprise
// Server only through a proxy would time out; undici's EnvHttpProxyAgent honours them as curl
// (and so git) does: HTTPS_PROXY for https:// URLs, HTTP_PROXY for http:// ones, NO_PROXY to bypass.
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';

let dispatcher: EnvHttpProxyAgent | undefined;

export const gitHubFetch: typeof fetch = (url, init) => {
  // Made at the first call: the proxy variables are read once, as the process was started.
  dispatcher ??= new EnvHttpProxyAgent();
  return undiciFetch(url as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher }) as unknown as Promise<Response>;
};
