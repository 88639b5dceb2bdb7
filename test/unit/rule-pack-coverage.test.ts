// The built-in rule pack as a whole: its size, the providers the issue names, every rule
// documented and exemplified, and the pack itself clean under its own rules.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../src/detect/compile-engine.js';
import { detectContent } from '../../src/detect/detect-content.js';
import { expandTemplate } from '../../src/rules/example-template.js';
import { loadConfig, OPT_IN_TAGS } from '../../src/rules/load-config.js';

const config = loadConfig({ enableTags: [...OPT_IN_TAGS] });
const rules = config.rules;

/** Providers issue 2 lists by name; each must have at least one rule. */
const REQUIRED_PROVIDERS = [
  'GitHub', 'GitLab', 'AWS', 'Google', 'Azure', 'Stripe', 'Slack', 'Twilio', 'SendGrid', 'Mailgun', 'Mailchimp',
  'OpenAI', 'Anthropic', 'Hugging Face', 'npm', 'PyPI', 'Docker Hub', 'Shopify', 'Square', 'DigitalOcean', 'Heroku',
  'Databricks', 'HashiCorp Vault', 'Terraform Cloud', 'Postman', 'Pulumi', 'Linear', 'Atlassian', 'Discord',
  'Telegram', 'Grafana', 'New Relic', 'Datadog', 'Sentry', 'Doppler', 'age', 'PEM private key', 'OpenSSH', 'OpenPGP',
  'JWT', 'PostgreSQL', 'MySQL', 'MongoDB', 'Redis', 'RabbitMQ', 'HTTP', 'Generic',
  // issue 10
  'Google Gemini', 'Mistral AI', 'Cohere', 'Groq', 'xAI', 'DeepSeek', 'Perplexity', 'Replicate', 'Together AI',
  'Fireworks AI', 'OpenRouter', 'Cerebras', 'ElevenLabs', 'Cursor', 'LangChain', 'Pinecone', 'Tavily', 'Firecrawl',
  'Weights & Biases', 'ODBC / ADO.NET', 'JDBC', 'LDAP', 'Kubernetes', 'Microsoft Teams', 'Salesforce', 'Okta', 'Twitch',
  'PagerDuty', 'Splunk', 'Opsgenie', 'PayPal', 'Braintree', 'Bugsnag', 'PostHog', 'Klaviyo', 'Mandrill', 'DocuSign',
  'Freshdesk', 'Dependency-Track', 'Adafruit IO', 'Contribsys', 'Snyk', 'SonarQube', 'Algolia', 'Gitter', 'Fly.io',
  'Supabase', 'Vercel', 'Netlify', 'Cloudflare', 'Railway', 'Render', 'Neon', 'PlanetScale', 'Auth0', 'netrc', 'Maven',
  'NuGet', 'Docker', 'Composer', 'RubyGems', 'Django', 'Ruby on Rails', 'Gradle', 'PowerShell', 'bcrypt', 'NTLM',
  'Kerberos', 'Clerk',
];

/**
 * Providers whose every (non-generic) rule links its guidance to the provider's revocation or
 * rotation page: the console page where there is one, else the provider's documentation of it.
 * Add a provider once all its rules do.
 */
const PROVIDERS_WITH_ROTATION_URLS = [
  'GitHub', 'GitLab', 'AWS', 'Google', 'Stripe', 'Cloudflare', 'OpenAI', 'Anthropic', 'Hugging Face', 'Google Gemini',
  'Mistral AI', 'Cohere', 'Groq', 'xAI', 'Perplexity', 'Replicate', 'OpenRouter', 'npm', 'PyPI', 'Docker Hub', 'Docker',
  'crates.io', 'Clojars', 'Heroku', 'Vercel', 'Netlify', 'Supabase', 'Twilio', 'SendGrid', 'Mailgun', 'Mailchimp',
  'Datadog', 'Sentry', 'New Relic', 'HashiCorp Vault', 'Terraform Cloud', 'Pulumi', 'Databricks', 'Discord',
  'Telegram', 'Square', 'Dropbox', 'Okta', 'Clerk', 'Atlassian', 'Bitbucket', 'Linear', 'Postman', 'Snyk', 'Facebook',
  'HubSpot', 'Airtable', 'Notion', 'Mapbox', 'ngrok',
];

/**
 * Providers of the business, commerce, payments, SaaS, social, email and messaging rule files whose every
 * (non-generic) rule links its guidance to the provider's revocation page or documentation of it.
 */
