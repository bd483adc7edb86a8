// The emergency panel: pick among the running emergencies, launch a drill from a scenario (preview, then confirm),
// follow one live roll-call (statuses, trend, posts, grids, unaccounted) and command it; escalations show as alerts.
import { api } from '../shared/api';
import { emergencyLevelName, rollCallStatusName, rollCallStatuses, t } from '../shared/i18n';
import type { LiveConnection } from '../shared/live';
import { CommandBar } from './commands';
import { ConfirmBox } from './confirm';
import { RunningList } from './emergency-list';
import type { EmergencyEntry, GridRollCall, PersonLine, PostRollCall, ReportExcerpt, RollCallTotals, ScenarioEntry } from './emergency-types';
import { EscalationAlerts } from './escalations';
import { renderPosts } from './posts';
import { AccountedChart } from './rollcall-chart';

const percent = (n: number, of: number): string => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);
const phaseText = { running: 'phaseRunning', ended: 'phaseEnded', cancelled: 'phaseCancelled' } as const;
const listInterval = 10_000;

export class EmergencyPanel {
  private readonly root = document.getElementById('emergency')!;
  private readonly chart = new AccountedChart(this.root.querySelector<HTMLElement>('.chart')!);
  private readonly list = new RunningList(this.root.querySelector<HTMLElement>('.running')!, (entry) => void this.follow(entry));
  private readonly escalations: EscalationAlerts;
  private readonly commands: CommandBar;
  private current: { id: string; name: string; scope: string } | undefined;
  private totals: RollCallTotals | undefined;
  private grids = new Map<string, GridRollCall>();
  private posts: PostRollCall[] = [];
  private idempotencyKey: string | undefined;
  private unaccountedTimer: number | undefined;

  constructor(
    private readonly live: LiveConnection,
    private readonly gridNames: ReadonlyMap<string, string>,
    private readonly onGridsChanged: (grids: ReadonlyMap<string, GridRollCall>) => void,
  ) {
    this.escalations = new EscalationAlerts(
      this.root.querySelector<HTMLElement>('.escalations')!,
      (id) => this.list.name(id),
      (id) => this.list.isRunning(id),
      (id) => void this.followId(id),
    );
    const confirm = new ConfirmBox(this.root.querySelector<HTMLElement>('.confirm')!);
    this.commands = new CommandBar(this.root.querySelector<HTMLElement>('.rollcall')!, confirm, (id) => this.gridName(id), async () => {
      await this.refreshList();
    });
  }

  async start(): Promise<void> {
    const scenarios = await api<ScenarioEntry[]>('/api/v1/scenarios');
    const select = this.root.querySelector<HTMLSelectElement>('select[name=scenario]')!;
    select.replaceChildren(...scenarios.map((s) => new Option(s.name, s.id)));
    select.addEventListener('change', () => this.clearPreview());
    this.root.querySelector('[data-action=preview]')!.addEventListener('click', () => void this.preview(select.value));
    this.root.querySelector('[data-action=launch]')!.addEventListener('click', () => void this.launch(select.value));

    const running = await this.refreshList();
    const asked = new URLSearchParams(location.search).get('emergency');
    const first = this.list.entries.find((e) => e.id === asked) ?? running[0]?.entry;
    if (first) {
      await this.follow(first);
    }

    setInterval(() => void this.refreshList(), listInterval);
  }

  /** The region feed carries the command center's escalations of every emergency homed there. */
  takeRegionItems(items: ReadonlyMap<string, unknown>): void {
    this.escalations.takeItems(items);
    this.escalations.render();
  }

  render(): void {
    const body = this.root.querySelector<HTMLElement>('.rollcall')!;
    this.root.querySelector<HTMLElement>('.none')!.hidden = this.current !== undefined;
    body.hidden = this.current === undefined;
    this.list.render(this.current?.id);
    this.escalations.render();
    const totals = this.totals;
    if (!this.current || !totals) {
      return;
    }

    const counts = totals.counts;
    body.dataset.emergency = this.current.id;
    body.dataset.phase = totals.phase;
    // Every screen of a drill or test says so.
    body.querySelector('.badge')!.textContent = totals.mode === 'exercise' ? t('drill') : totals.mode === 'test' ? t('test') : '';
    const chip = body.querySelector<HTMLElement>('.level-chip')!;
    chip.textContent = emergencyLevelName(totals.level);
    chip.dataset.level = totals.level;
    body.querySelector('.phase')!.textContent = t(phaseText[totals.phase] ?? 'phaseRunning');
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
    renderPosts(body.querySelector<HTMLElement>('.posts')!, this.posts);
    const rows = [...this.grids.values()].sort((a, b) => a.accountedPercent - b.accountedPercent);
    body.querySelector('.grids tbody')!.replaceChildren(
      ...rows.map((g) => {
        const row = document.createElement('tr');
        row.dataset.grid = g.gridId;
        row.innerHTML = '<td></td><td></td><td></td><td></td>';
        const cells = row.querySelectorAll('td');
        cells[0].textContent = this.gridName(g.gridId);
        cells[1].textContent = String(g.total);
        cells[2].textContent = String(g.accounted);
        cells[3].textContent = `${g.accountedPercent.toFixed(0)}%`;
        return row;
      }),
    );
    this.commands.show({ id: this.current.id, level: totals.level, phase: totals.phase, total: counts.total });
  }

