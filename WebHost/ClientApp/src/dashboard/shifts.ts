// Shifts at risk on the command-center dashboard: every shift of the region within a day of starting that is still short
// of its minimum (its center's staff are alerted and available people invited), soonest first. The region's live feed
// pushes each newly short shift (item shiftShort:{occurrenceId}, docs/live-protocol.md): the panel reads the list again
// at once and raises its alert until the staff open it.
import { api } from '../shared/api';
import { tf } from '../shared/i18n';

interface ShiftAtRisk {
  centerId: string;
  occurrence: { id: string; title: string; startsAt: string; minPeople: number; maxPeople: number; places: { cancelledAt: string | null }[] };
}

export class ShiftsAtRiskPanel {
  private readonly alerted = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly centerNames: ReadonlyMap<string, string>,
  ) {}

  /** Takes the region's live items: a shiftShort item not seen before raises the alert and reads the list again. */
  takeRegionItems(items: ReadonlyMap<string, unknown>, changed: readonly string[]): void {
    const fresh = changed.filter((key) => key.startsWith('shiftShort:') && items.has(key) && !this.alerted.has(key));
    if (fresh.length === 0) {
      return;
    }

    fresh.forEach((key) => this.alerted.add(key));
    const panel = document.getElementById('shifts-at-risk')!;
    panel.dataset.alert = fresh.map((key) => key.slice('shiftShort:'.length)).join(' ');
    panel.classList.add('alerting');
    panel.addEventListener('click', () => panel.classList.remove('alerting'), { once: true });
    void this.refresh().catch(() => undefined);
  }

  async refresh(): Promise<void> {
    const atRisk = await api<ShiftAtRisk[]>(`/api/v1/centers/${encodeURIComponent(this.region)}/shifts/at-risk?subtree=true`);
    const panel = document.getElementById('shifts-at-risk')!;
    panel.querySelector('.total')!.textContent = String(atRisk.length);
    panel.querySelector('.oldest')!.replaceChildren(
      ...atRisk.slice(0, 8).map(({ centerId, occurrence }) => {
        const li = document.createElement('li');
        li.dataset.occurrence = occurrence.id;
        li.className = 'overdue';
        const taken = occurrence.places.filter((p) => p.cancelledAt === null).length;
        const starts = new Date(occurrence.startsAt).toLocaleString(undefined, { timeZone: 'Asia/Shanghai', weekday: 'short', hour: '2-digit', minute: '2-digit' });
        li.textContent = `${this.centerNames.get(centerId) ?? centerId} · ${occurrence.title} · ${starts} · ${tf('shiftPeople', { taken, min: occurrence.minPeople, max: occurrence.maxPeople })}`;
        return li;
      }),
    );
    panel.dataset.ready = 'true';
  }
}
