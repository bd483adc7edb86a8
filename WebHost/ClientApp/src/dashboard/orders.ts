// Open orders by age on the command-center dashboard: every unfinished request and order of the region (the queue of
// each center below it), counted by how long ago it was raised, and the oldest few with their center and stage.
import { api } from '../shared/api';
import { functionName, t, tf } from '../shared/i18n';

interface QueueItem {
  id: string;
  centerId: string;
  function: string;
  stage: string;
  escalationLevel: number;
  raisedAt: string;
  isOrder: boolean;
}

interface QueuePage {
  items: QueueItem[];
  total: number;
}

/** Age buckets, in hours: under 1, 1–4, 4–24, a day or more. */
const buckets = [1, 4, 24, Infinity];

function hoursSince(at: string, now: number): number {
  return (now - Date.parse(at)) / 3_600_000;
}

export class OrdersPanel {
  constructor(
    private readonly region: string,
    private readonly centerNames: ReadonlyMap<string, string>,
  ) {}

  async refresh(): Promise<void> {
    const page = await api<QueuePage>(`/api/v1/centers/${encodeURIComponent(this.region)}/orders?subtree=true&limit=100`);
    this.render(page, Date.now());
  }

  private render(page: QueuePage, now: number): void {
    const panel = document.getElementById('orders')!;
    const counts = buckets.map(() => 0);
    for (const item of page.items) {
      counts[buckets.findIndex((limit) => hoursSince(item.raisedAt, now) < limit)]++;
    }

    panel.querySelector('.total')!.textContent = String(page.total);
    panel.querySelector('.ages')!.replaceChildren(
      ...counts.map((n, i) => {
        const li = document.createElement('li');
        li.dataset.bucket = String(i);
        li.innerHTML = '<span class="label"></span><strong></strong>';
        li.querySelector('.label')!.textContent = t((['ageUnder1h', 'age1to4h', 'age4to24h', 'ageOver1d'] as const)[i]);
        li.querySelector('strong')!.textContent = String(n);
        return li;
      }),
    );
    const oldest = [...page.items].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)).slice(0, 5);
    panel.querySelector('.oldest')!.replaceChildren(
      ...oldest.map((item) => {
        const li = document.createElement('li');
        li.dataset.order = item.id;
        li.className = item.escalationLevel > 0 ? 'overdue' : '';
        const hours = Math.floor(hoursSince(item.raisedAt, now));
        li.textContent = `${this.centerNames.get(item.centerId) ?? item.centerId} · ${functionName(item.function)} · ${t(item.isOrder ? 'orderTag' : 'requestTag')} · ${tf('ageHours', { h: hours })}`;
        return li;
      }),
    );
    panel.dataset.ready = 'true';
  }
}
