// The dashboard's text panels: live counters, the check-ins by function, and the selected center's card.
import { functionName, levelName, t, allFunctions } from '../shared/i18n';
import { centerStatus, kiosksOffline } from './status';
import { camel, type CenterCard, type CenterStatus, type RegionSummary } from './types';

const statusText: Record<CenterStatus, Parameters<typeof t>[0]> = {
  emergency: 'emergency',
  kioskOffline: 'kioskOffline',
  open: 'open',
  selfService: 'selfService',
  closed: 'closed',
};

function setCounter(name: string, value: string): void {
  const element = document.querySelector<HTMLElement>(`[data-counter="${name}"]`);
  if (element && element.textContent !== value) {
    element.textContent = value;
    element.classList.remove('flash');
    void element.offsetWidth;
    element.classList.add('flash');
  }
}

function total(byFunction: Record<string, number>): number {
  return Object.values(byFunction).reduce((sum, n) => sum + n, 0);
}

export function renderCounters(summary: RegionSummary | undefined, cards: CenterCard[]): void {
  document.getElementById('region-name')!.textContent = summary?.name ?? '';
  const s = summary?.subtree;
  const kiosks = cards.reduce((sum, c) => sum + c.kiosksRegistered, 0);
  setCounter('peopleInside', s ? String(s.peopleInside) : '–');
  setCounter('checkInsToday', s ? String(total(s.checkInsTodayByFunction)) : '–');
  setCounter('volunteersOnDuty', s ? String(s.volunteersOnDuty) : '–');
  setCounter('openHelpRequests', s ? String(s.openHelpRequests) : '–');
  setCounter('kiosksOnline', s ? `${s.kiosksOnline}/${kiosks}` : '–');
  setCounter('centers', String(cards.length));
  renderByFunction(s?.checkInsTodayByFunction ?? {});
}

function renderByFunction(byFunction: Record<string, number>): void {
  const counts = new Map(Object.entries(byFunction).map(([k, v]) => [camel(k), v]));
  const max = Math.max(1, ...counts.values());
  const list = document.getElementById('by-function')!;
  list.replaceChildren(
    ...allFunctions.map((name) => {
      const n = counts.get(name) ?? 0;
      const item = document.createElement('li');
      item.dataset.function = name;
      item.innerHTML = `<span class="bar-label"></span><span class="bar"><i style="width:${(100 * n) / max}%"></i></span><span class="bar-value">${n}</span>`;
      item.querySelector('.bar-label')!.textContent = functionName(name);
      return item;
    }),
  );
}

export function renderCard(card: CenterCard | undefined, inEmergency: boolean, now: Date): void {
  const panel = document.getElementById('card')!;
  const body = panel.querySelector<HTMLElement>('.card-body')!;
  panel.querySelector<HTMLElement>('.hint')!.hidden = card !== undefined;
  body.hidden = card === undefined;
  if (!card) {
    return;
  }

  const status = centerStatus(card, now, inEmergency);
  const rows: [string, string, string][] = [
    ['level', t('level'), levelName(card.level)],
    ['status', t('status'), t(statusText[status])],
    ['hours', t('hours'), `${card.openingHours.opens.slice(0, 5)}–${card.openingHours.closes.slice(0, 5)}${card.selfService24h ? ' · 24h' : ''}`],
    ['peopleInside', t('peopleInside'), String(card.live.peopleInside)],
    ['checkInsToday', t('checkInsToday'), String(total(card.live.checkInsTodayByFunction))],
    ['volunteersOnDuty', t('volunteersOnDuty'), String(card.live.volunteersOnDuty)],
    ['openHelpRequests', t('openHelpRequests'), String(card.live.openHelpRequests)],
    ['kiosksOnline', t('kiosksOnline'), `${card.live.kiosksOnline}/${card.kiosksRegistered}${kiosksOffline(card) ? ' ⚠' : ''}`],
    ['grids', t('grids'), String(card.grids)],
    ['updated', t('updated'), new Date(card.asOf).toLocaleTimeString()],
  ];
  body.innerHTML = '<h3></h3><dl></dl>';
  body.dataset.center = card.id;
  body.dataset.status = status;
  body.querySelector('h3')!.textContent = card.name;
  body.querySelector('dl')!.replaceChildren(
    ...rows.flatMap(([field, label, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.dataset.field = field;
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}
