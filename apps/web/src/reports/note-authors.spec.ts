import { reportsMessagesEn, reportsMessagesId } from './messages';
import { splitNotes } from './note-authors';

describe("the frequent problems' notes, by whose words they are", () => {
  it("does not list the complainant's answer note under the officers' notes (trial 2, /reports)", () => {
    const notes = [
      { ticket: 'CON-1', text: 'Data KK sudah diperbarui', byComplainant: false },
      { ticket: 'CON-1', text: 'Nama ibu di KK masih salah', byComplainant: true },
      { ticket: 'CON-2', text: 'Diteruskan ke Kasi', byComplainant: false },
    ];
    const split = splitNotes(notes);
    expect(split.officers.map((n) => n.text)).toEqual(['Data KK sudah diperbarui', 'Diteruskan ke Kasi']);
    expect(split.complainants.map((n) => n.text)).toEqual(['Nama ibu di KK masih salah']);
  });

  it('names them in both languages', () => {
    expect(reportsMessagesId.reportsProblemCitizenNotes).toBe('Tanggapan pelapor');
    expect(reportsMessagesEn.reportsProblemCitizenNotes).toBe('The complainants’ own words');
  });
});
