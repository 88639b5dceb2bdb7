// Builds the working-tree benchmark corpus: real source files copied from node_modules,
// with fake keys of well-known providers planted at known places.
import fs from 'node:fs';
import path from 'node:path';
import { expandExample } from '../src/rules/example-template.js';

export interface PlantedKey {
  file: string;
  line: number;
  secret: string;
  provider: string;
}

export interface Corpus {
  dir: string;
  bytes: number;
  files: number;
  planted: PlantedKey[];
}

/** Keys both Leakstop and secretlint's recommended preset know; «» marks the secret. */
export const PLANTS: { provider: string; template: string }[] = [
  { provider: 'GitHub', template: 'const githubToken = "«ghp_{crc32:30}»";' },
  { provider: 'AWS', template: 'const awsAccessKeyId = "«AKIA{upper:16}»";' },
  { provider: 'Slack', template: 'const slackToken = "«xoxb-{digits:11}-{digits:12}-{base62:24}»";' },
  { provider: 'npm', template: '//registry.npmjs.org/:_authToken=«npm_{crc32:30}»' },
  { provider: 'SendGrid', template: 'const sendgrid = "«SG.{base64url:22}.{base64url:43}»";' },
  { provider: 'OpenAI', template: 'const openaiKey = "«sk-proj-{base64url:64}T3BlbkFJ{base64url:64}»";' },
];

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.json', '.md', '.yml', '.yaml']);
const MAX_SOURCE_FILE = 1024 * 1024;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.bench') yield* sourceFiles(full);
    } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name))) {
      yield full;
    }
  }
}

function corpusComplete(dir: string): Corpus | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, '..', 'scan-corpus.json'), 'utf8')) as Corpus;
  } catch {
    return undefined;
  }
}

/** Copies source files (cycling through them with a copy number) until `targetBytes`, planting keys. */
export function buildCorpus(root: string, targetBytes: number, plantEvery: number): Corpus {
  const dir = path.join(root, 'scan-corpus');
  const existing = corpusComplete(dir);
  // Built for this size: it overshoots the target by less than one source file and its planted line.
  if (existing && existing.bytes >= targetBytes && existing.bytes < targetBytes + MAX_SOURCE_FILE + 4096) return existing;
  fs.rmSync(dir, { recursive: true, force: true });
  const sources = [...sourceFiles(path.resolve('node_modules'))].filter((file) => fs.statSync(file).size <= MAX_SOURCE_FILE);
  const corpus: Corpus = { dir, bytes: 0, files: 0, planted: [] };
  for (let copy = 0; corpus.bytes < targetBytes; copy++) {
    for (const source of sources) {
      if (corpus.bytes >= targetBytes) break;
      const relative = path.join(`copy${copy}`, path.relative('node_modules', source));
      let text = fs.readFileSync(source, 'utf8');
      if (corpus.files % plantEvery === 0 && !source.endsWith('.json')) {
        const plant = PLANTS[corpus.planted.length % PLANTS.length]!;
        const example = expandExample(plant.template);
        const lines = text.split('\n');
        const at = Math.floor(lines.length / 2);
        lines.splice(at, 0, example.text);
        text = lines.join('\n');
        corpus.planted.push({ file: relative, line: at + 1, secret: example.secret!, provider: plant.provider });
      }
      const target = path.join(dir, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      corpus.bytes += Buffer.byteLength(text);
      corpus.files++;
    }
  }
  fs.writeFileSync(path.join(root, 'scan-corpus.json'), JSON.stringify(corpus));
  return corpus;
}
