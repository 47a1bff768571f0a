import type { ProgramDeadlineBase, ProgramKind } from '@kunna/contracts';
import type { ModuleContent } from '../module-content';

/** A module of the starter library. `key` identifies it in a network, so loading again adds only what is missing. */
export interface StarterModule {
  key: string;
  content: ModuleContent;
}

export interface StarterProgram {
  key: string;
  title: string;
  summary: string;
  kind: ProgramKind;
  completeWithinDays: number | null;
  deadlineBase: ProgramDeadlineBase;
  steps: Array<{ module: string; daysAfterPrevious: number; note?: string }>;
  /** Ambassador training: the modules it qualifies ambassadors to deliver. */
  qualifies: string[];
}
