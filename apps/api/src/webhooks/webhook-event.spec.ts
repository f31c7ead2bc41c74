import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature, webhookEventOf } from './webhook-event';

describe('webhook events', () => {
  const at = (step: string, lane: string, status: 'open' | 'done' = 'open') => ({ step, lane, status });

  it('names each case write once: filed, closed, overdue, handed over, or none', () => {
    expect(webhookEventOf(null, at('verifikasi', 'petugas'), { event: 'START' })).toBe('filed');
    expect(webhookEventOf(at('verifikasi', 'petugas'), at('selesai', 'pemohon', 'done'), { event: 'CHOOSE' })).toBe('closed');
    // a passed limit is "overdue" whether the SOP flags it in place or escalates it
    expect(webhookEventOf(at('kasi', 'kasi'), at('kasi', 'kasi'), { event: 'EXPIRE' })).toBe('overdue');
    expect(webhookEventOf(at('kasi', 'kasi'), at('kabid', 'kabid'), { event: 'EXPIRE' })).toBe('overdue');
    expect(webhookEventOf(at('kasi', 'kasi'), at('kabid', 'kabid'), { event: 'ESCALATE' })).toBe('handed_over');
    // the citizen's silence and a scheduled date coming are not the office being late
    expect(webhookEventOf(at('konfirmasi', 'pemohon'), at('arsip', 'petugas'), { event: 'EXPIRE' }, { citizenStep: true })).toBe('handed_over');
    expect(webhookEventOf(at('jadwal', 'kasi'), at('jadwal', 'kasi'), { event: 'EXPIRE' }, { waited: true })).toBeNull();
    expect(webhookEventOf(at('periksa', 'kasi'), at('periksa', 'kasi'), { event: 'CONSULT' })).toBeNull();
  });

  it('signs timestamp.body with HMAC-SHA256 and verifies it as a receiver would', () => {
    const body = '{"event":"case.filed"}';
    const header = signatureHeader('whsec_test', 1_780_000_000, body);
    expect(header).toBe(`t=1780000000,v1=${createHmac('sha256', 'whsec_test').update(`1780000000.${body}`).digest('hex')}`);
    const now = new Date(1_780_000_000_000 + 60_000);
    expect(verifySignature('whsec_test', header, body, now)).toBe(true);
    expect(verifySignature('whsec_other', header, body, now)).toBe(false);
    expect(verifySignature('whsec_test', header, body.replace('filed', 'closed'), now)).toBe(false);
    expect(verifySignature('whsec_test', header, body, new Date(1_780_000_000_000 + 3_600_000))).toBe(false); // replayed an hour later
    expect(verifySignature('whsec_test', 'garbage', body, now)).toBe(false);
  });
});
