// Finishing what was interrupted: every incident whose steps are not all done.
import { incidentState } from './incident-state.js';
import { respondToIncidents, type IncidentResult, type ResponderOptions } from './respond-to-incidents.js';

/** `repo`: only the incidents of that repository (`owner/name`). */
export async function resumeResponses(options: ResponderOptions, repo?: string): Promise<IncidentResult[]> {
  const responses = options.registry.responses;
  const unfinished = [];
  for (const incident of (await responses.incidents()).reverse()) {
    if (repo !== undefined && incident.repo !== repo) continue;
    const [steps, sightings] = await Promise.all([responses.steps(incident.id), responses.sightings(incident.id)]);
    if (incidentState(steps, sightings).state !== 'complete') unfinished.push(incident);
  }
  return respondToIncidents(unfinished, options);
}
