// The caseload's extension point: where actions waiting for a person come from, beyond what a portfolio's summary
// says itself (units ready for sign-off, countersigning due). Centre quality assurance plugs in here — an IQA's
// action for the assessor (role 'assessor'), a sample due for the IQA (role 'iqa') — with one line in the list
// below and a module of its own, as record types are added to the registry.
import type { CaseloadAction, CaseloadRole } from '../domain';
import { QA_CASELOAD_SOURCES } from './qaCaseloadSources';

export interface CaseloadQuery {
  /** The acting person. */
  personId: string;
  /** The role the caseload section is for: a source returns [] for roles it has nothing for. */
  role: CaseloadRole;
  /** The portfolios of that section (the person's candidates as assessor, as IQA, or their own). */
  portfolioIds: readonly string[];
  /** Today (ISO date), for what is due. */
  today: string;
}

export interface CaseloadActionSource {
  /** Its name, in words (for problems and the docs). */
  name: string;
  /** Every table `load` reads (it runs just after the caseload's own read transaction, in the same live query). */
  tables: readonly string[];
  /**
   * The actions waiting for the person in this role, on these portfolios. Read-only: it runs inside the home
   * screen's live query, so a change to what it reads updates the screen. Each action's `portfolioId` places it on
   * that candidate's card; its `due` date makes the card overdue once past.
   */
  load(query: CaseloadQuery): Promise<CaseloadAction[]>;
}

/** Every action source, in the order their actions are listed. */
export const CASELOAD_ACTION_SOURCES: readonly CaseloadActionSource[] = [...QA_CASELOAD_SOURCES];
