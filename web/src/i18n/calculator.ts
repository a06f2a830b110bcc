/** Labels of the calculator pages. */
export const zh = {
  'calculator.title': 'calculator',
} as const;

export type CalculatorKey = keyof typeof zh;

export const en: Record<CalculatorKey, string> = {
  'calculator.title': 'calculator',
};