const PROVIDERS_WITH_ROTATION_URLS_BUSINESS = [
  'Salesforce', 'PagerDuty', 'Opsgenie', 'Splunk', 'Bugsnag', 'PostHog', 'DocuSign', 'Freshdesk', 'Pipedrive', 'Zoho',
  'Close', 'Copper', 'Help Scout', 'Front', 'Crisp', 'LiveChat', 'Gorgias', 'Trello', 'ClickUp', 'Monday.com', 'Coda',
  'Smartsheet', 'Todoist', 'Miro', 'Canva', 'Webflow', 'Sanity', 'Storyblok', 'Prismic', 'DatoCMS', 'Ghost',
  'Contentstack', 'Strapi', 'Box', 'Dropbox Sign', 'PandaDoc', 'Evernote', 'SurveyMonkey', 'Jotform', 'Cal.com',
  'Calendly', 'Marketo', 'Outreach', 'Apollo.io', 'Clearbit', 'Hunter', 'Mixpanel', 'Amplitude', 'Segment', 'Hotjar',
  'FullStory', 'Matomo', 'Optimizely', 'Split', 'Statsig', 'ConfigCat', 'Unleash', 'DevCycle', 'GrowthBook',
  'Shopify', 'Duffel', 'EasyPost', 'Shippo', 'Lob', 'Etsy', 'PayPal', 'Razorpay', 'Mollie', 'Adyen', 'Checkout.com',
  'Authorize.Net', 'Paddle', 'Lemon Squeezy', 'Wise', 'Mercury', 'Brex', 'Bitfinex', 'Bybit', 'OKX', 'Bitso', 'Huobi',
  'Alchemy', 'Infura', 'Etherscan', 'Moralis', 'QuickNode', 'CoinMarketCap', 'CoinGecko', 'WooCommerce',
  'BigCommerce', 'Gumroad', 'ShipEngine', 'AfterShip', 'Amadeus', 'Intuit', 'Xero', 'FreshBooks', 'Harvest', 'Toggl',
  'BambooHR', 'Alpha Vantage', 'Finnhub', 'Polygon.io', 'Twelve Data', 'Nasdaq Data Link', 'Flutterwave', 'Plaid',
  'Coinbase', 'Algolia', 'Contentful', 'Intercom', 'Zendesk', 'Typeform', 'Auth0', 'Adobe', 'MaxMind', 'Apify',
  'X (Twitter)', 'Twitch', 'Pinterest', 'Postmark', 'Resend', 'SparkPost', 'Microsoft Teams', 'IFTTT', 'Mattermost',
  'Rocket.Chat', 'Zulip', 'LINE', 'Viber', 'Webex', 'Zoom', 'Vonage', 'Plivo', 'Sinch', 'Telnyx', 'Bandwidth',
  'ClickSend', 'Textmagic', 'Infobip', 'Africa\'s Talking', 'PubNub', 'Pusher', 'Ably', 'Stream', 'OneSignal',
  'Gitter', 'Mailjet', 'MailerSend', 'SMTP2GO', 'Elastic Email', 'Mailtrap', 'Loops', 'Mandrill', 'Customer.io',
  'Iterable', 'Braze', 'ActiveCampaign', 'ConvertKit', 'Constant Contact', 'Klaviyo', 'Google Chat', 'Zapier',
  'Sendbird', 'MessageBird', 'Slack', 'Braintree', 'Kraken', 'GoCardless', 'Brevo', 'Flagsmith', 'Feishu',
  'ReadMe', 'Polar', 'ShipStation', 'WeCom', 'Finicity', 'Make', 'KuCoin', 'Gusto',
  'Microsoft Power Automate', 'Pendo', 'DingTalk', 'Beamer', 'LogRocket',
];

/**
 * Providers of the infrastructure, devtools, observability, cloud, database and credential-file packs whose every
 * rule links its guidance to where the secret is revoked or rotated.
 */
