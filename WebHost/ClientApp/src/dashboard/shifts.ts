// Shifts at risk on the command-center dashboard: every shift of the region within a day of starting that is still short
// of its minimum (its center's staff are alerted and available people invited), soonest first.
import { api } from '../shared/api';
import { tf } from '../shared/i18n';

interface ShiftAtRisk {
  centerId: string;
  occurrence: { id: string; title: string; startsAt: string; minPeople: number; maxPeople: number; places: { cancelledAt: string | null }[] };
}

export class ShiftsAtRiskPanel {
  constructor(
    private readonly region: string,
    private readonly centerNames: ReadonlyMap<string, string>,
  ) {}

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
