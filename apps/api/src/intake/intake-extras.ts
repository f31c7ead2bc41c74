import { checkNik, checkNikOrKk } from '@sop/citizen-data';
import type { FormField } from '@sop/model';
import { BadInputException } from '../common/errors';
import { normalNik } from './identity-index';

/** What an officer's registration carries beyond the form (docs/adr/0023). */
export interface IntakeExtrasInput {
  data: unknown;
  callerWords?: string;
  receivedAt?: string;
  nikOverride?: { field: string; reason: string };
}

export interface IntakeExtras {
  /** The form's fields to check the data against (an overridden NIK field is checked as text). */
  fields: FormField[];
  data: unknown;
  receivedAt: Date | null;
  callerWords: string | null;
  override: { field: string; rule: string; reason: string } | null;
}

/** A clock a few minutes ahead of the server's (the officer's computer) is not "later than now". */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Checks what only an officer's registration may carry: the caller's own words, when the complaint
 * was actually received (not later than now, not more than `maxDaysBack` days before), and the
 * override of a NIK that fails an offline rule (with a reason). The public form may send none of
 * them. Throws a 400 saying which field and why.
 */
export function checkIntakeExtras(input: IntakeExtrasInput, byOfficer: boolean, fields: FormField[], now: Date, maxDaysBack: number): IntakeExtras {
  const given = (['callerWords', 'receivedAt', 'nikOverride'] as const).filter((k) => input[k] !== undefined);
  if (!byOfficer && given.length) {
    throw new BadInputException('the public form cannot send this', [
      { field: given[0], message: `${given[0]} is recorded by an officer registering a complaint, not sent by the public form: leave it out` },
    ]);
  }
  const callerWords = input.callerWords?.trim() ? input.callerWords.replace(/\r\n?/g, '\n').trim() : null;
  let receivedAt: Date | null = null;
  if (input.receivedAt !== undefined) {
    const at = new Date(input.receivedAt);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(input.receivedAt) || Number.isNaN(at.getTime())) {
      throw new BadInputException('when was the complaint received?', [
        {
          field: 'receivedAt',
          message: `receivedAt must be a date and time with its offset, e.g. 2026-12-04T09:30:00+07:00; "${input.receivedAt}" is not one`,
        },
      ]);
    }
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new BadInputException('the complaint cannot be received later than now', [
        {
          field: 'receivedAt',
          message: `receivedAt (${at.toISOString()}) is later than now (${now.toISOString()}): write when the complaint actually came in`,
        },
      ]);
    }
    const limit = new Date(now.getTime() - maxDaysBack * 86_400_000);
    if (at < limit) {
      throw new BadInputException('the complaint was received too long ago', [
        {
          field: 'receivedAt',
          message: `receivedAt may go back at most ${maxDaysBack} days (to ${limit.toISOString()}); a complaint received earlier is registered with the date it is registered, and the delay written in the caller's words`,
        },
      ]);
    }
    receivedAt = at.getTime() > now.getTime() ? now : at;
  }
  let override: IntakeExtras['override'] = null;
  let data = input.data;
  let checkedFields = fields;
  if (input.nikOverride !== undefined) {
    const { field: id, reason } = input.nikOverride;
    const field = fields.find((f) => f.id === id);
    if (!field || (field.type !== 'nik' && field.type !== 'nik-or-kk')) {
      throw new BadInputException('which NIK is accepted?', [
        {
          field: 'nikOverride.field',
          message: `"${id}" is not a NIK field of this form; its NIK fields are: ${
            fields
              .filter((f) => f.type === 'nik' || f.type === 'nik-or-kk')
              .map((f) => f.id)
              .join(', ') || 'none'
          }`,
        },
      ]);
    }
    const record = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
    const value = typeof record[id] === 'string' ? record[id] : '';
    const digits = normalNik(value);
    if (digits === null) {
      throw new BadInputException('only a 16-digit number can be accepted', [
        {
          field: `data.${id}`,
          message: 'an override accepts 16 digits that fail a date, province or serial rule; a number of another length is a typing error: check it',
        },
      ]);
    }
    const check = field.type === 'nik' ? checkNik(digits) : checkNikOrKk(digits);
    if (check.ok) {
      throw new BadInputException('this NIK needs no override', [{ field: 'nikOverride', message: 'the NIK passes every check: send it without nikOverride' }]);
    }
    if (reason.trim().length < 10) {
      throw new BadInputException('say why the NIK is accepted', [
        {
          field: 'nikOverride.reason',
          message: 'write why this NIK is accepted as it is (at least 10 characters), e.g. "sesuai KTP-el yang ditunjukkan pelapor"',
        },
      ]);
    }
    override = { field: id, rule: check.code, reason: reason.trim() };
    data = { ...record, [id]: digits };
    checkedFields = fields.map((f) => (f.id === id ? { ...f, type: 'text' } : f));
  }
  return { fields: checkedFields, data, receivedAt, callerWords, override };
}
