import type { CenterCard, CenterStatus } from './types';

const shanghaiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Staffed now? Hours are local (China) time; a closing time before the opening time runs past midnight. */
export function isStaffed(card: CenterCard, now: Date): boolean {
  const time = shanghaiTime.format(now);
  const opens = card.openingHours.opens.slice(0, 5);
  const closes = card.openingHours.closes.slice(0, 5);
  return opens <= closes ? time >= opens && time < closes : time >= opens || time < closes;
}

export function kiosksOffline(card: CenterCard): number {
  return Math.max(0, card.kiosksRegistered - card.live.kiosksOnline);
}

/** The one status a marker shows, most urgent first. */
export function centerStatus(card: CenterCard, now: Date, inEmergency: boolean): CenterStatus {
  if (inEmergency) {
    return 'emergency';
  }

  if (kiosksOffline(card) > 0) {
    return 'kioskOffline';
  }

  if (isStaffed(card, now)) {
    return 'open';
  }

  return card.selfService24h ? 'selfService' : 'closed';
}

export const statusColors: Record<CenterStatus, string> = {
  emergency: '#ff4d4f',
  kioskOffline: '#ffa940',
  open: '#52c41a',
  selfService: '#40a9ff',
  closed: '#8c8c8c',
};
