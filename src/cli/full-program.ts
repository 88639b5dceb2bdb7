// `leakstop` with every subcommand: each module loaded only when it is the one run, or for help
// listing them all, so that no command pays for loading probot, octokit or pg unless it uses them.
import { runProgram } from './program.js';

runProgram({
  scan: async () => (await import('./scan.js')).registerScan,
  hook: async () => (await import('./hook.js')).registerHook,
  app: async () => (await import('./app.js')).registerApp,
  worker: async () => (await import('./worker.js')).registerWorker,
  jobs: async () => (await import('./jobs.js')).registerJobs,
  respond: async () => (await import('./respond.js')).registerRespond,
  revoke: async () => (await import('./revoke.js')).registerRevoke,
  incidents: async () => (await import('./incidents.js')).registerIncidents,
  registry: async () => (await import('./registry.js')).registerRegistry,
  check: async () => (await import('./check.js')).registerCheck,
  rules: async () => (await import('./rules.js')).registerRules,
  partner: async () => (await import('./partner.js')).registerPartner,
});
