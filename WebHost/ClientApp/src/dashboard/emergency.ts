// The emergency panel: launch a drill from a scenario (preview, then confirm), and follow its live roll-call.
import { api } from '../shared/api';
import { rollCallStatusName, rollCallStatuses, t } from '../shared/i18n';
import type { LiveConnection } from '../shared/live';
import type { EmergencyEntry, GridRollCall, PersonLine, RollCallTotals, ScenarioEntry } from './emergency-types';
import { AccountedChart } from './rollcall-chart';

const percent = (n: number, of: number): string => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);

export class EmergencyPanel {
  private readonly root = document.getElementById('emergency')!;
  private readonly chart = new AccountedChart(this.root.querySelector<HTMLElement>('.chart')!);
  private current: { id: string; name: string; scope: string } | undefined;
  private totals: RollCallTotals | undefined;
  private grids = new Map<string, GridRollCall>();
  private idempotencyKey: string | undefined;
  private unaccountedTimer: number | undefined;

  constructor(
    private readonly live: LiveConnection,
    private readonly gridNames: ReadonlyMap<string, string>,
    private readonly onGridsChanged: (grids: ReadonlyMap<string, GridRollCall>) => void,
  ) {}

  async start(): Promise<void> {
    const scenarios = await api<ScenarioEntry[]>('/api/v1/scenarios');
    const select = this.root.querySelector<HTMLSelectElement>('select[name=scenario]')!;
    select.replaceChildren(...scenarios.map((s) => new Option(s.name, s.id)));
    select.addEventListener('change', () => this.clearPreview());
    this.root.querySelector('[data-action=preview]')!.addEventListener('click', () => void this.preview(select.value));
    this.root.querySelector('[data-action=launch]')!.addEventListener('click', () => void this.launch(select.value));

    const running = (await api<EmergencyEntry[]>('/api/v1/emergencies')).find((e) => e.phase === 'running');
    if (running) {
      await this.follow(running.id, running.name, running.mode);
    }
  }

  render(): void {
    const body = this.root.querySelector<HTMLElement>('.rollcall')!;
    this.root.querySelector<HTMLElement>('.none')!.hidden = this.current !== undefined;
    body.hidden = this.current === undefined;
    const totals = this.totals;
    if (!this.current || !totals) {
      return;
    }

    const counts = totals.counts;
    body.dataset.emergency = this.current.id;
    // Every screen of a drill or test says so.
    body.querySelector('.badge')!.textContent = totals.mode === 'exercise' ? t('drill') : totals.mode === 'test' ? t('test') : '';
    body.querySelector('.accounted-value')!.textContent = `${totals.accountedPercent.toFixed(1)}%`;
    body.querySelector('.accounted-count')!.textContent = `${counts.accounted}/${counts.total}`;
    body.querySelector('.statuses')!.replaceChildren(
      ...rollCallStatuses.map((status) => {
        const n = counts[status as keyof typeof counts] as number;
        const item = document.createElement('li');
        item.dataset.status = status;
        item.innerHTML = '<span class="label"></span><b class="count"></b><span class="pct"></span>';
        item.querySelector('.label')!.textContent = rollCallStatusName(status);
        item.querySelector('.count')!.textContent = String(n);
        item.querySelector('.pct')!.textContent = percent(n, counts.total);
        return item;
      }),
    );
    const rows = [...this.grids.values()].sort((a, b) => a.accountedPercent - b.accountedPercent);
    body.querySelector('.grids tbody')!.replaceChildren(
      ...rows.map((g) => {
        const row = document.createElement('tr');
        row.dataset.grid = g.gridId;
        row.innerHTML = '<td></td><td></td><td></td><td></td>';
        const cells = row.querySelectorAll('td');
        cells[0].textContent = this.gridNames.get(g.gridId) ?? g.gridId;
        cells[1].textContent = String(g.total);
        cells[2].textContent = String(g.accounted);
        cells[3].textContent = `${g.accountedPercent.toFixed(0)}%`;
        return row;
      }),
    );
  }

  private clearPreview(): void {
    this.idempotencyKey = undefined;
    this.root.querySelector<HTMLElement>('.preview')!.hidden = true;
  }

  private async preview(scenarioId: string): Promise<void> {
    const preview = await api<{ total: number }>('/api/v1/emergencies/preview', {
      method: 'POST',
      body: JSON.stringify({ scenarioId, mode: 'exercise' }),
    });
    // One key per confirmation: pressing confirm twice answers the same emergency instead of starting two.
    this.idempotencyKey = crypto.randomUUID();
    const box = this.root.querySelector<HTMLElement>('.preview')!;
    box.querySelector('.reach')!.textContent = `${t('willReach')} ${preview.total} ${t('people')}`;
    box.hidden = false;
  }

  private async launch(scenarioId: string): Promise<void> {
    if (!this.idempotencyKey) {
      return;
    }

    const view = await api<{ definition: { id: string; launch: { name: string; mode: string } } }>('/api/v1/emergencies', {
      method: 'POST',
      headers: { 'Idempotency-Key': this.idempotencyKey },
      body: JSON.stringify({ scenarioId, mode: 'exercise' }),
    });
    this.clearPreview();
    await this.follow(view.definition.id, view.definition.launch.name, view.definition.launch.mode);
  }

  private async follow(id: string, name: string, mode: string): Promise<void> {
    if (this.current?.id === id) {
      return;
    }

    if (this.current) {
      await this.live.unsubscribe(this.current.scope);
    }

    this.current = { id, name, scope: `emergency:${id}` };
    this.totals = undefined;
    this.grids = new Map();
    this.chart.reset();
    const title = this.root.querySelector<HTMLElement>('.title')!;
    title.textContent = name;
    title.dataset.mode = mode;
    await this.live.subscribe(this.current.scope, (items) => {
      this.totals = items.get('summary') as RollCallTotals | undefined;
      this.grids = new Map(
        [...items].filter(([key]) => key.startsWith('grid:')).map(([key, item]) => [key.slice('grid:'.length), item as GridRollCall]),
      );
      if (this.totals) {
        this.chart.add(this.totals.asOf, this.totals.accountedPercent);
      }

      this.render();
      this.onGridsChanged(this.grids);
      this.scheduleUnaccounted();
    });
    this.chart.resize();
  }

  /** The unaccounted list is a drill-down read, refreshed at most every 2 s while answers come in. */
  private scheduleUnaccounted(): void {
    if (this.unaccountedTimer !== undefined || !this.current) {
      return;
    }

    const id = this.current.id;
    this.unaccountedTimer = window.setTimeout(async () => {
      this.unaccountedTimer = undefined;
      const people = await api<PersonLine[]>(`/api/v1/emergencies/${encodeURIComponent(id)}/unaccounted`);
      const list = this.root.querySelector('.unaccounted ul')!;
      this.root.querySelector('.unaccounted .n')!.textContent = String(people.length);
      list.replaceChildren(
        ...people.slice(0, 100).map((p) => {
          const item = document.createElement('li');
          item.dataset.volunteer = p.volunteerId;
          item.textContent = `${p.name ?? p.volunteerId} · ${this.gridNames.get(p.gridId) ?? p.gridId}`;
          return item;
        }),
      );
    }, 300);
  }
}
