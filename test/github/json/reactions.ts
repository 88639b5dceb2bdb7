// The `reaction-rollup` every issue and comment carries (the emulator has no reactions).
export function reactionsJson(url: string) {
  return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}
