/** The console pages' words (merged into the UI dictionary in i18n.tsx). Keys start with 'console'. */
export const consoleMessagesId = {
  consoleTitle: 'console',
};

export const consoleMessagesEn: Record<keyof typeof consoleMessagesId, string> = {
  consoleTitle: 'console',
};
