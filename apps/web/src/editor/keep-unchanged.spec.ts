import { keepUnchanged } from './keep-unchanged';

describe('keepUnchanged: the diagram keeps the objects of what did not change', () => {
  const node = (id: string, label: string, x = 0) => ({ id, position: { x, y: 0 }, data: { label, tags: [{ kind: 'sla' }] } });

  test('an unchanged node keeps its object, with what React Flow added to it; a changed one is the new object', () => {
    const measured = { ...node('a', 'A'), measured: { width: 10, height: 5 } };
    const b = node('b', 'B');
    const current = [measured, b];
    const nextB = node('b', 'B2');
    const kept = keepUnchanged(current, [node('a', 'A'), nextB]);
    expect(kept[0]).toBe(measured);
    expect(kept[1]).toBe(nextB);
  });

  test('nothing changed: the current list itself', () => {
    const current = [node('a', 'A'), node('b', 'B')];
    expect(keepUnchanged(current, [node('a', 'A'), node('b', 'B')])).toBe(current);
  });

  test('order, additions and removals follow the next list', () => {
    const a = node('a', 'A');
    const b = node('b', 'B');
    const kept = keepUnchanged([a, b], [node('b', 'B'), node('c', 'C')]);
    expect(kept.map((n) => n.id)).toEqual(['b', 'c']);
    expect(kept[0]).toBe(b);
    const swapped = keepUnchanged([a, b], [node('b', 'B'), node('a', 'A')]);
    expect(swapped).toEqual([b, a]);
    expect(swapped[0]).toBe(b);
    expect(keepUnchanged([a, b], [node('a', 'A')])).toEqual([a]);
  });

  test('a moved node is the new object', () => {
    const a = node('a', 'A');
    const moved = node('a', 'A', 40);
    expect(keepUnchanged([a], [moved])[0]).toBe(moved);
  });

  test('a changed node of the same size keeps the size React Flow measured (its arrows stay drawn); of another size, it is measured again', () => {
    const sized = (label: string, height: number) => ({ ...node('a', label), width: 120, height });
    const current = [{ ...sized('A', 40), measured: { width: 120, height: 40 } }];
    const [relabelled] = keepUnchanged(current, [sized('A2', 40)]);
    expect(relabelled.data.label).toBe('A2');
    expect(relabelled).toHaveProperty('measured', { width: 120, height: 40 });
    const [taller] = keepUnchanged(current, [sized('A2', 60)]);
    expect(taller).not.toHaveProperty('measured');
    // an edge (no size of its own) is the new object as it is
    const edge = { id: 'a->b', source: 'a', target: 'b', data: { label: 'x' } };
    const nextEdge = { ...edge, data: { label: 'y' } };
    expect(keepUnchanged([edge], [nextEdge])[0]).toBe(nextEdge);
  });
});
