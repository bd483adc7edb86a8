// The live items a region feed carries (see docs/live-protocol.md).

export interface CenterLive {
  peopleInside: number;
  checkInsTodayByFunction: Record<string, number>;
  volunteersOnDuty: number;
  openHelpRequests: number;
  kiosksOnline: number;
}

export interface CenterCard {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  location: { latitude: number; longitude: number };
  openingHours: { opens: string; closes: string };
  selfService24h: boolean;
  live: CenterLive;
  kiosksRegistered: number;
  grids: number;
  asOf: string;
}

export interface RegionSummary {
  regionId: string;
  name: string;
  level: string;
  subtree: Omit<CenterLive, 'kiosksOnline'> & { kiosksOnline: number; centersByLevel: Record<string, number> };
  asOf: string;
}

export type CenterStatus = 'emergency' | 'kioskOffline' | 'open' | 'selfService' | 'closed';

export interface GeoFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: number[][][] };
  properties: { kind: 'center' | 'grid'; name: string; level?: string; centerId?: string };
}

/** Enum-keyed maps may arrive PascalCase from older servers; the dashboard speaks camelCase. */
export function camel(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}
