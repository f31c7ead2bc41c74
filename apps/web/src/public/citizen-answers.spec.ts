import { answerButton } from './CitizenAnswerPanel';
import { publicMessagesEn, publicMessagesId } from './messages';

describe("the complainant's answers at a citizen step", () => {
  it('presses towards no answer, and asks to confirm the one that ends the complaint', () => {
    // trial 2, Makassar: "Tidak dilengkapi (diarsipkan) · mengakhiri pengaduan" was the filled button
    const archive = answerButton({ finishes: true });
    expect(archive.className.split(' ')).not.toContain('button-primary');
    expect(archive.confirm).toBe(true);
    // "Dilengkapi" keeps the complaint going: sent at once, and no more prominent than the other
    const complete = answerButton({ finishes: false });
    expect(complete.className.split(' ')).not.toContain('button-primary');
    expect(complete.confirm).toBe(false);
  });

  it('words the confirmation in both languages, naming the answer', () => {
    expect(publicMessagesId.publicAskConfirm).toContain('{answer}');
    expect(publicMessagesEn.publicAskConfirm).toContain('{answer}');
    expect(publicMessagesId.publicAskConfirmYes).toBe('Ya, kirim dan akhiri pengaduan');
  });
});
