import { compileSop, type SopEvent } from '@sop/compiler';
import { getSimplePaths } from '@xstate/graph';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { loadSeed, seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

const SOP_IDS = seedIds();

/** Every path from the start to a final state of an SOP's per-complaint flow, as events. */
function pathsOf(id: string): { events: SopEvent[]; end: string; steps: string[] }[] {
  const compiled = compileSop(loadSeed(id), { id });
  const outcomes = new Set(Object.values(compiled.steps).flatMap((s) => s.events.filter((e) => e.outcome).map((e) => e.outcome!)));
  const events: SopEvent[] = [
    { type: 'COMPLETE' },
    { type: 'ESCALATE' },
    { type: 'REJECT' },
    ...[...outcomes].map((outcome) => ({ type: 'CHOOSE' as const, outcome })),
  ];
  return getSimplePaths(compiled.machine, { events })
    .filter((p) => p.state.status === 'done')
    .map((p) => {
      const steps = p.steps.filter((s) => !s.event.type.startsWith('xstate.'));
      return { events: steps.map((s) => s.event as SopEvent), end: String(p.state.value), steps: steps.map((s) => String(s.state.value)) };
    });
}

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe.each(SOP_IDS)('every path of %s over HTTP', (sopId) => {
  const paths = pathsOf(sopId);

  it('has paths to every end step', () => {
    expect(paths.length).toBeGreaterThan(0);
  });

  it.each(paths.map((p) => [p.events.map((e) => (e.type === 'CHOOSE' ? e.outcome : e.type)).join(' → '), p] as const))('%s', async (_name, path) => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: sopId, data: SAMPLE_COMPLAINTS[sopId] } });
    expect(filed.status).toBe(201);
    const ticket = filed.body.ticket as string;
    const lookup = await client.request('GET', `/api/public/complaints/${ticket}`);
    expect(lookup.status).toBe(200);
    // the first event of the path (COMPLETE of the start step) is the filing itself
    const [, ...operatorEvents] = path.events;
    let caseId: string | null = null;
    for (const event of operatorEvents) {
      // find the case in the inbox of the lane it waits in
      const current = caseId ? await client.request('GET', `/api/cases/${caseId}`, { as: `${sopId}.penyusun` }) : null;
      const lane = current ? current.body.step.lane : null;
      const user = `${sopId}.${lane ?? (await laneOfTicket(sopId, ticket))}`;
      if (!caseId) caseId = await caseIdOfTicket(user, ticket);
      const detail = await client.request('GET', `/api/cases/${caseId}`, { as: user });
      expect(detail.status).toBe(200);
      expect(detail.body.canAct).toBe(true);
      const offered = detail.body.allowedEvents as { type: string; outcome?: string; escalates: boolean; rejects: boolean }[];
      // a decision offers its outcomes; ESCALATE and REJECT there stand for its escalation / rejection outcome
      const accepted = offered.some((e) =>
        event.type === 'CHOOSE'
          ? e.type === 'CHOOSE' && e.outcome === event.outcome
          : e.type === event.type || (event.type === 'ESCALATE' && e.escalates) || (event.type === 'REJECT' && e.rejects),
      );
      expect({ step: detail.body.step.id, event, accepted }).toEqual({ step: detail.body.step.id, event, accepted: true });
      const sent = await client.request('POST', `/api/cases/${caseId}/events`, {
        as: user,
        body: { ...event, version: detail.body.version, note: `langkah ${detail.body.step.id}` },
        headers: { 'Idempotency-Key': `${caseId}-${detail.body.version}` },
      });
      expect(sent.status).toBe(200);
    }
    const final = await client.request('GET', `/api/cases/${caseId}`, { as: `${sopId}.penyusun` });
    expect(final.body.status).toBe('done');
    expect(final.body.endStep.id).toBe(path.end);
    const kartu = final.body.kartuKendali;
    expect(kartu.map((k: { to: { step: { id: string } } }) => k.to.step.id)).toEqual(path.steps.slice(0));
    // filed by the complainant (on the web form, or a channel of the SOP): an id, worded at display
    expect(kartu[0]).toMatchObject({ seq: 1, event: 'START', officer: expect.stringMatching(/^citizen(:|$)/) });
    for (const [i, k] of kartu.slice(1).entries()) {
      expect(k.from.step.id).toBe(path.steps[i]);
      expect(k.note).toBe(`langkah ${path.steps[i]}`);
      // the operator of the lane the case waited in signed the hand-over (demo accounts are named after their lane)
      expect(k.officer).toBe(`${k.from.laneName} (${final.body.sop.regency})`);
    }
    const publicView = await client.request('GET', `/api/public/complaints/${ticket}`);
    expect(publicView.body.status).toBe('done');
    expect(publicView.body.timeline).toHaveLength(path.steps.length);
    // nothing the citizen wrote (the category aside, which is a word of the SOP) is on the public page
    const personal = Object.entries(SAMPLE_COMPLAINTS[sopId])
      .filter(([k]) => !['jenis-pelayanan', 'sasaran-pengaduan'].includes(k))
      .map(([, v]) => v);
    expect(personal.length).toBeGreaterThan(1);
    expect(JSON.stringify(publicView.body)).not.toMatch(new RegExp(personal.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '^$'));
  });
});

/** The lane of the step after the start: where a new complaint waits. */
async function laneOfTicket(sopId: string, ticket: string): Promise<string> {
  const sop = await client.request('GET', `/api/sops/${sopId}`);
  const steps = sop.body.sop.steps as { id: string; kind: string; lane: string; next?: string }[];
  const start = steps.find((s) => s.kind === 'start')!;
  return steps.find((s) => s.id === start.next)!.lane;
}

async function caseIdOfTicket(user: string, ticket: string): Promise<string> {
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: user });
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
  if (!item) throw new Error(`${ticket} is not in the inbox of ${user}`);
  return item.id;
}
