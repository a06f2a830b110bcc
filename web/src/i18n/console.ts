/** Labels of the console pages. */
export const zh = {
  'console.title': 'console',
} as const;

export type ConsoleKey = keyof typeof zh;

export const en: Record<ConsoleKey, string> = {
  'console.title': 'console',
};
