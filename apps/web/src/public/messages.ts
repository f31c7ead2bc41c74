/** The public pages' words (merged into the UI dictionary in i18n.tsx). Keys start with 'public'. */
export const publicMessagesId = {
  publicTitle: 'public',
};

export const publicMessagesEn: Record<keyof typeof publicMessagesId, string> = {
  publicTitle: 'public',
};