const PROVIDERS_WITH_ROTATION_URLS_INFRA = [
  'LangChain', 'DigitalOcean', 'Render', 'Fly.io', 'Fastly', 'Alibaba Cloud', 'Linode', 'Hetzner', 'Tencent Cloud',
  'Volcengine', 'RubyGems', 'Ruby on Rails', 'Laravel', 'Apple', 'PostgreSQL', 'MongoDB', 'Redis', 'SQL Server',
  'Dependency-Track', 'Adafruit IO', 'Contribsys', 'Jenkins', 'TeamCity', 'Bitrise', 'AppVeyor', 'GitGuardian',
  'Codacy', 'Semgrep', 'JetBrains', 'Packagist', 'Hex', 'Cloudsmith', 'Packagecloud', 'Anaconda', 'Honeycomb',
  'Rollbar', 'Lightstep', 'Elastic', 'Better Stack', 'Checkly', 'UptimeRobot', 'Statuspage', 'Shodan', 'VirusTotal',
  'Censys', 'AbuseIPDB', 'urlscan.io', 'Have I Been Pwned', 'CircleCI', 'Buildkite', 'Travis CI', 'SonarQube',
  'Asana', 'Sourcegraph', 'Harness', 'Octopus Deploy', 'Figma', 'WakaTime', 'Unkey', 'ZeroTier', 'Vultr', 'Scaleway',
  'OVHcloud', 'IBM Cloud', 'Oracle Cloud', 'Exoscale', 'Civo', 'Backblaze', 'Wasabi', 'Bunny.net', 'KeyCDN', 'Akamai',
  'Koyeb', 'Northflank', 'Railway', 'Doppler', 'Tailscale', 'Neon', 'Confluent', 'Prefect', 'ClickHouse',
  'HashiCorp Consul', 'HashiCorp Nomad', 'Rancher', 'Argo CD', 'Grafana', 'Dynatrace', 'Sumo Logic', 'LaunchDarkly',
  'Firebase', 'Yandex Cloud', 'Flask', 'Symfony', 'MySQL', 'RabbitMQ', 'Coralogix', 'Cronitor', 'Codecov', 'PlanetScale',
  'JFrog', 'Android', 'fastlane', 'Teleport', 'NuGet', 'Composer', 'Healthchecks.io', 'HashiCorp Boundary', 'Maven',
  'Papertrail', 'Zuplo', 'Gradle', 'Amazon MWS', 'Azure', 'Scalingo', 'ODBC / ADO.NET', 'JDBC', 'LDAP', 'PowerShell',
  'Semaphore', 'Spacelift', 'env0', 'Mend', 'Checkmarx', 'DeepSource', 'Phabricator', 'Replit', 'Gemfury', 'Quay',
  'Airbrake', 'Mezmo', 'Loggly', 'Logz.io', 'Instana', 'Pingdom', 'VictorOps', 'SecurityTrails', 'Infracost', 'Frame.io',
  'WireGuard', 'OpenVPN', 'SSH', 'Twingate', 'UpCloud', 'Equinix Metal', '1Password', 'Defined Networking', 'OpenSSH',
  'OpenPGP', 'age', 'Raygun',
];

