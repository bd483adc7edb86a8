// % accounted over time: the report's series up to when the dashboard opened, then one point per live update.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

export class AccountedChart {
  private readonly chart: echarts.ECharts;
  private points: [number, number][] = [];

  constructor(private readonly element: HTMLElement) {
    this.chart = echarts.init(element, undefined, { renderer: 'svg' });
    this.chart.setOption({
      animation: false,
      grid: { left: 36, right: 10, top: 10, bottom: 22 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      xAxis: {
        type: 'time',
        // At least a minute wide, so the first points do not stretch over days.
        min: (range: { min: number }) => range.min,
        max: (range: { min: number; max: number }) => Math.max(range.max, range.min + 60_000),
        splitNumber: 3,
        axisLabel: { color: '#8aa2c4', fontSize: 10, hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#8aa2c4', formatter: '{value}%' }, splitLine: { lineStyle: { color: '#22395a' } } },
      series: [{ type: 'line', showSymbol: false, step: 'end', lineStyle: { color: '#ffd666' }, areaStyle: { color: 'rgba(255,214,102,0.15)' }, data: [] }],
    });
  }

  reset(): void {
    this.points = [];
    this.draw();
  }

  /** Starts from the points so far (time in ms, percent), oldest first. */
  load(points: readonly [number, number][]): void {
    this.points = [...points].sort((a, b) => a[0] - b[0]);
    this.draw();
  }

  add(at: string, percent: number): void {
    const time = Date.parse(at);
    if (this.points.length > 0 && this.points[this.points.length - 1][0] >= time) {
      return;
    }

    this.points.push([time, percent]);
    this.draw();
  }

  /** Draws the points; the element says how many and from when, for whoever checks the chart. */
  private draw(): void {
    this.chart.setOption({ series: [{ data: this.points }] });
    this.element.dataset.points = String(this.points.length);
    this.element.dataset.from = this.points.length > 0 ? new Date(this.points[0][0]).toISOString() : '';
    this.element.dataset.last = this.points.length > 0 ? this.points[this.points.length - 1][1].toFixed(1) : '';
  }

  resize(): void {
    this.chart.resize();
  }
}
