import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../common/field-cipher';
import type { PublishedSop } from '../sops/sop-catalog.service';
import { NotificationPlanner, recipientField } from './notification-planner';

const published = {
  sop: { identity: { office: 'Disdukcapil', regency: 'Kabupaten Contoh' }, templates: [{ id: 'salam', name: 'Salam', text: 'Salam dari kantor kami.' }] },
  form: {
    fields: [
      { id: 'nama', label: 'Nama', type: 'text', confidential: true },
      { id: 'email', label: 'Email', type: 'email', confidential: true },
      { id: 'nik', label: 'NIK', type: 'nik', confidential: true },
    ],
  },
} as unknown as PublishedSop;
const flow = { steps: { terima: { template: 'salam' }, jawab: { template: null } } } as never;

describe('NotificationPlanner', () => {
  const cipher = new FieldCipher(randomBytes(32));
  const planner = new NotificationPlanner(cipher, { publicUrl: 'https://p.example.go.id', phoneChannel: 'whatsapp' });
  const values = { nama: 'Dewi Lestari', email: 'dewi@example.id', nik: '3508015507900002' };

  it('seals the address: the outbox never holds it in plain text', () => {
    const [m] = planner.plan({ moment: 'filed', published, flow, kind: 'complaint', ticket: 'CON-7K4Q9P', values, steps: ['terima'], reply: null });
    expect(m.recipient).toMatch(/^enc:v1:/);
    expect(m.recipient).not.toContain('dewi');
    expect(cipher.open(recipientField('email'), m.recipient)).toBe('dewi@example.id');
    expect(m.body.startsWith('Salam dari kantor kami.')).toBe(true);
    expect(m.body).toContain('https://p.example.go.id/tiket/CON-7K4Q9P');
  });

  it("strikes the complainant's identity and any NIK out of a reply", () => {
    const [m] = planner.plan({
      moment: 'reply',
      published,
      flow,
      kind: 'complaint',
      ticket: 'CON-7K4Q9P',
      values,
      steps: ['jawab'],
      reply: 'Ibu Dewi Lestari, NIK 3508015507900002 sudah kami perbaiki.',
    });
    expect(m.body).not.toContain('3508015507900002');
    expect(m.body).not.toContain('Dewi Lestari');
    expect(m.body).toContain('sudah kami perbaiki');
  });

  it('queues nothing without a contact, without a moment, or for a periodic run', () => {
    expect(planner.plan({ moment: 'filed', published, flow, kind: 'complaint', ticket: 'T', values: { nama: 'Dewi' }, steps: [], reply: null })).toEqual([]);
    expect(planner.plan({ moment: null, published, flow, kind: 'complaint', ticket: 'T', values, steps: [], reply: null })).toEqual([]);
    expect(planner.plan({ moment: 'filed', published, flow, kind: 'periodic', ticket: 'T', values, steps: [], reply: null })).toEqual([]);
  });
});
