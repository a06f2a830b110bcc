/** Labels of the portal pages. */
export const zh = {
  'portal.title': 'portal',
} as const;

export type PortalKey = keyof typeof zh;

export const en: Record<PortalKey, string> = {
  'portal.title': 'portal',
};
