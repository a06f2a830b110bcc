/** Labels of the apply pages of the recognition workflow. */
export const zh = {};

export const en: Record<keyof typeof zh, string> = {};
