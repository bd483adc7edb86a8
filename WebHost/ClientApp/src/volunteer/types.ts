// What the volunteer page reads: its own alerts (live) and GET /api/v1/volunteers/{id}/mobilization.

export interface VolunteerAlert {
  emergencyId: string;
  kind: 'alert' | 'update' | 'reminder' | 'postAsk' | 'escalation' | 'cancel' | 'end';
  mode: 'actual' | 'exercise' | 'test';
  level: string;
  headline: string;
  text: string;
  token: string | null;
  postId: string | null;
  sentAt: string;
}

export interface MobilizationLine {
  emergencyId: string;
  name: string;
  phase: 'running' | 'ended' | 'cancelled';
  status: string | null;
  answeredAt: string | null;
  answeredOnBehalf: boolean;
  postId: string | null;
  postName: string | null;
}

export interface Mobilization {
  volunteerId: string;
  homeGridId: string;
  homeGridName: string | null;
  homeCenterName: string | null;
  emergencies: MobilizationLine[];
}

export interface Person {
  id: string;
  profile: { name: string; homeGridId: string };
  live: { status: string; centerId: string | null };
}
