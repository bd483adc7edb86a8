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
  answeredOnBehalf: ['已由网格长代为登记', 'Recorded for you by your grid lead'],
  archive: ['已结束的通知', 'Closed alerts'],
  askExpired: ['此岗位邀请已过期，已改请他人。', 'This post ask expired: someone else was asked.'],
  askExpiredAnswer: ['您的回复计入点名，但不再计入该岗位。', 'Your answer counts for the roll-call, not for the post.'],
  lateAnswer: ['已计入点名；该岗位已改请他人，此回复不计入岗位。', 'Counted for the roll-call; the post went to someone else, so it does not count for the post.'],
  answerRollCallOnly: ['回复点名（不计入岗位）', 'Answer the roll-call (not the post)'],
  leadAlert: ['网格长提醒', 'Grid lead alert'],
  mobilized: ['已动员，待回复', 'Mobilized, please answer'],
  phaseRunning: ['进行中', 'Running'],
  phaseEnded: ['已结束', 'Ended'],
  phaseCancelled: ['已取消', 'Cancelled'],
  runningEmergencies: ['进行中的应急事件', 'Running emergencies'],
  noneRunning: ['暂无进行中的应急事件', 'None running'],
  levelLabel: ['响应级别', 'Level'],
  changeLevel: ['调整级别', 'Change level'],
  end: ['结束响应', 'End'],
  cancel: ['取消响应', 'Cancel'],
  cancelReason: ['取消原因（将告知所有人）', 'Reason (everyone is told)'],
  reasonNeeded: ['请填写取消原因', 'Give the reason'],
  confirm: ['确认', 'Confirm'],
  back: ['返回', 'Back'],
  willEnd: ['结束应急响应：将向 {n} 人发送结束通知，所有人的状态将冻结。', 'End the emergency: an end notice goes to {n} people and every status freezes.'],
  willCancel: ['取消应急响应：将向 {n} 人发送解除通知（原因：{reason}），所有人的状态将冻结。', 'Cancel the emergency: a stand-down notice goes to {n} people (reason: {reason}) and every status freezes.'],
  willChangeLevel: ['调整响应级别：{from} → {to}，将向 {n} 人发送级别调整通知。', 'Change the level {from} → {to}: an update goes to {n} people.'],
  willAnswerFor: ['代为登记：{name} 的状态将记为「{status}」（备注：{comment}），记入审计日志。', 'Answer for {name}: their status becomes "{status}" (comment: {comment}); the audit log keeps it.'],
  onBehalf: ['代答', 'Answer for'],
  onBehalfComment: ['备注：谁说的、如何联系的', 'Comment: who said so, and how'],
  commentNeeded: ['请填写备注', 'Give a comment'],
  posts: ['岗位与定额', 'Posts and quotas'],
  quota: ['定额', 'Quota'],
  asked: ['已询问', 'Asked'],
  acceptedCount: ['已接受', 'Accepted'],
  atPostCount: ['已到岗', 'At post'],
  reserveLeft: ['后备剩余', 'Reserve left'],
  filled: ['已满', 'Filled'],
  short: ['缺 {n}', '{n} short'],
  escalations: ['升级告警', 'Escalations'],
  escalatedToLeads: ['已升级至网格长：{n} 人未应答（{grids} 个网格）', 'Escalated to grid leads: {n} unanswered ({grids} grids)'],
  escalatedToCommand: ['已升级至指挥中心：{n} 人未应答（{grids} 个网格）', 'Escalated to the command center: {n} unanswered ({grids} grids)'],
  done: ['已完成', 'Done'],
  myOrders: ['我的接单', 'My orders'],
  openOrders: ['附近待接的单', 'Open orders near me'],
  noOrders: ['暂无', 'None'],
  claim: ['接单', 'Claim'],
  claimed: ['已接单：第 {position} 位，共需 {needed} 人', 'Claimed: {position} of {needed}'],
  peopleClaimed: ['已接 {claimed} / 需 {needed} 人', '{claimed} of {needed} people'],
  dueIn: ['剩余 {time}', '{time} left'],
  overdue: ['已超时', 'Overdue'],
  skillsNeeded: ['需要技能', 'Skills needed'],
  openOrdersByAge: ['待办求助与派单（按时长）', 'Open requests and orders by age'],
  ageUnder1h: ['1 小时内', 'Under 1 h'],
  age1to4h: ['1–4 小时', '1–4 h'],
  age4to24h: ['4–24 小时', '4–24 h'],
  ageOver1d: ['超过 1 天', 'Over a day'],
  ageHours: ['{h} 小时', '{h} h'],
  orderTag: ['派单', 'Order'],
  requestTag: ['求助', 'Request'],
  myShifts: ['我的值班', 'My shifts'],
  openShifts: ['可报名的值班', 'Open shifts I can take'],
  takeShift: ['报名值班', 'Sign up'],
  shiftTaken: ['已报名：{taken} / {max} 人', 'Signed up: {taken} of {max}'],
  shiftPeople: ['已报 {taken} 人，需 {min}–{max} 人', '{taken} signed up, needs {min}–{max}'],
  shiftInvited: ['邀请您', 'You are invited'],
  attended: ['已到岗', 'Attended'],
  noShow: ['未到岗', 'No-show'],
  shiftsAtRisk: ['人手不足的值班（24 小时内）', 'Shifts short of people (next 24 h)'],
  myAvailability: ['我的空闲时间', 'When I can serve'],
  availabilityHint: ['值班人手不足时，会邀请空闲时间覆盖整个班次的人。', 'A shift short of people invites those whose windows cover all of it.'],
  addWindow: ['添加时段', 'Add'],
  removeWindow: ['删除', 'Remove'],
  saveAvailability: ['保存空闲时间', 'Save'],
  availabilitySaved: ['已保存', 'Saved'],
  notAvailable: ['未设置：不会收到值班邀请', 'None: no shift invitations'],
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

/** A text with {placeholders} filled in. */
export function tf(key: TextKey, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const emergencyLevelNames: Record<string, [string, string]> = {
  blue: ['蓝色', 'Blue'],
  yellow: ['黄色', 'Yellow'],
  orange: ['橙色', 'Orange'],
  red: ['红色', 'Red'],
};

export const emergencyLevels = Object.keys(emergencyLevelNames);

export function emergencyLevelName(name: string): string {
  return emergencyLevelNames[name]?.[index()] ?? name;
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
