// Escalations as alerts: the grid leads' ("my unaccounted people") and the command center's. They come live from the
// region and emergency feeds (`escalation:` items), and from the report's timeline for a dashboard opened later.
import { tf } from '../shared/i18n';
import type { EscalationItem, TimelineEvent } from './emergency-types';

export type Tier = 'gridLead' | 'command';

interface Escalation {
  emergencyId: string;
  tier: Tier;
  unaccounted: number;
  grids: number;
  at: string;
}

export class EscalationAlerts {
  private readonly alerts = new Map<string, Escalation>();

  constructor(
    private readonly root: HTMLElement,
    private readonly nameOf: (emergencyId: string) => string | undefined,
    private readonly isRunning: (emergencyId: string) => boolean,
    private readonly onPick: (emergencyId: string) => void,
  ) {}

  /** Takes the `escalation:{emergencyId}` (command) and `escalation:{emergencyId}:gridLead` items of a feed. */
  takeItems(items: ReadonlyMap<string, unknown>): void {
    for (const [key, value] of items) {
      if (!key.startsWith('escalation:')) {
        continue;
      }

      const item = value as EscalationItem;
      const tier: Tier = key.endsWith(':gridLead') ? 'gridLead' : 'command';
      this.add({ emergencyId: item.emergencyId, tier, unaccounted: item.unaccounted, grids: Object.keys(item.byGrid ?? {}).length, at: item.at });
    }
  }

  /** The report's timeline says "gridLead：12人未应答，3个网格" for every escalation that went out. */
  takeTimeline(emergencyId: string, timeline: readonly TimelineEvent[]): void {
    for (const event of timeline.filter((e) => e.kind === 'escalated')) {
      const tier: Tier = event.detail.startsWith('gridLead') ? 'gridLead' : 'command';
      const numbers = /(\d+)\D+?(\d+)/.exec(event.detail.slice(tier.length));
      this.add({ emergencyId, tier, unaccounted: Number(numbers?.[1] ?? 0), grids: Number(numbers?.[2] ?? 0), at: event.at });
    }
  }

  render(): void {
    // An emergency that is no longer running raises no more alarms.
    const list = [...this.alerts.values()].filter((a) => this.isRunning(a.emergencyId)).sort((a, b) => b.at.localeCompare(a.at));
    this.root.hidden = list.length === 0;
    this.root.querySelector('ul')!.replaceChildren(
      ...list.map((alert) => {
        const item = document.createElement('li');
        item.dataset.emergency = alert.emergencyId;
        item.dataset.tier = alert.tier;
        item.setAttribute('role', 'alert');
        item.innerHTML = '<b class="name"></b> <span class="what"></span> <time></time>';
        item.querySelector('.name')!.textContent = this.nameOf(alert.emergencyId) ?? alert.emergencyId;
        item.querySelector('.what')!.textContent = tf(alert.tier === 'gridLead' ? 'escalatedToLeads' : 'escalatedToCommand', {
          n: alert.unaccounted,
          grids: alert.grids,
        });
        item.querySelector('time')!.textContent = new Date(alert.at).toLocaleTimeString();
        item.addEventListener('click', () => this.onPick(alert.emergencyId));
        return item;
      }),
    );
  }

  private add(alert: Escalation): void {
    this.alerts.set(`${alert.emergencyId}:${alert.tier}`, alert);
  }
}
