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
}
