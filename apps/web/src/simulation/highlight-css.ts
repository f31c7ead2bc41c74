import type { SwimlaneLayout } from '@sop/swimlane-layout';

const quote = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The layout's edges a list of moves went along (the outcome decides between parallel edges). */
export function edgesTaken(layout: SwimlaneLayout, moves: { from: string; to: string; outcome: string | null }[]): string[] {
  const ids = new Set<string>();
  for (const move of moves) {
    const candidates = layout.edges.filter((e) => e.from === move.from && e.to === move.to);
    const exact = candidates.find((e) => move.outcome !== null && e.outcome === move.outcome);
    for (const e of exact ? [exact] : candidates) ids.add(e.id);
  }
  return [...ids];
}

/**
 * Stylesheet rules that mark the active step, the steps visited and the edges taken on the shared
 * React Flow diagram (its nodes and edges carry `data-id`), so the diagram components stay as they
 * are. Each marked node also gets `--sim-state` (`active` or `visited`), which tests can read.
 */
export function highlightCss(scope: string, active: string | null, visited: string[], edges: string[], done: boolean): string {
  const node = (id: string) => `${scope} .react-flow__node[data-id=${quote(id)}] .step`;
  const rules: string[] = [];
  const passed = visited.filter((id) => id !== active);
  if (passed.length) {
    rules.push(`${passed.map(node).join(',\n')} { --sim-state: visited; filter: drop-shadow(0 0 3px #38a169) drop-shadow(0 0 1px #2f855a); }`);
  }
  if (active) {
    const tone = done ? '#2f855a' : '#d97706';
    rules.push(`${node(active)} { --sim-state: active; filter: drop-shadow(0 0 6px ${tone}) drop-shadow(0 0 2px ${tone}); font-weight: 700; }`);
    rules.push(`${node(active)}:not(.step-decision) { background: ${done ? '#c6f6d5' : '#fef3c7'}; border-color: ${tone}; border-width: 3px; }`);
    rules.push(`${node(active)} .step-diamond polygon { fill: ${done ? '#c6f6d5' : '#fef3c7'}; stroke: ${tone}; stroke-width: 3px; }`);
  }
  if (edges.length) {
    rules.push(
      `${edges.map((id) => `${scope} .react-flow__edge[data-id=${quote(id)}] path.react-flow__edge-path`).join(',\n')} { stroke: #2f855a !important; stroke-width: 3.5px !important; }`,
    );
  }
  return rules.join('\n');
}
