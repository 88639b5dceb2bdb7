// A history scan passes over each version of a file only where it differs from the version
// detected before it; `--full-blobs` detects every version whole. On histories where secrets are
// added, edited in place, moved, copied, split across commits, changed inside a PEM block,
// re-added after deletion and brought in by merges, both report exactly the same findings.
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo } from '../helpers/git-repo.js';
import { gitHubToken } from '../helpers/github-tokens.js';
import { fingerprintOf } from '../helpers/json-findings.js';
import { runCli } from '../helpers/run-cli.js';
import { seededRandom } from '../helpers/seeded-random.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repo(): TestRepo {
  const made = TestRepo.init();
  cleanups.push(() => made.remove());
  return made;
}

let clock = 1_700_000_000;
function commit(r: TestRepo, message: string, files: Record<string, string> = {}): string {
  clock += 60;
  return r.commit(message, files, { GIT_AUTHOR_DATE: `@${clock} +0000`, GIT_COMMITTER_DATE: `@${clock} +0000` });
}

const pem = (): string => expandTemplate('-----BEGIN RSA PRIVATE KEY-----\n{base64:64}\n{base64:64}\n{base64:64}\n{base64:20}==\n-----END RSA PRIVATE KEY-----');
const awsPair = (): string => expandTemplate('aws_access_key_id = AKIA{base32:16}\naws_secret_access_key = {base64:40}');
const code = (lines: number, tag: string): string =>
  Array.from({ length: lines }, (_, i) => `export function ${tag}${i}(value) { return value + ${i}; } // note ${i}`).join('\n');

interface Place {
  rule: string;
  secret: string;
  commit: string;
  path: string;
  line: number;
}

