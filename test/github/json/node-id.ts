// GitHub's (legacy) global node ids: base64 of `0<length of type>:<Type><id>`,
// e.g. `MDEwOlJlcG9zaXRvcnkx` for Repository 1.
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
