// What the public page reads: GET /api/v1/public/centers/{id} and GET /api/v1/public/nearby (no sign-in).
export type CrowdLevel = 'quiet' | 'normal' | 'busy';

export interface PublicCenter {
  id: string;
  name: string;
  level: string;
  address: string | null;
  location: { latitude: number; longitude: number };
  openingHours: { opens: string; closes: string };
  staffedNow: boolean;
  selfService24h: boolean;
  functions: string[];
  crowd: { level: CrowdLevel; occupancyPercent: number; capacity: number; day: string; peakByHour: (number | null)[] };
  upcoming: { id: string; title: string; function: string; startsAt: string; endsAt: string; room: string; capacity: number; placesLeft: number }[];
}

export interface Nearby {
  minutes: number;
  centers: { id: string; name: string; level: string; address: string | null; distanceMeters: number; walkingMinutes: number; crowd: CrowdLevel }[];
}
