// Every report names a file so that it can be found from where the scan ran: relative to the
// working directory when under it, else absolute — two roots holding the same relative file
// never print the same path — and SARIF says what its relative URIs are relative to.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/example-template.js';
import { TestRepo, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

const ghToken = (): string => expandTemplate('ghp_{crc32:30}');

function dir(): string {
  const made = fs.realpathSync(tempDir('leakstop-paths-'));
  cleanups.push(() => fs.rmSync(made, { recursive: true, force: true }));
  return made;
}

interface SarifRun {
  originalUriBaseIds?: Record<string, { uri: string }>;
  results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
}

const jsonPaths = (stdout: string): string[] => (JSON.parse(stdout) as { path: string }[]).map((finding) => finding.path).sort();
const sarifRun = (stdout: string): SarifRun => JSON.parse(stdout).runs[0] as SarifRun;
const artifacts = (run: SarifRun) => run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);

describe('paths in reports', () => {
  const parent = dir();
  for (const root of ['a', 'b']) {
    fs.mkdirSync(path.join(parent, root));
    fs.writeFileSync(path.join(parent, root, 'x.env'), `TOKEN=${ghToken()}\n`);
  }

  it('from the parent of two roots: relative to the working directory, and SARIF names its base', async () => {
    const json = await runCli(['scan', 'a', 'b', '--format', 'json'], { cwd: parent });
    expect(jsonPaths(json.stdout)).toEqual(['a/x.env', 'b/x.env']);
    const text = await runCli(['scan', 'a', 'b'], { cwd: parent });
    expect(text.stdout).toMatch(/ a\/x\.env:1:7\n/);
    expect(text.stdout).toMatch(/ b\/x\.env:1:7\n/);

    const run = sarifRun((await runCli(['scan', 'a', 'b', '--format', 'sarif'], { cwd: parent })).stdout);
    expect(artifacts(run)).toEqual([{ uri: 'a/x.env', uriBaseId: '%SRCROOT%' }, { uri: 'b/x.env', uriBaseId: '%SRCROOT%' }]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${parent}/`).href } });
  });

  it('from elsewhere: absolute, so the two roots never print the same path', async () => {
    const elsewhere = dir();
    const roots = [path.join(parent, 'a'), path.relative(elsewhere, path.join(parent, 'b'))];
    const expected = [path.join(parent, 'a', 'x.env'), path.join(parent, 'b', 'x.env')];
    const json = await runCli(['scan', ...roots, '--format', 'json'], { cwd: elsewhere });
    expect(jsonPaths(json.stdout)).toEqual(expected);
    const text = await runCli(['scan', ...roots], { cwd: elsewhere });
    for (const file of expected) expect(text.stdout).toContain(` ${file}:1:7\n`);
    const single = await runCli(['scan', path.relative(elsewhere, expected[1]!), '--format', 'json'], { cwd: elsewhere });
    expect(jsonPaths(single.stdout)).toEqual([expected[1]]);

    const run = sarifRun((await runCli(['scan', ...roots, '--format', 'sarif'], { cwd: elsewhere })).stdout);
    expect(artifacts(run)).toEqual(expected.map((file) => ({ uri: pathToFileURL(file).href })));
  });

  it('--staged from a subdirectory: relative to the working directory', async () => {
    const repo = TestRepo.init();
    cleanups.push(() => repo.remove());
    repo.write('src/x.env', `TOKEN=${ghToken()}\n`);
    repo.git(['add', 'src/x.env']);
    const top = await runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(jsonPaths(top.stdout)).toEqual(['src/x.env']);
    const inside = await runCli(['scan', '--staged', '--format', 'json'], { cwd: path.join(repo.dir, 'src') });
    expect(jsonPaths(inside.stdout)).toEqual(['x.env']);
    const run = sarifRun((await runCli(['scan', '--staged', '--format', 'sarif'], { cwd: path.join(repo.dir, 'src') })).stdout);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${fs.realpathSync(path.join(repo.dir, 'src'))}/`).href } });
  });

  it('history: repository-relative paths, with the repository as the SARIF base', async () => {
    const repo = TestRepo.init();
    cleanups.push(() => repo.remove());
    repo.commit('add', { 'conf/x.env': `TOKEN=${ghToken()}\n` });
    const run = sarifRun((await runCli(['scan', '--history', path.join(repo.dir, 'conf'), '--format', 'sarif', '--no-cache'], { cwd: dir() })).stdout);
    expect(artifacts(run)).toEqual([{ uri: 'conf/x.env', uriBaseId: '%SRCROOT%' }]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(`${fs.realpathSync(repo.dir)}/`).href } });
  });
});
