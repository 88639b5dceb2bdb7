// Checks a response against GitHub's published OpenAPI description (@octokit/openapi):
// the operation is found by method and path, and the body is checked against the schema of
// the answered status — required properties, types, nullability, enums, nested objects.
import { createRequire } from 'node:module';

interface Schema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

let loaded: { spec: Spec; templates: { template: string; regex: RegExp; literal: number }[] } | undefined;

function load() {
  if (!loaded) {
    const spec = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as Spec;
    const templates = Object.keys(spec.paths).map((template) => ({
      template,
      // `{path}` in the contents endpoint spans slashes.
      regex: new RegExp(`^${template.replace(/\{path\}/g, '(.+)').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }));
    loaded = { spec, templates };
  }
  return loaded;
}

function resolve<T>(spec: Spec, value: T & { $ref?: string }): T {
  if (!value.$ref) return value;
  const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value.$ref)!;
  return resolve(spec, spec.components[section!]![name!] as T & { $ref?: string });
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function allowsNull(spec: Spec, schema: Schema): boolean {
  if (schema.nullable || [schema.type].flat().includes('null')) return true;
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return choices.some((choice) => allowsNull(spec, resolve(spec, choice)));
  return !schema.type && !schema.properties && !schema.allOf;
}

function check(spec: Spec, raw: Schema, value: unknown, where: string, errors: string[], depth: number): void {
  const schema = resolve(spec, raw);
  if (depth > 12) return;
  if (value === null) {
    if (!allowsNull(spec, schema)) errors.push(`${where}: null is not allowed`);
    return;
  }
  for (const part of schema.allOf ?? []) check(spec, part, value, where, errors, depth + 1);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) {
    const attempts = choices.map((choice) => {
      const found: string[] = [];
      check(spec, choice, value, where, found, depth + 1);
      return found;
    });
    if (!attempts.some((found) => found.length === 0)) {
      errors.push(...attempts.reduce((best, found) => (found.length < best.length ? found : best)));
    }
  }
  const types = [schema.type].flat().filter((type): type is string => Boolean(type));
  const actual = typeOf(value);
  if (types.length > 0 && !types.some((type) => type === actual || (type === 'number' && actual === 'integer'))) {
    errors.push(`${where}: expected ${types.join('|')}, got ${actual}`);
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) errors.push(`${where}.${name}: required property missing`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name in object) check(spec, property, object[name], `${where}.${name}`, errors, depth + 1);
    }
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).slice(0, 5).forEach((item, index) => check(spec, schema.items!, item, `${where}[${index}]`, errors, depth + 1));
  }
}

/** The response schema for an operation and status, or undefined when the description has none. */
function responseSchema(method: string, path: string, status: number): Schema | undefined {
  const { spec, templates } = load();
  const candidates = templates.filter(({ template, regex }) => regex.test(path) && spec.paths[template]![method.toLowerCase()]);
  const best = candidates.sort((a, b) => b.literal - a.literal)[0];
  if (!best) return undefined;
  const operation = spec.paths[best.template]![method.toLowerCase()]!;
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  const content = resolve(spec, response).content ?? {};
  return content['application/json']?.schema;
}

/** Whether GitHub's description documents this status for the operation at all. */
export function documentedStatus(method: string, path: string, status: number): boolean {
  const { spec, templates } = load();
  const best = templates
    .filter(({ template, regex }) => regex.test(path) && spec.paths[template]![method.toLowerCase()])
    .sort((a, b) => b.literal - a.literal)[0];
  return Boolean(best && spec.paths[best.template]![method.toLowerCase()]!.responses[String(status)]);
}

/** Where `body` departs from the documented response of `method path` with `status` (empty: it conforms). */
export function openApiErrors(method: string, path: string, status: number, body: unknown): string[] {
  const schema = responseSchema(method, path, status);
  if (!schema) return [`no documented ${status} JSON response for ${method} ${path}`];
  const errors: string[] = [];
  check(load().spec, schema, body, 'body', errors, 0);
  return errors;
}
