import type { EditResult, SopCommand } from '@sop/editor';

/** Runs an editor command on the document being edited; undefined when nothing is open. */
export type RunCommand = (command: SopCommand) => EditResult | undefined;
