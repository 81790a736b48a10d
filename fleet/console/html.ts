import { tokens } from '../../renderer/src/theme/tokens.js';

/** Server-rendered pages of the operations console, styled with the kiosk's design tokens (same colours, radius, spacing). */

export const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const c = tokens.color;
const s = tokens.size;
const css = `
:root { --bg: ${c.background}; --surface: ${c.surface}; --text: ${c.text}; --muted: ${c.textMuted}; --primary: ${c.primary};
  --primary-text: ${c.primaryText}; --accent: ${c.accent}; --success: ${c.success}; --warning: ${c.warning}; --focus: ${c.focus};
  --radius: ${s.radius / 2}px; --gap: ${s.gap / 2}px; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; background: var(--bg); color: var(--text); font-size: 15px; }
header { background: var(--primary); color: var(--primary-text); padding: 10px var(--gap); display: flex; gap: var(--gap); align-items: center; }
header a { color: var(--primary-text); text-decoration: none; font-weight: 600; }
header .who { margin-inline-start: auto; }
main { padding: var(--gap); }
section, form.card { background: var(--surface); border-radius: var(--radius); padding: var(--gap); margin-block-end: var(--gap); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: 6px 8px; border-block-end: 1px solid #dde3ea; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.light { display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-inline-end: 6px; vertical-align: middle; }
.ok { background: var(--success); } .warn { background: var(--warning); } .bad { background: var(--accent); } .off { background: #8c96a3; }
.sev-critical { color: var(--accent); font-weight: 700; } .sev-warning { color: var(--warning); font-weight: 700; }
button, input[type=submit] { background: var(--primary); color: var(--primary-text); border: 0; border-radius: var(--radius); padding: 6px 14px; font: inherit; cursor: pointer; }
input, select { font: inherit; padding: 4px 6px; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid var(--focus); }
.filters a { margin-inline-end: 12px; }
.muted { color: var(--muted); }
.error { color: var(--accent); font-weight: 700; }
`;

export function page(title: string, body: string, who: { user: string; role: string } | null): string {
  const nav = who
    ? `<a href="/">终端</a><a href="/alarms">告警</a><a href="/commands">指令</a><a href="/rollouts">版本发布</a>${who.role === 'administrator' ? '<a href="/audit">审计</a><a href="/users">用户</a>' : ''}
       <span class="who">${esc(who.user)}（${esc(roleName[who.role] ?? who.role)}）</span><form method="post" action="/logout" style="margin:0"><button>退出</button></form>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} · 自助终端运维平台</title><style>${css}</style></head>
<body><header><strong>自助终端运维平台</strong>${nav}</header><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

export const roleName: Record<string, string> = { viewer: '查看员', operator: '操作员', administrator: '管理员' };

export const deviceStatusName: Record<string, string> = {
  online: '正常',
  offline: '离线',
  busy: '忙碌',
  hardwareError: '硬件故障',
  userError: '待处理',
};

export const mediaName: Record<string, string> = {
  paperLow: '纸少',
  paperOut: '缺纸',
  paperJam: '卡纸',
  coverOpen: '盖板打开',
  tonerLow: '墨粉低',
  feederEmpty: '进纸器空',
  cardPresent: '有卡',
};

export const alarmName: Record<string, string> = {
  paperLow: '纸张不足',
  paperOut: '缺纸',
  paperJam: '卡纸',
  deviceOffline: '设备离线',
  deviceError: '设备故障',
  outboxBacklog: '待发送消息积压',
  paymentUnresolved: '支付未决',
  diskLow: '磁盘空间不足',
  terminalOffline: '终端离线',
};

export const commandName: Record<string, string> = {
  restart: '重启',
  syncCatalog: '立即同步事项',
  lock: '暂停服务',
  unlock: '恢复服务',
  notice: '待机通知',
  collectLogs: '收集日志',
  update: '升级',
  rollback: '回退版本',
};

export const resultName: Record<string, string> = { queued: '排队（等待办理结束）', done: '完成', failed: '失败', refused: '拒绝' };
/** Why a command failed or was refused (the terminal's codes), for operators. */
export const resultCodeName: Record<string, string> = {
  badSignature: '签名无效（非本平台发出）',
  badMessage: '指令格式错误',
  expired: '指令已过期',
  replayed: '重复指令（已执行过）',
  wrongTarget: '指令对象不符',
  unsupported: '终端不支持',
  syncFailed: '事项同步失败',
  uploadFailed: '日志上传失败',
  downloadFailed: '安装包下载失败',
  hashMismatch: '安装包校验值不符',
  badReleaseSignature: '安装包签名无效',
  installFailed: '安装失败',
  noPreviousVersion: '没有可回退的版本',
  updateInProgress: '正在升级',
  unavailable: '终端未开启此功能',
};

export const rolloutStateName: Record<string, string> = { running: '进行中', completed: '已完成', halted: '已中止并回退' };
