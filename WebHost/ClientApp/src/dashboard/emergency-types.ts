// The emergency API's and the emergency feed's shapes (see docs/live-protocol.md).

export type StatusCounts = Record<'unknown' | 'notified' | 'acknowledged' | 'enRoute' | 'atPost' | 'unavailable' | 'needHelp', number> & {
  total: number;
  accounted: number;
};

export interface RollCallTotals {
  emergencyId: string;
  mode: 'actual' | 'exercise' | 'test';
  level: string;
  phase: 'running' | 'ended' | 'cancelled';
  counts: StatusCounts;
  accountedPercent: number;
  asOf: string;
}

export interface GridRollCall {
  gridId: string;
  counts: StatusCounts;
  total: number;
  accounted: number;
  accountedPercent: number;
}

export interface EmergencyEntry {
  id: string;
  name: string;
  mode: string;
  level: string;
  phase: string;
  homeCenterId: string;
  launchedAt: string;
}

export interface ScenarioEntry {
  id: string;
  name: string;
  level: string;
}

export interface PersonLine {
  volunteerId: string;
  name: string | null;
  gridId: string;
  status: string;
  postId: string | null;
}

export interface EmergencyView {
  definition: { id: string; launch: { name: string; mode: string } };
  phase: 'running' | 'ended' | 'cancelled';
  level: string;
  closedAt: string | null;
  total: number;
  accounted: number;
}

/** One post: its quota and how it is being filled (emergency scope, `post:{postId}`). */
export interface PostRollCall {
  postId: string;
  name: string;
  quota: number;
  asked: number;
  pending: number;
  accepted: number;
  declined: number;
  expired: number;
  atPost: number;
  reserveLeft: number;
  filled: boolean;
}

/** How many were still unaccounted when an escalation went out, grid by grid (`escalation:` items). */
export interface EscalationItem {
  emergencyId: string;
  unaccounted: number;
  byGrid: Record<string, number>;
  at: string;
}

export interface SeriesPoint {
  at: string;
  secondsSinceLaunch: number;
  counts: StatusCounts;
}

export interface TimelineEvent {
  at: string;
  kind: string;
  detail: string;
}

export interface ReportExcerpt {
  series: SeriesPoint[];
  timeline: TimelineEvent[];
}
