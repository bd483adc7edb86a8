// The public center page people open from WeChat: no sign-in, nothing about any person, refreshed every 15 s.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '../shared/styles.css';
import '../volunteer/volunteer.css';
import './public.css';
import { currentLanguage, functionName, levelName, setLanguage } from '../shared/i18n';
import { applyPublicTexts, pt, type PublicText } from './texts';
import type { Nearby, PublicCenter } from './types';

const refreshEvery = 15_000;
const query = new URLSearchParams(location.search);
const centerId = query.get('id');
let shown: PublicCenter | undefined;
let map: L.Map | undefined;

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(pt(response.status === 404 ? 'notFound' : response.status === 429 ? 'tooMany' : 'notFound'));
  }

  return (await response.json()) as T;
}

function text(id: string, value: string): void {
  document.getElementById(id)!.textContent = value;
}

function time(iso: string): string {
  return new Date(iso).toLocaleString(currentLanguage(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function render(center: PublicCenter): void {
  shown = center;
  document.title = `${center.name} · 连心`;
  text('name', center.name);
  text('level', levelName(center.level));
  text('address', center.address ?? '');
  text('staffed', pt(center.staffedNow ? 'staffedNow' : 'closedNow'));
  text('hours', `${center.openingHours.opens.slice(0, 5)}–${center.openingHours.closes.slice(0, 5)}`);
  const selfService = document.getElementById('self-service')!;
  selfService.hidden = !center.selfService24h;
  selfService.textContent = pt('selfService24h');
  const crowd = document.getElementById('crowd')!;
  crowd.dataset.level = center.crowd.level;
  crowd.textContent = pt(center.crowd.level as PublicText);
  text('occupancy', pt('occupancy', center.crowd.occupancyPercent));
  renderHours(center);
  const functions = document.getElementById('functions')!;
  functions.replaceChildren(...center.functions.map((f) => Object.assign(document.createElement('li'), { textContent: functionName(f) })));
  const activities = document.getElementById('activities')!;
  activities.replaceChildren(...center.upcoming.map((a) => {
    const item = document.createElement('li');
    item.className = 'activity';
    item.dataset.id = a.id;
    const places = a.placesLeft > 0 ? pt('placesLeft', a.placesLeft) : pt('full');
    item.innerHTML = '<strong></strong><span class="muted"></span><span class="places"></span>';
    item.querySelector('strong')!.textContent = a.title;
    item.querySelector('.muted')!.textContent = `${time(a.startsAt)} · ${a.room} · ${functionName(a.function)}`;
    item.querySelector('.places')!.textContent = places;
    return item;
  }));
  document.getElementById('no-activities')!.hidden = center.upcoming.length > 0;
  document.getElementById('center')!.hidden = false;
  showMap(center);
}

function renderHours(center: PublicCenter): void {
  const peak = Math.max(1, ...center.crowd.peakByHour.map((h) => h ?? 0));
  const chart = document.getElementById('hours-chart')!;
  chart.setAttribute('aria-label', pt('todayByHour'));
  chart.replaceChildren(...center.crowd.peakByHour.map((value, hour) => {
    const bar = document.createElement('span');
    bar.className = value === null ? 'bar later' : 'bar';
    bar.style.height = `${value === null ? 0 : Math.max(2, (100 * value) / peak)}%`;
    bar.title = `${hour}:00 ${value ?? ''}`;
    return bar;
  }));
}

function showMap(center: PublicCenter): void {
  const at: L.LatLngExpression = [center.location.latitude, center.location.longitude];
  if (!map) {
    map = L.map('map', { zoomControl: false, attributionControl: false }).setView(at, 16);
    void read<{ tileUrl: string | null; tileAttribution: string | null }>('/api/v1/dashboard/settings').then((s) => {
      if (s.tileUrl) {
        L.tileLayer(s.tileUrl, { attribution: s.tileAttribution ?? '', maxZoom: 19 }).addTo(map!);
      }
    }).catch(() => undefined);
    L.circleMarker(at, { radius: 9, color: '#fff', weight: 2, fillColor: '#b71c1c', fillOpacity: 0.95, className: 'center-marker' }).addTo(map);
  }
}

async function refresh(): Promise<void> {
  if (!centerId) {
    return;
  }

  try {
    render(await read<PublicCenter>(`/api/v1/public/centers/${encodeURIComponent(centerId)}`));
    document.getElementById('error')!.hidden = true;
  } catch (error) {
    const box = document.getElementById('error')!;
    box.textContent = error instanceof Error ? error.message : String(error);
    box.hidden = false;
  }
}

async function findNearby(latitude: number, longitude: number): Promise<void> {
  const found = await read<Nearby>(`/api/v1/public/nearby?latitude=${latitude.toFixed(4)}&longitude=${longitude.toFixed(4)}&minutes=15`);
  const list = document.getElementById('nearby')!;
  const others = found.centers.filter((c) => c.id !== centerId);
  list.replaceChildren(...others.map((c) => {
    const item = document.createElement('li');
    const link = Object.assign(document.createElement('a'), { href: `/center.html?id=${encodeURIComponent(c.id)}`, textContent: c.name });
    const detail = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` ${pt('walk', c.walkingMinutes)} · ${pt(c.crowd as PublicText)}` });
    item.append(link, detail);
    return item;
  }));
  if (others.length === 0) {
    list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: pt('noNearby') }));
  }
}

function nearMe(): void {
  const fallback = () => shown && void findNearby(shown.location.latitude, shown.location.longitude);
  if (!navigator.geolocation) {
    fallback();
    return;
  }

  navigator.geolocation.getCurrentPosition((p) => void findNearby(p.coords.latitude, p.coords.longitude), fallback, { timeout: 5000 });
}

function applyLanguage(): void {
  text('page-title', pt('pageTitle'));
  text('language', currentLanguage() === 'zh-CN' ? 'English' : '中文');
  applyPublicTexts();
  if (shown) {
    render(shown);
  }
}

document.getElementById('language')!.addEventListener('click', () => {
  setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN');
  applyLanguage();
});
document.getElementById('find-nearby')!.addEventListener('click', nearMe);
applyLanguage();
void refresh();
setInterval(() => void refresh(), refreshEvery);
const lat = Number(query.get('latitude'));
const lon = Number(query.get('longitude'));
if (query.has('latitude') && query.has('longitude') && Number.isFinite(lat) && Number.isFinite(lon)) {
  void findNearby(lat, lon);
}
