// zh-CN by default, English on request; the choice is remembered per browser.

export type Language = 'zh-CN' | 'en';

const texts = {
  title: ['连心 · 指挥中心', 'Lianxin · Command Center'],
  volunteerTitle: ['连心 · 志愿者', 'Lianxin · Volunteer'],
  switchLanguage: ['English', '中文'],
  connecting: ['连接中…', 'Connecting…'],
  live: ['实时', 'Live'],
  reconnecting: ['重新连接中…', 'Reconnecting…'],
  offline: ['已断开', 'Offline'],
  peopleInside: ['在馆人数', 'People inside'],
  checkInsToday: ['今日签到', 'Check-ins today'],
  volunteersOnDuty: ['在岗志愿者', 'Volunteers on duty'],
  openHelpRequests: ['待办求助', 'Open help requests'],
  kiosksOnline: ['终端在线', 'Kiosks online'],
  centers: ['阵地数', 'Centers'],
  byFunction: ['按功能签到', 'Check-ins by function'],
  centerCard: ['阵地实时卡片', 'Center live card'],
  clickCenter: ['点击地图上的阵地查看实时情况', 'Click a center on the map for its live card'],
  level: ['层级', 'Level'],
  status: ['状态', 'Status'],
  hours: ['开放时间', 'Staffed hours'],
  updated: ['更新于', 'Updated'],
  grids: ['网格', 'Grids'],
  open: ['开放中', 'Open'],
  closed: ['已闭馆', 'Closed'],
  selfService: ['自助服务中', 'Self-service only'],
  kioskOffline: ['终端离线', 'Kiosk offline'],
  emergency: ['应急处置中', 'Emergency active'],
  legend: ['图例', 'Legend'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  token: ['访问令牌', 'Access token'],
  volunteerId: ['志愿者编号', 'Volunteer id'],
  demoSignIn: ['演示模式：输入编号即可登录', 'Demo mode: sign in with an id'],
  myStatus: ['我的状态', 'My status'],
  noAlert: ['暂无警报', 'No alert'],
  drill: ['演练', 'DRILL'],
  instruction: ['指令', 'Instruction'],
  post: ['岗位', 'Post'],
  answered: ['已回复', 'Answered'],
  home: ['所属网格', 'Home grid'],
  resyncs: ['重新同步', 'Resyncs'],
  error: ['出错了', 'Error'],
  emergencyPanel: ['应急指挥', 'Emergency'],
  scenario: ['预案', 'Scenario'],
  preview: ['预览', 'Preview'],
  launchDrill: ['启动演练', 'Launch drill'],
  confirmLaunch: ['确认启动', 'Confirm launch'],
  willReach: ['将通知', 'Will reach'],
  people: ['人', 'people'],
  noEmergency: ['当前无应急事件', 'No emergency running'],
  accounted: ['已掌握', 'Accounted'],
  accountedOverTime: ['已掌握比例趋势', '% accounted over time'],
  perGrid: ['分网格点名', 'Roll-call per grid'],
  unaccounted: ['未回复人员', 'Unaccounted'],
  grid: ['网格', 'Grid'],
  total: ['应到', 'Total'],
  test: ['测试', 'TEST'],
  answer: ['回复', 'Answer'],
} as const;

export type TextKey = keyof typeof texts;

const functionNames: Record<string, [string, string]> = {
  partyBuilding: ['党建服务', 'Party building'],
  officeDeliberation: ['办公议事', 'Office & deliberation'],
  convenienceServices: ['便民办事', 'Convenience services'],
  grassrootsGovernance: ['基层治理', 'Grassroots governance'],
  careAssistance: ['关爱帮扶', 'Care & assistance'],
  developmentSupport: ['助力发展', 'Development support'],
  volunteerService: ['志愿服务', 'Volunteer service'],
  cultureSportsLeisure: ['文体休闲', 'Culture, sports & leisure'],
  emergencySupport: ['应急保障', 'Emergency support'],
  publicityDisplay: ['宣传展示', 'Publicity & display'],
};

const levelNames: Record<string, [string, string]> = {
  district: ['区', 'District'],
  town: ['镇', 'Town'],
  street: ['街道', 'Street'],
  managementCommittee: ['管委会', 'Management committee'],
  village: ['村', 'Village'],
  community: ['社区', 'Community'],
  sectorSite: ['行业阵地', 'Sector site'],
  redSailStation: ['红帆驿站', 'Red Sail station'],
};

const volunteerStatusNames: Record<string, [string, string]> = {
  offDuty: ['未在岗', 'Off duty'],
  onDuty: ['在岗', 'On duty'],
  mobilized: ['已动员', 'Mobilized'],
  atPost: ['已到岗', 'At post'],
};

const rollCallStatusNames: Record<string, [string, string]> = {
  unknown: ['通知未送达', 'Not reached yet'],
  notified: ['已送达·未回复', 'Reached, no answer'],
  acknowledged: ['收到', 'Received'],
  enRoute: ['在路上', 'On my way'],
  atPost: ['已到岗', 'At post'],
  unavailable: ['无法前往', 'Cannot come'],
  needHelp: ['需要帮助', 'Need help'],
};

export const rollCallStatuses = Object.keys(rollCallStatusNames);

export function rollCallStatusName(name: string): string {
  return rollCallStatusNames[name]?.[index()] ?? name;
}

let language: Language = (localStorage.getItem('lianxin.language') as Language | null) ?? 'zh-CN';

export function currentLanguage(): Language {
  return language;
}

export function setLanguage(next: Language): void {
  language = next;
  localStorage.setItem('lianxin.language', next);
  document.documentElement.lang = next;
  applyTexts();
}

const index = (): 0 | 1 => (language === 'zh-CN' ? 0 : 1);

export function t(key: TextKey): string {
  return texts[key][index()];
}

export function functionName(name: string): string {
  return functionNames[name]?.[index()] ?? name;
}

export function volunteerStatusName(name: string): string {
  return volunteerStatusNames[name]?.[index()] ?? name;
}

export function levelName(name: string): string {
  return levelNames[name]?.[index()] ?? name;
}

/** Fills every element marked data-text="key" with that text in the current language. */
export function applyTexts(root: ParentNode = document): void {
  document.documentElement.lang = language;
  root.querySelectorAll<HTMLElement>('[data-text]').forEach((element) => {
    element.textContent = t(element.dataset.text as TextKey);
  });
}

export const allFunctions = Object.keys(functionNames);
