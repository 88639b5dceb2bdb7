// How the demos speak: numbered steps, and quoted text (issues, answers) as an indented block.
export const say = (text = ''): void => console.log(text);
export const step = (n: number, text: string): void => say(`\n${n}. ${text}`);
export const indent = (text: string): string => text.split('\n').map((line) => `   │ ${line}`).join('\n');
