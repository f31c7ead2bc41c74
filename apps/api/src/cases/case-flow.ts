import type { CompiledFlow } from '@sop/compiler';
import type { PublishedSop } from '../sops/sop-catalog.service';
import type { Case } from './case';

/** The flow a case moves on: its periodic task's for a periodic run, else the SOP's complaint flow. */
export function flowOf(row: Pick<Case, 'kind' | 'periodicId'>, published: Pick<PublishedSop, 'compiled'>): CompiledFlow {
  return row.kind === 'periodic' ? published.compiled.periodic[row.periodicId!] : published.compiled;
}
