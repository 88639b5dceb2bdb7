// What a route sees and returns. Routes are plain data plus a handler, so each resource
// lives in its own file and the server stays ignorant of what GitHub's endpoints do.
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from './credentials.js';
import type { GitStore } from './git-store.js';
import type { EmulatorState } from './state.js';
import type { Urls } from './urls.js';

export interface ApiResponse {
  status: number;
  /** Serialised as JSON; a Buffer is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One entry of a 422 `Validation Failed` body, as GitHub lists them. */
export interface ValidationIssue {
  resource: string;
  field: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  value?: unknown;
  message?: string;
}

/** A GitHub error response: `{ message, documentation_url, status }` plus `errors` for 422s. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** `errors`: issues, or the plain strings of GitHub's `validation-error-simple`. */
    readonly details: { errors?: ValidationIssue[] | string[]; headers?: Record<string, string>; documentationUrl?: string } = {},
  ) {
    super(message);
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found');

/** GitHub's schema-validation failure: "Invalid request.\n\n<reason>". */
export const invalidRequest = (reason: string): ApiError => new ApiError(422, `Invalid request.\n\n${reason}`);

export const validationFailed = (...errors: ValidationIssue[]): ApiError =>
  new ApiError(422, 'Validation Failed', { errors });

/** 201 Created, with the new resource's API URL in `Location` as GitHub sends it. */
export function created<T extends { url: string }>(body: T): ApiResponse {
  return { status: 201, body, headers: { location: body.url } };
}

export interface RouteContext {
  state: EmulatorState;
  git: GitStore;
  actor: Actor;
  urls: Urls;
  method: string;
  /** The API path without any `/api/v3` prefix. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `{}` when there was none. */
  body: Record<string, unknown>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI-style template: `/repos/{owner}/{repo}/issues`; `{path+}` also matches slashes. */
  pattern: string;
  /** The operation's page on docs.github.com, quoted in error bodies. */
  docs: string;
  handle(context: RouteContext): ApiResponse | Promise<ApiResponse>;
}
