// The region map: drawn from the region's own GeoJSON, so it needs no tile server; tiles are added when configured.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { CenterCard, GeoFeature } from './types';
import { isStaffed, kiosksOffline, statusColors } from './status';

export class RegionMap {
  private readonly map: L.Map;
  private readonly markers = new Map<string, L.CircleMarker>();
  private readonly gridLayers = new Map<string, L.Path>();

  constructor(element: HTMLElement, tileUrl: string | null, attribution: string | null, private readonly onSelect: (id: string) => void) {
    this.map = L.map(element, { zoomSnap: 0.25, attributionControl: tileUrl !== null, preferCanvas: false });
    if (tileUrl) {
      L.tileLayer(tileUrl, { attribution: attribution ?? '', maxZoom: 19 }).addTo(this.map);
    }
  }

  draw(features: GeoFeature[]): void {
    // The view must be set before any layer is added.
    const bounds = L.latLngBounds([]);
    for (const feature of features) {
      const points = feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : feature.geometry.coordinates[0];
      for (const [lon, lat] of points) {
        bounds.extend([lat, lon]);
      }
    }

    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [16, 16] });
    } else {
      this.map.setView([27.7, 121.1], 11);
    }

    L.geoJSON(
      { type: 'FeatureCollection', features: features.filter((f) => f.properties.kind === 'grid') } as GeoJSON.FeatureCollection,
      {
        style: () => ({ color: '#5b8ff9', weight: 1, opacity: 0.8, fillColor: '#1d4e89', fillOpacity: 0.35, className: 'grid-area' }),
        onEachFeature: (feature, layer) => {
          layer.bindTooltip(asText(String(feature.properties?.name ?? '')), { sticky: true });
          this.gridLayers.set(String(feature.id), layer as L.Path);
        },
      },
    ).addTo(this.map);

    for (const feature of features) {
      if (feature.properties.kind !== 'center' || feature.geometry.type !== 'Point') {
        continue;
      }

      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], { radius: 7, weight: 1.5, color: '#fff', fillColor: statusColors.closed, fillOpacity: 0.9, className: 'center-marker' })
        .bindTooltip(asText(String(feature.properties.name)))
        .on('click', () => this.onSelect(feature.id))
        .addTo(this.map);
      marker.getElement()?.setAttribute('data-center', feature.id);
      this.markers.set(feature.id, marker);
    }
  }

  /** Colors a center by its live card: fill by staffing (red in an emergency), an orange ring for offline kiosks. */
  update(card: CenterCard, inEmergency: boolean, now: Date): void {
    const marker = this.markers.get(card.id);
    if (!marker) {
      return;
    }

    const fill = inEmergency ? statusColors.emergency : isStaffed(card, now) ? statusColors.open : card.selfService24h ? statusColors.selfService : statusColors.closed;
    const offline = kiosksOffline(card) > 0;
    marker.setStyle({ fillColor: fill, color: offline ? statusColors.kioskOffline : '#ffffff', weight: offline ? 3.5 : 1.5 });
    marker.setRadius(6 + Math.min(10, Math.sqrt(card.live.peopleInside)));
    const element = marker.getElement();
    element?.classList.toggle('kiosk-offline', offline);
    element?.setAttribute('data-people', String(card.live.peopleInside));
  }

  /** Grids in a roll-call: red while few have answered, through amber to green when all are accounted for. */
  showRollCall(accountedPercentByGrid: ReadonlyMap<string, number>): void {
    for (const [id, layer] of this.gridLayers) {
      const percent = accountedPercentByGrid.get(id);
      const color = percent === undefined ? '#1d4e89' : percent >= 90 ? '#389e0d' : percent >= 50 ? '#d48806' : '#cf1322';
      layer.setStyle({ fillColor: color, fillOpacity: percent === undefined ? 0.35 : 0.55 });
    }
  }

  select(id: string): void {
    for (const [markerId, marker] of this.markers) {
      marker.getElement()?.classList.toggle('selected', markerId === id);
    }
  }
}

/** Leaflet puts a string tooltip in as HTML; stored names (centers, grids) must show as text, so they go in as a text node. */
function asText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}
