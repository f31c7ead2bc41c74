/** The reports pages' words (merged into the UI dictionary in i18n.tsx). Keys start with 'reports'. */
export const reportsMessagesId = {
  reportsTitle: 'reports',
};

export const reportsMessagesEn: Record<keyof typeof reportsMessagesId, string> = {
  reportsTitle: 'reports',
};
