/// <reference types="node" />
import { validateSop } from '@sop/model';
import { seedText } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsMessagesEn, reportsMessagesId } from './messages';
import { citizenStepIds, splitNotes } from './note-authors';

describe("the frequent problems' notes, by whose words they are", () => {
  const citizen = validateSop(readFileSync(join(__dirname, '../../../../libs/sop-model/src/__fixtures__/valid/citizen-confirms.yaml'), 'utf8'), {
    file: 'contoh.yaml',
  }).sop!;

  it("does not list the complainant's answer note under the officers' notes (trial 2, /reports)", () => {
    const steps = citizenStepIds(citizen);
    expect(steps.size).toBeGreaterThan(0);
    const [citizenStep] = [...steps];
    const officerStep = citizen.steps.find((s) => s.kind === 'task' && !steps.has(s.id))!.id;
    const notes = [
      { ticket: 'CON-1', step: { id: officerStep }, text: 'Data KK sudah diperbarui' },
      { ticket: 'CON-1', step: { id: citizenStep }, text: 'Nama ibu di KK masih salah' },
    ];
    const split = splitNotes(notes, steps);
    expect(split.officers.map((n) => n.text)).toEqual(['Data KK sudah diperbarui']);
    expect(split.complainants.map((n) => n.text)).toEqual(['Nama ibu di KK masih salah']);
  });

  it('finds no citizen steps in an SOP without a citizen lane that works any', () => {
    const metro = validateSop(seedText('metro'), { file: 'metro.yaml' }).sop!;
    const steps = citizenStepIds(metro);
    for (const id of steps) expect(metro.steps.find((s) => s.id === id)?.kind).not.toBe('task');
  });

  it('names them in both languages', () => {
    expect(reportsMessagesId.reportsProblemCitizenNotes).toBe('Tanggapan pelapor');
    expect(reportsMessagesEn.reportsProblemCitizenNotes).toBe('The complainants’ own words');
  });
});