describe('the built-in rule pack', () => {
  it('holds at least 500 rules across at least 350 providers', () => {
    expect(rules.length).toBeGreaterThanOrEqual(500);
    expect(new Set(rules.map((rule) => rule.provider)).size).toBeGreaterThanOrEqual(350);
  });

  it('is counted in the README as it is', () => {
    const stated = /\*\*(\d+) rules over (\d+) providers\*\* \((\d+) over (\d+) with the opt-in `hash` rules\)/.exec(fs.readFileSync('README.md', 'utf8'));
    const providers = (pack: typeof rules) => new Set(pack.map((rule) => rule.provider).filter(Boolean)).size;
    const byDefault = loadConfig().rules;
    expect(stated?.slice(1).map(Number)).toEqual([byDefault.length, providers(byDefault), rules.length, providers(rules)]);
  });

  it('runs password-hash rules only when a config enables the hash tag', () => {
    const hashRules = rules.filter((rule) => rule.tags.includes('hash')).map((rule) => rule.id);
    expect(hashRules).toEqual(expect.arrayContaining(['bcrypt-hash', 'ntlm-hash-pwdump', 'kerberos-asrep-hash']));
    expect(loadConfig().rules.filter((rule) => rule.tags.includes('hash'))).toEqual([]);
  });

  it('gives every rule a unique kebab-case id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('covers every provider the issue names', () => {
    const providers = new Set(rules.map((rule) => rule.provider));
    expect(REQUIRED_PROVIDERS.filter((provider) => !providers.has(provider))).toEqual([]);
  });

  it('covers each kind of GitHub token, the AWS secret key and the generic rule', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    for (const id of ['github-pat', 'github-fine-grained-pat', 'github-oauth-token', 'github-user-to-server-token',
      'github-server-to-server-token', 'github-refresh-token', 'aws-access-key-id', 'aws-secret-access-key',
      'aws-secret-access-key-with-key-id', 'private-key-rsa', 'private-key-ec', 'private-key-openssh',
      'private-key-pgp', 'jwt', 'url-basic-auth', 'generic-api-key', 'slack-session-cookie', 'slack-workflow-webhook-url',
      'microsoft-teams-legacy-webhook-url', 'vault-legacy-token', 'vault-unseal-key', 'kubernetes-bootstrap-token',
      'kubeconfig-client-key-data', 'kubernetes-secret-string-data', 'connection-string-password', 'jdbc-url-password',
      'pypirc-password', 'composer-auth-password', 'django-secret-key', 'rails-secret-key-base', 'gemini-auth-key',
      'cloudflare-tunnel-token', 'cloudflare-r2-secret-key']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('gives every rule at least three positive examples with a marked secret and two negative ones', () => {
    for (const rule of rules) {
      expect(rule.examples.match.length, rule.id).toBeGreaterThanOrEqual(3);
      expect(rule.examples.noMatch.length, rule.id).toBeGreaterThanOrEqual(2);
      for (const example of rule.examples.match) expect(example.text, rule.id).toMatch(/«[^»]+»/);
    }
  });

  it('describes every rule and says how to revoke or rotate what it finds', () => {
    for (const rule of rules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(0);
      expect(rule.guidance?.length ?? 0, rule.id).toBeGreaterThan(20);
      expect(rule.tags.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('reports a Clerk secret key assigned to a Clerk name as Clerk, though Stripe keys share its prefix', () => {
    const engine = compileEngine(config);
    const key = expandTemplate('sk_live_{base62:40}');
    const reported = (text: string) => detectContent(text, engine).map((match) => [match.ruleId, match.secret.reveal()]);
    expect(reported(`CLERK_SECRET_KEY=${key}\n`)).toEqual([['clerk-secret-key', key]]);
    expect(reported(`export const clerkSecretKey: string = "${key}";\n`)).toEqual([['clerk-secret-key', key]]);
    expect(reported(`STRIPE_SECRET_KEY=${key}\n`)).toEqual([['stripe-secret-key', key]]);
  });

  it('links the guidance of every rule of the main providers to where the secret is revoked or rotated', () => {
    const providers = new Set(rules.map((rule) => rule.provider));
    const withRotationUrls = [...PROVIDERS_WITH_ROTATION_URLS, ...PROVIDERS_WITH_ROTATION_URLS_BUSINESS, ...PROVIDERS_WITH_ROTATION_URLS_INFRA];
    expect(withRotationUrls.filter((provider) => !providers.has(provider))).toEqual([]);
    const withoutUrl = rules
      .filter((rule) => withRotationUrls.includes(rule.provider) && !rule.tags.includes('generic'))
      .filter((rule) => !/\bhttps:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+/i.test(rule.guidance ?? ''))
      .map((rule) => `${rule.provider}: ${rule.id}`);
    expect(withoutUrl).toEqual([]);
  });

  it('validates the checksum of the GitHub and npm token families', () => {
    const checksummed = new Set(rules.filter((rule) => rule.checksum === 'crc32-base62').map((rule) => rule.id));
    for (const id of ['github-pat', 'github-oauth-token', 'github-user-to-server-token', 'github-server-to-server-token',
      'github-refresh-token', 'npm-access-token']) {
      expect(checksummed.has(id), id).toBe(true);
    }
  });

  it('finds nothing in its own rule files', () => {
    const engine = compileEngine(config);
    for (const file of config.sources) {
      const found = detectContent(fs.readFileSync(file, 'utf8'), engine).map((match) => `${match.ruleId} at line ${match.line}`);
      expect(found, file).toEqual([]);
    }
  });
  it("accounts for every entry of GitHub's supported secret scanning patterns list", () => {
    // test/fixtures/github-secret-scanning-patterns.json copies that list row by row (its source
    // field names the commit); each row names the rules that detect it or says why none does.
    const list = JSON.parse(fs.readFileSync(new URL('../fixtures/github-secret-scanning-patterns.json', import.meta.url), 'utf8')) as {
      entries: { provider: string; secret: string; rules?: string[]; reason?: string }[];
    };
    const ids = new Set(rules.map((rule) => rule.id));
    expect(list.entries).toHaveLength(515);
    const unaccounted = list.entries
      .filter((entry) => entry.rules?.length ? entry.rules.some((id) => !ids.has(id)) : !entry.reason?.trim())
      .map((entry) => `${entry.provider}: ${entry.secret} ${JSON.stringify(entry.rules ?? [])}`);
    expect(unaccounted).toEqual([]);
  });
});
