import type { Node, NodeProps } from '@xyflow/react';
import type { SwimlaneLayout } from '@sop/swimlane-layout';
import type { diagramHeaders } from './diagram-headers';

export type SheetNodeData = { layout: SwimlaneLayout; headers: ReturnType<typeof diagramHeaders> };
export type SheetNodeType = Node<SheetNodeData, 'sheet'>;

/**
 * The SOP-AP table behind the symbols: the header band (Pelaksana and Mutu Baku groups, one column
 * per lane), and per row the number, the activity and the Mutu Baku cells.
 */
export function SheetNode({ data }: NodeProps<SheetNodeType>) {
  const { layout, headers } = data;
  const g = layout.groupHeaderHeight;
  const span = (group: 'pelaksana' | 'mutu-baku') => {
    const cols = layout.columns.filter((c) => c.group === group);
    return cols.length ? { x: cols[0].x, width: cols[cols.length - 1].x + cols[cols.length - 1].width - cols[0].x } : null;
  };
  const pelaksana = span('pelaksana');
  const mutu = span('mutu-baku');
  return (
    <div className="sheet" style={{ width: layout.width, height: layout.height }}>
      {pelaksana && (
        <div className="sheet-cell sheet-group" style={{ left: pelaksana.x, top: 0, width: pelaksana.width, height: g }}>
          {headers.pelaksana}
        </div>
      )}
      {mutu && (
        <div className="sheet-cell sheet-group sheet-mutu" data-testid="mutu-baku-header" style={{ left: mutu.x, top: 0, width: mutu.width, height: g }}>
          {headers.mutuBaku}
        </div>
      )}
      {layout.columns.map((c) => {
        const top = c.group ? g : 0;
        const lane = c.kind === 'lane' ? layout.lanes.find((l) => `lane:${l.id}` === c.id) : undefined;
        const text = lane ? lane.name : c.kind === 'number' ? headers.no : c.kind === 'activity' ? headers.kegiatan : headers[c.kind as 'kelengkapan' | 'waktu' | 'output'];
        return (
          <div
            key={c.id}
            className={`sheet-cell sheet-header${c.group === 'mutu-baku' ? ' sheet-mutu' : ''}`}
            data-testid={lane ? 'lane-header' : `column-header-${c.kind}`}
            data-lane-id={lane?.id}
            title={text}
            style={{ left: c.x, top, width: c.width, height: layout.headerHeight - top }}
          >
            {text}
          </div>
        );
      })}
      {layout.rows.map((row) =>
        layout.columns.map((c) => {
          let content: React.ReactNode = null;
          let className = 'sheet-cell sheet-body';
          if (c.kind === 'number') {
            content = row.number;
            className += ' sheet-center sheet-number';
          } else if (c.kind === 'activity') content = row.activity;
          else if (c.kind === 'kelengkapan') content = row.kelengkapan.length > 1 ? <ul>{row.kelengkapan.map((k, i) => <li key={i}>{k}</li>)}</ul> : row.kelengkapan[0];
          else if (c.kind === 'waktu') {
            content = row.waktu;
            className += ' sheet-center';
          } else if (c.kind === 'output') content = row.output;
          else className += ' sheet-lane';
          if (c.group === 'mutu-baku') className += ' sheet-mutu';
          return (
            <div key={`${row.index}:${c.id}`} className={className} data-testid={c.group === 'mutu-baku' ? `mutu-${c.kind}` : undefined} style={{ left: c.x, top: row.y, width: c.width, height: row.height }}>
              {content}
            </div>
          );
        }),
      )}
    </div>
  );
}
