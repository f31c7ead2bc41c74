import { editorMessagesEn, editorMessagesId } from './editor/messages';
import { compareMessagesEn, compareMessagesId } from './compare/messages';
import { consoleMessagesEn, consoleMessagesId } from './console/messages';
import { reportsMessagesEn, reportsMessagesId } from './reports/messages';
import { nationalMessagesEn, nationalMessagesId } from './reports/national-messages';
import { simulationMessagesEn, simulationMessagesId } from './simulation/messages';
import { holidaysMessagesEn, holidaysMessagesId } from './holidays/messages';
import { adminMessagesEn, adminMessagesId } from './admin/messages';
import { webhookMessagesEn, webhookMessagesId } from './admin/webhook-messages';
import { diagramMessagesEn, diagramMessagesId } from './diagram/messages';
import { liveMessagesEn, liveMessagesId } from './console/live-messages';
import { intakeMessagesEn, intakeMessagesId } from './console/intake-messages';
import { replyTemplateMessagesEn, replyTemplateMessagesId } from './console/reply-template-messages';
import { approvalMessagesEn, approvalMessagesId } from './approval/messages';
import { sopMessagesEn, sopMessagesId } from './sop-messages';

/**
 * The words of the pages besides the shell, the SOP list and the citizen's (i18n.tsx holds those):
 * the SOP page, print view and simulation, the editor, the console, compare, reports and the
 * administrators' pages, in both languages. One group, loaded on demand (`loadMessages('staff')`)
 * together with the code of the pages that need it (lazyPage in App.tsx): its own chunk, which the
 * citizen's form and ticket page never download (build/citizen-bundle.spec.ts).
 */
const id = {
  ...editorMessagesId,
  ...consoleMessagesId,
  ...compareMessagesId,
  ...reportsMessagesId,
  ...nationalMessagesId,
  ...simulationMessagesId,
  ...holidaysMessagesId,
  ...adminMessagesId,
  ...webhookMessagesId,
  ...diagramMessagesId,
  ...liveMessagesId,
  ...intakeMessagesId,
  ...replyTemplateMessagesId,
  ...approvalMessagesId,
  ...sopMessagesId,
};

export type StaffMessageKey = keyof typeof id;

const en: Record<StaffMessageKey, string> = {
  ...editorMessagesEn,
  ...consoleMessagesEn,
  ...compareMessagesEn,
  ...reportsMessagesEn,
  ...nationalMessagesEn,
  ...simulationMessagesEn,
  ...holidaysMessagesEn,
  ...adminMessagesEn,
  ...webhookMessagesEn,
  ...diagramMessagesEn,
  ...liveMessagesEn,
  ...intakeMessagesEn,
  ...replyTemplateMessagesEn,
  ...approvalMessagesEn,
  ...sopMessagesEn,
};

export interface StaffMessages {
  id: Record<StaffMessageKey, string>;
  en: Record<StaffMessageKey, string>;
}

export const staffMessages: StaffMessages = { id, en };
