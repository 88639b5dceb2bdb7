// A repository's own regex rules, run apart from the app's event loop: the main thread gives
// this worker a time budget and terminates it when the budget is spent, which stops even a
// catastrophically backtracking pattern in the middle of a match.
import { parentPort, workerData } from 'node:worker_threads';
import { FingerprintKey } from '../detect/fingerprint-key.js';
import { scanHistory } from '../pipeline/scan-history.js';
import { compileRepoRules } from './repo-config.js';
import type { RepoRulesTask } from './run-repo-rules.js';

const task = workerData as RepoRulesTask;
const result = await scanHistory({
  repoPath: task.repoPath,
  repo: task.repo,
  revs: task.revs,
  config: {
    rules: compileRepoRules(task.rules),
    allowlists: task.allowlists,
    maxFileSize: task.maxFileSize,
    rulesetVersion: task.rulesetVersion,
    sources: [],
  },
  fingerprintKey: FingerprintKey.fromHex(task.fingerprintKey),
  cache: true,
  cacheDir: task.cacheDir,
  progress: false,
  concurrency: 1,
});
// A Secret cannot cross threads: the plaintext travels as a string and is wrapped on arrival.
parentPort!.postMessage(result.findings.map((finding) => ({ ...finding, secret: finding.secret.reveal() })));
