import { memo, useMemo } from 'react';
import { useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { ConstructWords, SwimlaneLayout } from '@sop/swimlane-layout';
import type { diagramHeaders } from './diagram-headers';
import { groupSpan, rowBandKey, rowBandOf, sheetBodyHtml, sheetCoordinationHtml, sheetGridSvg } from './sheet-markup';
import './diagram.css';

export type SheetNodeData = {
  layout: SwimlaneLayout;
  headers: ReturnType<typeof diagramHeaders>;
  /** a read-only diagram's symbols and arrows as markup (sheetSymbolsHtml) */
  symbols?: string;
  /** the words of the coordination boxes, and each box's tooltip by its id */
  words?: ConstructWords;
  coordinationTitles?: ReadonlyMap<string, string>;
  /** Only the rows in view (and a band around them) have their text in the page: the editor at scale (ADR 0034). */
  onlyRowsInView?: boolean;
};

/** The band of rows in view, as a key (the same string while the view stays within one band). */
const bandInView = (s: ReactFlowState) => rowBandKey(s.transform, s.height);
const NO_BAND = () => '';
export type SheetNodeType = Node<SheetNodeData, 'sheet'>;

/**
 * The SOP-AP table behind the symbols: the header band (Pelaksana and Mutu Baku groups, one column
 * per lane), and per row the number, the activity and the Mutu Baku cells. The body (rules, fills
 * and text) is set as markup at once: thousands of cells made one by one slowed a long SOP down.
 */
export const SheetNode = memo(function SheetNode({ data }: NodeProps<SheetNodeType>) {
  const { layout, headers } = data;
  const g = layout.groupHeaderHeight;
  const pelaksana = groupSpan(layout, 'pelaksana');
  const mutu = groupSpan(layout, 'mutu-baku');
  const bandKey = useStore(data.onlyRowsInView ? bandInView : NO_BAND);
  const body = useMemo(
    () => ({
      __html:
        sheetGridSvg(layout) +
        sheetBodyHtml(layout, bandKey ? rowBandOf(bandKey) : undefined) +
        sheetCoordinationHtml(layout, data.words, data.coordinationTitles) +
        (data.symbols ?? ''),
    }),
    [layout, bandKey, data.symbols, data.words, data.coordinationTitles],
  );
  return (
    <div className="sheet" style={{ width: layout.width, height: layout.height }}>
      <div className="sheet-body-markup" dangerouslySetInnerHTML={body} />
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
        const text = lane
          ? lane.name
          : c.kind === 'number'
            ? headers.no
            : c.kind === 'activity'
              ? headers.kegiatan
              : headers[c.kind as 'kelengkapan' | 'waktu' | 'output' | 'keterangan'];
        return (
          <div
            key={c.id}
            className={`sheet-cell sheet-header${c.group === 'mutu-baku' ? ' sheet-mutu' : ''}`}
            data-testid={lane ? 'lane-header' : `column-header-${c.kind}`}
            data-lane-id={lane?.id}
            data-asked-only={lane?.askedOnly ? 'true' : undefined}
            title={lane?.units.length ? `${text}\n${lane.units.join('\n')}` : text}
            style={{ left: c.x, top, width: c.width, height: layout.headerHeight - top }}
          >
            {lane?.units.length ? (
              <span className="lane-header-stack">
                <span>{text}</span>
                <small className="lane-units" data-testid="lane-units">
                  {lane.units.join(' · ')}
                </small>
              </span>
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );
});