  private gridName(gridId: string): string {
    return this.gridNames.get(gridId) ?? gridId;
  }

  private async refreshList(): Promise<readonly { entry: EmergencyEntry }[]> {
    const running = await this.list.refresh();
    if (this.current && this.totals) {
      const counts = this.totals.counts;
      this.list.setLive(this.current.id, this.totals.level, this.totals.phase, counts.accounted, counts.total);
    }

    this.render();
    return running;
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

    const view = await api<{ definition: { id: string } }>('/api/v1/emergencies', {
      method: 'POST',
      headers: { 'Idempotency-Key': this.idempotencyKey },
      body: JSON.stringify({ scenarioId, mode: 'exercise' }),
    });
    this.clearPreview();
    await this.refreshList();
    await this.followId(view.definition.id);
  }

  private async followId(id: string): Promise<void> {
    // An alarm may name an emergency launched since the list was last read.
    if (!this.list.entries.some((e) => e.id === id)) {
      await this.refreshList();
    }

    const entry = this.list.entries.find((e) => e.id === id);
    if (entry) {
      await this.follow(entry);
    }
  }

  private async follow(entry: EmergencyEntry): Promise<void> {
    if (this.current?.id === entry.id) {
      return;
    }

    if (this.current) {
      await this.live.unsubscribe(this.current.scope);
    }

    const id = entry.id;
    this.current = { id, name: entry.name, scope: `emergency:${id}` };
    this.totals = undefined;
    this.grids = new Map();
    this.posts = [];
    this.chart.reset();
    const title = this.root.querySelector<HTMLElement>('.rollcall .title')!;
    title.textContent = entry.name;
    title.dataset.mode = entry.mode;
    this.render();

    // Opened mid-emergency: the trend so far and the escalations that went out come from the report.
    const report = await api<ReportExcerpt>(`/api/v1/emergencies/${encodeURIComponent(id)}/report`);
    if (this.current?.id !== id) {
      return;
    }

    this.chart.load(report.series.map((p) => [Date.parse(p.at), p.counts.total === 0 ? 0 : (100 * p.counts.accounted) / p.counts.total]));
    this.escalations.takeTimeline(id, report.timeline);
    await this.live.subscribe(this.current.scope, (items) => {
      if (this.current?.id !== id) {
        return;
      }

      this.totals = items.get('summary') as RollCallTotals | undefined;
      this.grids = new Map(
        [...items].filter(([key]) => key.startsWith('grid:')).map(([key, item]) => [key.slice('grid:'.length), item as GridRollCall]),
      );
      this.posts = [...items].filter(([key]) => key.startsWith('post:')).map(([, item]) => item as PostRollCall);
      this.escalations.takeItems(items);
      if (this.totals) {
        this.chart.add(this.totals.asOf, this.totals.accountedPercent);
        this.list.setLive(id, this.totals.level, this.totals.phase, this.totals.counts.accounted, this.totals.counts.total);
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
      const running = this.totals?.phase === 'running';
      const list = this.root.querySelector('.unaccounted ul')!;
      this.root.querySelector('.unaccounted .n')!.textContent = String(people.length);
      list.replaceChildren(
        ...people.slice(0, 100).map((p) => {
          const item = document.createElement('li');
          item.dataset.volunteer = p.volunteerId;
          item.innerHTML = '<span class="who"></span>';
          item.querySelector('.who')!.textContent = `${p.name ?? p.volunteerId} · ${this.gridName(p.gridId)}`;
          if (running) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'link small';
            button.dataset.action = 'on-behalf';
            button.textContent = t('onBehalf');
            button.addEventListener('click', () => this.commands.openForm(p));
            item.append(button);
          }

          return item;
        }),
      );
    }, 300);
  }
}
