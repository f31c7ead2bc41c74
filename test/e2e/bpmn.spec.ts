import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';
import { loadSeed, seedIds } from '../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Each SOP's BPMN export (GET /api/sops/{id}/bpmn) opened in bpmn-js, the viewer of bpmn.io and
 * Camunda Modeler, in Chromium: it imports without a warning and draws our lanes and steps.
 */
const SEEDS = seedIds();
const sopOf = loadSeed;
const BPMN_JS = join(ROOT, 'node_modules/bpmn-js/dist');
const STYLES = ['diagram-js.css', 'bpmn-js.css'].map((f) => readFileSync(join(BPMN_JS, 'assets', f), 'utf8')).join('\n');

const session = browserSession({ viewport: { width: 1400, height: 1900 } });

interface Rendered {
  warnings: string[];
  lanes: string[];
  tasks: string[];
  events: number;
  gateways: number;
  drawnSteps: number;
}

async function openInBpmnJs(xml: string): Promise<Rendered> {
  const page = session.page;
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLES}
    html, body { margin: 0; height: 100%; background: #fff } #canvas { width: 100%; height: 100% }</style></head>
    <body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ path: join(BPMN_JS, 'bpmn-viewer.production.min.js') });
  return page.evaluate(async (text) => {
    interface Shape {
      type: string;
      businessObject: { name?: string; $attrs: Record<string, string> };
    }
    interface Viewer {
      importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
      get(name: 'canvas'): { zoom(level: string): void };
      get(name: 'elementRegistry'): { filter(fn: (e: Shape) => boolean): Shape[] };
    }
    const Ctor = (window as unknown as { BpmnJS: new (options: { container: string }) => Viewer }).BpmnJS;
    const viewer = new Ctor({ container: '#canvas' });
    const { warnings } = await viewer.importXML(text);
    viewer.get('canvas').zoom('fit-viewport');
    const registry = viewer.get('elementRegistry');
    const of = (type: string) => registry.filter((e) => e.type === type);
    return {
      warnings: warnings.map((w) => w.message),
      lanes: of('bpmn:Lane').map((l) => l.businessObject.$attrs['sop:id']),
      tasks: of('bpmn:UserTask').map((t) => t.businessObject.$attrs['sop:id']),
      events: of('bpmn:StartEvent').length + of('bpmn:EndEvent').length,
      gateways: of('bpmn:ExclusiveGateway').length,
      // the symbols drawn (an event's name is an element of its own, "<id>_label")
      drawnSteps: [...document.querySelectorAll('.djs-element[data-element-id^="Step_"]')].filter(
        (e) => !e.getAttribute('data-element-id')?.endsWith('_label') && e.querySelector('.djs-visual > *'),
      ).length,
    };
  }, xml);
}

describe.each(SEEDS)('the BPMN export of %s in bpmn-js', (id) => {
  it('imports without a warning and draws every lane and step of the SOP', async () => {
    const sop = sopOf(id);
    const res = await fetch(`${session.api.url}/api/sops/${id}/bpmn`);
    expect(res.status).toBe(200);
    const rendered = await openInBpmnJs(await res.text());
    expect(rendered.warnings).toEqual([]);
    expect(rendered.lanes).toEqual(sop.lanes.map((l) => l.id));
    expect(rendered.tasks).toEqual(sop.steps.filter((s) => s.kind === 'task' || s.kind === 'decision').map((s) => s.id));
    expect(rendered.events).toBe(sop.steps.filter((s) => s.kind === 'start' || s.kind === 'end').length);
    expect(rendered.gateways).toBe(sop.steps.filter((s) => s.kind === 'decision').length);
    expect(rendered.drawnSteps).toBe(sop.steps.length);
    await session.page.screenshot({ path: join(SCREENSHOTS, `bpmn-${id}.png`) });
  });
});
