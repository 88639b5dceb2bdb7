// `GET /meta/public_keys/secret_scanning`: the keys GitHub signs secret-scanning partner alerts
// with (docs: "Secret scanning partner program" → "Implement signature verification"). Anyone
// may read them; the body is `{ public_keys: [{ key_identifier, key, is_current }] }`.
import type { Route } from '../api.js';

export const metaRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/meta/public_keys/secret_scanning',
    docs: 'https://docs.github.com/code-security/secret-scanning/secret-scanning-partnership-program/secret-scanning-partner-program#implement-signature-verification-in-your-secret-alert-service',
    handle(context) {
      return {
        status: 200,
        body: {
          public_keys: context.state.secretScanningKeys.map((key) => ({ key_identifier: key.keyIdentifier, key: key.publicKeyPem, is_current: key.isCurrent })),
        },
      };
    },
  },
];
