// The public page's own texts (zh-CN first, English second); the language choice is the shared one.
import { currentLanguage } from '../shared/i18n';

const texts = {
  pageTitle: ['党群服务中心', 'Party-Mass Service Center'],
  crowdNow: ['现在人多吗', 'How busy is it now'],
  todayByHour: ['今日各时段人数', 'Today by hour'],
  functions: ['服务功能', 'Services'],
  upcoming: ['近期活动', 'Coming up'],
  noActivities: ['暂无近期活动', 'Nothing coming up'],
  nearby: ['附近15分钟步行可达的阵地', 'Centers within a 15-minute walk'],
  findNearby: ['查找附近阵地', 'Find centers near me'],
  noNearby: ['附近暂无阵地', 'No center within a 15-minute walk'],
  placesLeft: ['剩余名额 {n}', '{n} places left'],
  full: ['已满，可排队候补', 'Full: join the waitlist'],
  staffedNow: ['开放中', 'Open now'],
  closedNow: ['已闭馆', 'Closed now'],
  selfService24h: ['24小时自助服务区 不打烊', '24-hour self-service room, always open'],
  occupancy: ['约为容量的 {n}%', 'about {n}% of capacity'],
  walk: ['步行约 {n} 分钟', 'about {n} min walk'],
  notFound: ['未找到该阵地', 'No such center'],
  tooMany: ['访问过于频繁，请稍后再试', 'Too many requests, please try again shortly'],
  quiet: ['人少', 'Quiet'],
  normal: ['适中', 'Normal'],
  busy: ['人多', 'Busy'],
} as const;

export type PublicText = keyof typeof texts;

export function pt(key: PublicText, n?: number): string {
  const text: string = texts[key][currentLanguage() === 'zh-CN' ? 0 : 1];
  return n === undefined ? text : text.replace('{n}', String(n));
}

export function applyPublicTexts(): void {
  document.querySelectorAll<HTMLElement>('[data-public]').forEach((element) => {
    element.textContent = pt(element.dataset.public as PublicText);
  });
}
