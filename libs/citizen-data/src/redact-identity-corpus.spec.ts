import { COMPLAINANT, KEPT, SPELLINGS, type Spelling } from './__fixtures__/identity-spellings';
import { REDACTED, redactIdentity } from './redact-identity';

/** Letters and digits only, NFKC, lower case, without what redaction put in: "0812–3456" → "08123456". */
const compact = (s: string) =>
  s
    .split(REDACTED)
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function redact(s: Pick<Spelling, 'text' | 'confidential' | 'writtenByComplainant'>): string {
  return redactIdentity(s.text, s.confidential ?? COMPLAINANT, { anyContact: s.writtenByComplainant === true });
}

describe('redactIdentity on the spellings people use', () => {
  it('has a corpus of at least 45 spellings', () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(45);
  });

  it.each(SPELLINGS.map((s) => [s.what, s] as const))('%s: the identity is gone and the words around it stay', (_what, spelling) => {
    const out = redact(spelling);
    expect(out).toContain(REDACTED);
    for (const piece of spelling.identity) {
      expect(out.toLowerCase()).not.toContain(piece.toLowerCase());
      if (compact(piece).length >= 4) expect(compact(out)).not.toContain(compact(piece));
    }
    for (const word of spelling.keep) expect(out).toContain(word);
  });

  it.each(KEPT.map((k) => [k.what, k] as const))('%s: kept as written', (_what, kept) => {
    expect(redact(kept)).toBe(kept.text);
  });

  it("keeps the office's contact details in a reply and strikes out the complainant's own, however spelled", () => {
    const reply =
      'Terima kasih Bpk. Budi Santoso. Kami sudah menelepon 0812–3456–7890; bila perlu hubungi kami di (0362) 21234 atau dukcapil@bulelengkab.go.id.';
    expect(redactIdentity(reply, COMPLAINANT)).toBe(
      `Terima kasih Bpk. ${REDACTED}. Kami sudah menelepon ${REDACTED}; bila perlu hubungi kami di (0362) 21234 atau dukcapil@bulelengkab.go.id.`,
    );
  });

  it('strikes out the span as written, with the zero-width characters inside it, and nothing around it', () => {
    expect(redactIdentity('a\u200B0812\u200B3456\u200B7890\u200Bb', COMPLAINANT)).toBe(`a\u200B${REDACTED}\u200Bb`);
    expect(redactIdentity('ｘ０８１２３４５６７８９０ｙ', COMPLAINANT)).toBe(`ｘ${REDACTED}ｙ`);
  });
});
