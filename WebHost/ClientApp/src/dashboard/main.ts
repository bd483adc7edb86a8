// The command-center dashboard: the region's map and counters, kept live over the hub.
import '../shared/styles.css';
import { api, devSignIn, storedToken, storeToken, ApiError, type DashboardSettings } from '../shared/api';
import { applyTexts, currentLanguage, setLanguage, t } from '../shared/i18n';
import { LiveConnection, type ConnectionStatus } from '../shared/live';
import { EmergencyPanel } from './emergency';
import { RegionMap } from './map';
import { renderCard, renderCounters } from './panels';
import type { CenterCard, GeoFeature, RegionSummary } from './types';
import { OrdersPanel } from './orders';
import { ShiftsAtRiskPanel } from './shifts';

const cards = new Map<string, CenterCard>();
const emergencyCenters = new Set<string>();
let summary: RegionSummary | undefined;
let selected: string | undefined;
let map: RegionMap;

async function signIn(settings: DashboardSettings, region: string): Promise<void> {
  if (storedToken()) {
    return;
  }

  if (settings.devSignIn) {
    await devSignIn('operator', region);
    return;
  }

  // Outside demo mode the operator pastes a token from the identity provider.
  const overlay = document.getElementById('sign-in')!;
  overlay.hidden = false;
  await new Promise<void>((resolve) => {
    overlay.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      storeToken(new FormData(event.target as HTMLFormElement).get('token')!.toString().trim());
      overlay.hidden = true;
      resolve();
    });
  });
}

function render(changed: readonly string[]): void {
  const now = new Date();
  for (const key of changed) {
    const card = key.startsWith('center:') ? cards.get(key.slice('center:'.length)) : undefined;
    if (card) {
      map.update(card, emergencyCenters.has(card.id), now);
    }
  }

  renderCounters(summary, [...cards.values()]);
  renderCard(selected ? cards.get(selected) : undefined, selected ? emergencyCenters.has(selected) : false, now);
}

function renderAll(): void {
  render([...cards.keys()].map((id) => `center:${id}`));
}

function showStatus(status: ConnectionStatus): void {
  const pill = document.getElementById('connection')!;
  pill.dataset.status = status;
  pill.dataset.text = status;
  pill.textContent = t(status);
}

async function main(): Promise<void> {
  applyTexts();
  document.getElementById('language')!.addEventListener('click', () => {
    setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN');
    renderAll();
  });
  setInterval(() => {
    document.getElementById('clock')!.textContent = new Date().toLocaleTimeString(currentLanguage());
  }, 1000);

  const settings = await api<DashboardSettings>('/api/v1/dashboard/settings');
  const region = new URLSearchParams(location.search).get('region') ?? settings.defaultRegion ?? 'ld';
  await signIn(settings, region);

  map = new RegionMap(document.getElementById('map')!, settings.tileUrl, settings.tileAttribution, (id) => {
    selected = id;
    map.select(id);
    render([]);
  });
  const geo = await api<{ features: GeoFeature[] }>(`/api/v1/centers/${encodeURIComponent(region)}/map`);
  map.draw(geo.features);
  const grids = geo.features.filter((f) => f.properties.kind === 'grid');
  const gridNames = new Map(grids.map((f) => [f.id, f.properties.name]));
  const gridCenters = new Map(grids.map((f) => [f.id, f.properties.centerId ?? '']));
  document.body.dataset.mapReady = 'true';

  const live = new LiveConnection(() => storedToken() ?? '');
  live.onStatus(showStatus);
  await live.start();
  const emergency = new EmergencyPanel(live, gridNames, (rollCall) => {
    map.showRollCall(new Map([...rollCall].map(([id, g]) => [id, g.accountedPercent])));
    emergencyCenters.clear();
    for (const gridId of rollCall.keys()) {
      emergencyCenters.add(gridCenters.get(gridId) ?? '');
    }

    renderAll();
  });
  const centerNames = new Map(geo.features.filter((f) => f.properties.kind === 'center').map((f) => [f.id, f.properties.name]));
  const shifts = new ShiftsAtRiskPanel(region, centerNames);
  await live.subscribe(`region:${region}`, (items, changed) => {
    cards.clear();
    for (const [key, item] of items) {
      if (key.startsWith('center:')) {
        cards.set(key.slice('center:'.length), item as CenterCard);
      }
    }

    summary = items.get('summary') as RegionSummary | undefined;
    render(changed);
    emergency.takeRegionItems(items);
    // A shift newly short of people is pushed (shiftShort:{occurrenceId}): the panel shows it at once, not at its next poll.
    shifts.takeRegionItems(items, changed);
  });
  await emergency.start();
  document.body.dataset.emergencyReady = 'true';
  document.getElementById('language')!.addEventListener('click', () => emergency.render());
  const orders = new OrdersPanel(region, centerNames);
  // The queue is a side panel: the map and the emergencies work without it.
  await orders.refresh().catch(() => undefined);
  setInterval(() => void orders.refresh().catch(() => undefined), 30_000);
  await shifts.refresh().catch(() => undefined);
  setInterval(() => void shifts.refresh().catch(() => undefined), 60_000);
  // Opening hours pass without any push: re-evaluate open/closed every minute.
  setInterval(renderAll, 60_000);
}

main().catch((error: unknown) => {
  if (error instanceof ApiError && error.status === 401) {
    storeToken(null);
  }

  document.body.dataset.error = String(error);
  const pill = document.getElementById('connection')!;
  pill.dataset.status = 'offline';
  pill.textContent = `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
});
