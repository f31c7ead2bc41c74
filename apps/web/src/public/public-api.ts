import type { CitizenEventRequest, CitizenEventResponse, FileComplaintRequest, FiledComplaint, PublicComplaint } from '@sop/api-contract';
import { requestJson } from '../api';

/** What the citizen's pages read and send: the contract the API builds them to (@sop/api-contract). */
export type {
  CitizenAnswer,
  CitizenEventRequest,
  CitizenEventResponse,
  CitizenStep,
  FileComplaintRequest,
  FiledComplaint,
  PublicComplaint,
  PublicStage,
  PublicTimelineEntry,
  StepRef as PublicStepRef,
} from '@sop/api-contract';

export const fileComplaint = (body: FileComplaintRequest) => requestJson<FiledComplaint>('/api/public/complaints', { method: 'POST', body });

export const fetchPublicComplaint = (ticket: string, signal?: AbortSignal) =>
  requestJson<PublicComplaint>(`/api/public/complaints/${encodeURIComponent(ticket)}`, { signal });

/** The complainant answers the citizen step the complaint waits at, with their access code. */
export const answerCitizenStep = (ticket: string, accessCode: string, body: CitizenEventRequest, idempotencyKey: string) =>
  requestJson<CitizenEventResponse>(`/api/public/complaints/${encodeURIComponent(ticket)}/events`, {
    method: 'POST',
    body,
    headers: { 'x-access-code': accessCode, 'idempotency-key': idempotencyKey },
  });
