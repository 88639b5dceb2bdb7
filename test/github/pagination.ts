// GitHub's page-based pagination: `per_page` (default 30, at most 100) and `page`, with an
// RFC 5988 Link header naming the prev, next, last and first pages, in that order.
import type { ApiResponse, RouteContext } from './api.js';

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

function linkHeader(context: RouteContext, page: number, last: number): string | undefined {
  const link = (target: number, rel: string): string => {
    const query = new URLSearchParams(context.query);
    query.set('page', String(target));
    return `<${context.urls.api}${context.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return links.length > 0 ? links.join(', ') : undefined;
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** The requested page of `items`, with its Link header. */
export function paginate<T>(context: RouteContext, items: T[]): Page<T> {
  const perPage = Math.min(positive(context.query.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const page = positive(context.query.get('page'), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = linkHeader(context, page, last);
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: link ? { link } : {} };
}

/** A paginated JSON array response. */
export function pagedList<T>(context: RouteContext, items: T[], render: (item: T) => unknown): ApiResponse {
  const { items: pageItems, headers } = paginate(context, items);
  return { status: 200, body: pageItems.map(render), headers };
}