async function findings(dir: string, extra: string[]): Promise<Place[]> {
  const result = await runCli(['scan', '--history', dir, '--format', 'json', '--no-cache', ...extra]);
  expect(result.stderr).not.toMatch(/error|failed/i);
  expect([0, 1]).toContain(result.code);
  const found = JSON.parse(result.stdout) as { ruleId: string; secretFingerprint: string; commit: string; path: string; line: number }[];
  return found
    .map((f) => ({ rule: f.ruleId, secret: f.secretFingerprint, commit: f.commit, path: f.path, line: f.line }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The reference's findings, after asserting the default scan (one thread and two) reports the same. */
async function sameFindings(r: TestRepo): Promise<Place[]> {
  const reference = await findings(r.dir, ['--full-blobs', '--concurrency', '1']);
  expect(await findings(r.dir, ['--concurrency', '1'])).toEqual(reference);
  expect(await findings(r.dir, ['--concurrency', '2'])).toEqual(reference);
  return reference;
}

describe('history scan of new content', () => {
  it('reports what a full-blob scan reports as secrets are added, edited, moved, copied, split, re-added and merged', async () => {
    const r = repo();
    const [first, second, third] = [gitHubToken(), gitHubToken(), gitHubToken()];
    const body = code(40, 'app');
    commit(r, 'code', { 'src/app.js': body, 'config/a.env': 'A=1\nB=2\n' });
    const added = commit(r, 'add a token', { 'src/app.js': `${body}\nconst token = "${first}";\n` });
    // Edited in place, with a nearby line changed too.
    const edited = commit(r, 'rotate it', { 'src/app.js': `${body.replace('note 39', 'note 39!')}\nconst token = "${second}";\n` });
    commit(r, 'move it', { 'src/app.js': `${body}\n`, 'config/a.env': `A=1\nB=2\nGITHUB_TOKEN=${second}\n` });
    commit(r, 'copy it', { 'config/b.env': `GITHUB_TOKEN=${second}\n` });
    // Split across two commits: the line is completed by the second one.
    const half = third.slice(0, 20);
    commit(r, 'start a line', { 'src/app.js': `${body}\nconst other = "${half}\n` });
    const completed = commit(r, 'finish it', { 'src/app.js': `${body}\nconst other = "${third}";\n` });
    // A PEM block, then one line inside it changed: a new key.
    const key = pem();
    commit(r, 'a key', { 'deploy/key.pem': `# deploy key\n${key}\n# end\n` });
    const keyLines = key.split('\n');
    keyLines[2] = expandTemplate('{base64:64}');
    const changedKey = commit(r, 'change the key', { 'deploy/key.pem': `# deploy key\n${keyLines.join('\n')}\n# end\n` });
    // Deleted, then added again.
    commit(r, 'remove the copy', { 'config/b.env': 'NOTHING=1\n' });
    commit(r, 'put it back', { 'config/b.env': `GITHUB_TOKEN=${second}\n` });
    // Branches that each add a secret, merged with a resolution that adds one of its own.
    r.git(['checkout', '-q', '-b', 'feature']);
    const pair = awsPair();
    commit(r, 'feature: aws', { 'config/aws.ini': `[default]\n${pair}\n` });
    r.git(['checkout', '-q', 'main']);
    const fourth = gitHubToken();
    commit(r, 'main: another token', { 'config/aws.ini': `[main]\ntoken = ${fourth}\n` });
    // Both branches added the file: the merge stops at the conflict, resolved below.
    expect(() => r.git(['merge', '-q', 'feature', '-m', 'merge'])).toThrow();
    const mergeToken = gitHubToken();
    r.write('config/aws.ini', `[default]\n${pair}\n[main]\ntoken = ${fourth}\nmerged = ${mergeToken}\n`);
    r.git(['add', '-A']);
    r.git(['commit', '-q', '-m', 'resolve'], { GIT_AUTHOR_DATE: `@${(clock += 60)} +0000`, GIT_COMMITTER_DATE: `@${clock} +0000` });
    const resolved = r.git(['rev-parse', 'HEAD']).trim();

    const found = await sameFindings(r);
    // The scan found what this history holds, where each secret was introduced.
    const at = (secret: string) => found.filter((f) => f.secret === fingerprintOf(secret)).map((f) => ({ commit: f.commit, path: f.path, line: f.line }));
    expect(at(first)).toEqual([{ commit: added, path: 'src/app.js', line: 41 }]);
    expect(at(second)).toContainEqual({ commit: edited, path: 'src/app.js', line: 41 });
    expect(at(second).map((place) => place.path).sort()).toEqual(['config/a.env', 'config/b.env', 'src/app.js']);
    expect(at(third)).toEqual([{ commit: completed, path: 'src/app.js', line: 41 }]);
    expect(found.filter((f) => f.rule === 'private-key-rsa').map((f) => f.commit)).toContain(changedKey);
    expect(at(mergeToken)).toEqual([{ commit: resolved, path: 'config/aws.ini', line: 6 }]);
    expect(found.some((f) => f.rule.startsWith('aws-'))).toBe(true);
  });

  it('reports what a full-blob scan reports over many random edits of large files', async () => {
    const draw = seededRandom();
    const random = () => draw.next();
    const r = repo();
    const secrets = Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? Buffer.from(`login:${gitHubToken()}`).toString('base64') : gitHubToken()));
    // Files of 2,000 to 3,000 lines, each version an edit or two of the last: lines inserted,
    // deleted or replaced (secrets, base64, code, CRLF and non-ASCII text among them).
    const files = new Map([['lib/big.js', code(3000, 'big').split('\n')], ['docs/notes.md', code(2000, 'note').split('\n')]]);
    const line = (): string => {
      const pick = random();
      if (pick < 0.15) return `const key${Math.floor(random() * 1e6)} = "${secrets[Math.floor(random() * secrets.length)]}";`;
      if (pick < 0.25) return expandTemplate('blob = "{base64:80}"');
      if (pick < 0.3) return 'café ✓ naïve';
      if (pick < 0.35) return 'windows line\r';
      return `let x${Math.floor(random() * 1e6)} = ${Math.floor(random() * 1e6)};`;
    };
    for (let version = 0; version < 60; version++) {
      if (version === 30) r.git(['checkout', '-q', '-b', 'side']);
      if (version === 45) r.git(['checkout', '-q', 'main']);
      const changes: Record<string, string> = {};
      for (const [path, lines] of files) {
        if (random() < 0.4) continue;
        for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
          const at = Math.floor(random() * lines.length);
          const kind = random();
          if (kind < 0.4) lines.splice(at, 0, line());
          else if (kind < 0.7) lines.splice(at, 1 + Math.floor(random() * 3));
          else lines[at] = line();
        }
        changes[path] = lines.join('\n');
      }
      commit(r, `version ${version}`, changes);
    }
    r.git(['merge', '-q', '-X', 'theirs', 'side', '-m', 'merge side'], { GIT_AUTHOR_DATE: `@${(clock += 60)} +0000`, GIT_COMMITTER_DATE: `@${clock} +0000` });

    const found = await sameFindings(r);
    // Not an empty agreement: about 15 secret lines are added on average, fewer than 3 in 1 of 20,000
    // simulated seeds (it asked for more than 10 before, which 11% of seeds miss).
    expect(found.length, `seed ${draw.seed}`).toBeGreaterThanOrEqual(3);
  });
});
