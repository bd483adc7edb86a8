// % accounted over time: one point per roll-call update, drawn with ECharts.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

export class AccountedChart {
  private readonly chart: echarts.ECharts;
  private points: [number, number][] = [];

  constructor(element: HTMLElement) {
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
    this.chart.setOption({ series: [{ data: [] }] });
  }

  add(at: string, percent: number): void {
    const time = Date.parse(at);
    if (this.points.length > 0 && this.points[this.points.length - 1][0] >= time) {
      return;
    }

    this.points.push([time, percent]);
    this.chart.setOption({ series: [{ data: this.points }] });
  }

  resize(): void {
    this.chart.resize();
  }
}
