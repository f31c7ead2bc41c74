/** The compare pages' words (merged into the UI dictionary in i18n.tsx). Keys start with 'compare'. */
export const compareMessagesId = {
  compareTitle: 'compare',
};

export const compareMessagesEn: Record<keyof typeof compareMessagesId, string> = {
  compareTitle: 'compare',
};
