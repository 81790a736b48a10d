import type { RolloutView } from '../service/rollouts.js';
import type { AlarmRow, CommandRow, TerminalRow } from '../service/store.js';
import { alarmName, commandName, deviceStatusName, esc, mediaName, resultCodeName, resultName, rolloutStateName } from './html.js';
import type { ResultRow } from '../service/store.js';

/** The status light of one terminal: offline grey, any critical alarm red, any alarm amber, else green. */
export function light(t: TerminalRow, critical: Set<string>): { cls: string; label: string } {
  if (!t.online) return { cls: 'off', label: '离线' };
  if (t.alarms.some((a) => critical.has(a.split(':')[0]!))) return { cls: 'bad', label: '故障' };
  if (t.alarms.length) return { cls: 'warn', label: '注意' };
  return { cls: 'ok', label: '正常' };
}

const CRITICAL = new Set(['paperOut', 'paperJam', 'deviceOffline', 'deviceError', 'paymentUnresolved']);

const deviceCell = (t: TerminalRow) =>
  Object.entries(t.devices)
    .map(
      ([id, d]) =>
        `${esc(id)}：${esc(deviceStatusName[d.status] ?? d.status)}${d.media.length ? `（${d.media.map((m) => esc(mediaName[m] ?? m)).join('、')}）` : ''}`,
    )
    .join('<br>');

export function terminalsPage(
  rows: TerminalRow[],
  q: Record<string, string>,
  counts: { total: number; online: number; versions: Record<string, number> },
  latest: string,
): string {
  const link = (k: string, label: string) =>
    `<a href="/?${k}=1${q.region ? `&region=${encodeURIComponent(q.region)}` : ''}" ${q[k] ? 'aria-current="true"' : ''}>${label}</a>`;
  const groups = new Map<string, TerminalRow[]>();
  for (const t of rows) {
    const k = `${t.region} / ${t.outlet}`;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  const shown = [...groups].slice(0, 200);
  return `
<section><p>共 ${counts.total} 台，在线 ${counts.online} 台；版本：${Object.entries(counts.versions)
    .map(([v, n]) => `${esc(v)} × ${n}`)
    .join('，')}</p>
<p class="filters">筛选：<a href="/">全部</a>${link('offline', '离线')}${link('paperOut', '缺纸')}${link('backlog', '消息积压')}<a href="/?oldVersion=${encodeURIComponent(latest)}">非最新版本（${esc(latest)}）</a></p>
<form method="get" action="/">区域 <input name="region" value="${esc(q.region ?? '')}"> 网点 <input name="outlet" value="${esc(q.outlet ?? '')}"> <button>查询</button></form>
<p class="muted">符合条件 ${rows.length} 台${groups.size > shown.length ? `（仅显示前 ${shown.length} 个网点）` : ''}</p></section>
${shown
  .map(
    ([
      g,
      ts,
    ]) => `<section><h2>${esc(g)}</h2><table><thead><tr><th>终端</th><th>状态</th><th>版本</th><th>设备</th><th>待发送</th><th>办理中</th><th>更新于</th></tr></thead><tbody>
${ts
  .slice(0, 500)
  .map((t) => {
    const l = light(t, CRITICAL);
    return `<tr data-terminal="${esc(t.id)}"><td><a href="/terminals/${encodeURIComponent(t.id)}">${esc(t.id)}</a>${t.locked ? ' 🔒' : ''}</td><td><span class="light ${l.cls}"></span>${l.label}</td><td>${esc(t.version)}</td><td>${deviceCell(t)}</td><td>${t.outboxDepth}</td><td>${t.inSession ? '是' : '否'}</td><td>${esc(t.at)}</td></tr>`;
  })
  .join('\n')}</tbody></table></section>`,
  )
  .join('\n')}`;
}

export function terminalPage(
  t: TerminalRow,
  history: { deviceId: string; status: string; media: string[]; at: string }[],
  alarms: AlarmRow[],
  canCommand: boolean,
): string {
  const l = light(t, CRITICAL);
  return `
<section><p><span class="light ${l.cls}"></span>${l.label} · 版本 ${esc(t.version)} · 事项目录 v${t.catalogVersion} · 待发送 ${t.outboxDepth} · 未决支付 ${t.unfinishedPayments} · ${t.inSession ? '群众办理中' : '空闲'}${t.locked ? ' · 已暂停服务' : ''}</p>
<p class="muted">${esc(t.region)} / ${esc(t.outlet)} · 分组 ${t.groups.map(esc).join('、')} · 启动于 ${esc(t.since)} · 最近上报 ${esc(t.at)}</p>
<h2>设备</h2><p>${deviceCell(t)}</p></section>
<section><h2>设备健康记录</h2>${healthStrips(history)}<table><thead><tr><th>时间</th><th>设备</th><th>状态</th><th>介质</th></tr></thead><tbody>
${history.map((h) => `<tr><td>${esc(h.at)}</td><td>${esc(h.deviceId)}</td><td>${esc(deviceStatusName[h.status] ?? h.status)}</td><td>${h.media.map((m) => esc(mediaName[m] ?? m)).join('、')}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>告警</h2>${alarmsTable(alarms, false)}</section>
${canCommand ? commandForm(`terminal:${t.id}`) : ''}`;
}

export function alarmsTable(alarms: AlarmRow[], canAck: boolean): string {
  return `<table><thead><tr><th>终端</th><th>告警</th><th>级别</th><th>设备</th><th>说明</th><th>发生</th><th>恢复</th><th>确认</th></tr></thead><tbody>
${alarms
  .map(
    (
      a,
    ) => `<tr data-alarm="${esc(a.key)}"><td><a href="/terminals/${encodeURIComponent(a.terminalId)}">${esc(a.terminalId)}</a></td><td>${esc(alarmName[a.kind] ?? a.kind)}</td>
<td class="sev-${esc(a.severity)}">${a.severity === 'critical' ? '严重' : a.severity === 'warning' ? '警告' : '提示'}</td><td>${esc(a.deviceId ?? '')}</td><td>${esc(a.detail)}</td><td>${esc(a.raisedAt)}</td><td>${esc(a.clearedAt ?? '未恢复')}</td>
<td>${a.ackedBy ? `${esc(a.ackedBy)} ${esc(a.ackedAt)}` : canAck ? `<form method="post" action="/alarms/${encodeURIComponent(a.id)}/ack" style="margin:0"><button>确认</button></form>` : '未确认'}</td></tr>`,
  )
  .join('\n')}</tbody></table>`;
}

export function commandForm(target = ''): string {
  return `<form class="card" method="post" action="/commands"><h2>发送指令</h2>
<p>对象 <input name="target" required value="${esc(target)}" placeholder="terminal:终端号 或 group:分组"></p>
<p>指令 <select name="type">${Object.entries(commandName)
    .filter(([k]) => k !== 'update' && k !== 'rollback')
    .map(([k, v]) => `<option value="${k}">${v}</option>`)
    .join('')}</select></p>
<p>说明/通知文字 <input name="message" size="40" placeholder="暂停服务原因或待机通知"> 就近办理点 <input name="alternative" size="30"></p>
<p>日志上传地址 <input name="uploadUrl" size="40" placeholder="https://..."></p>
<p><button>发送</button></p></form>`;
}

export function commandsPage(rows: (CommandRow & { results: Record<string, number> })[], canCommand: boolean): string {
  return `${canCommand ? commandForm() : ''}<section><table><thead><tr><th>时间</th><th>指令</th><th>对象</th><th>发出人</th><th>结果</th></tr></thead><tbody>
${rows
  .map(
    (
      c,
    ) => `<tr data-command="${esc(c.id)}"><td><a href="/commands/${encodeURIComponent(c.id)}">${esc(c.issuedAt)}</a></td><td>${esc(commandName[c.type] ?? c.type)}</td><td>${esc(c.target)}</td><td>${esc(c.issuedBy)}</td>
<td>${
      Object.entries(c.results)
        .map(([s, n]) => `${esc(resultName[s] ?? s)} ${n}`)
        .join('，') || '等待回复'
    }</td></tr>`,
  )
  .join('\n')}</tbody></table></section>`;
}

export function rolloutsPage(rows: RolloutView[], canCreate: boolean): string {
  return `${
    canCreate
      ? `<form class="card" method="post" action="/rollouts"><h2>新建分批发布</h2>
<p>版本 <input name="version" required> 分组 <input name="group" value="all" required></p>
<p>安装包地址 <input name="url" size="50" required> SHA-256 <input name="sha256" size="64" required></p>
<p>发布签名 <input name="signature" size="60" required></p>
<p>分批（%）<input name="stages" value="1,10,50,100"> 健康门槛 <input name="gate" value="0.95" size="5"> 每批时限（秒）<input name="stageTimeout" value="900" size="6"> 观察期（秒）<input name="soak" value="300" size="6"></p>
<p><button>开始发布</button></p></form>`
      : ''
  }<section><table><thead><tr><th>创建</th><th>版本</th><th>分组</th><th>分批</th><th>状态</th><th>当前批</th><th>成功/失败/等待</th><th>回退指令</th><th>说明</th></tr></thead><tbody>
${rows
  .map(
    (
      r,
    ) => `<tr data-rollout="${esc(r.id)}"><td>${esc(r.createdAt)} ${esc(r.createdBy)}</td><td>${esc(r.version)}</td><td>${esc(r.group)}</td><td>${r.stages.join(' → ')}%</td>
<td>${esc(rolloutStateName[r.state] ?? r.state)}</td><td>${r.stages[r.stageIndex] ?? ''}%</td><td>${r.succeeded}/${r.failed}/${r.pending}</td><td>${r.rolledBack}</td><td>${esc(r.detail)}</td></tr>`,
  )
  .join('\n')}</tbody></table></section>`;
}

export function loginPage(error: string | null): string {
  return `<form class="card" method="post" action="/login"><p>用户名 <input name="user" autocomplete="username" required></p>
<p>密码 <input name="password" type="password" autocomplete="current-password" required></p>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}<p><button>登录</button></p></form>`;
}

const HOUR = 3600_000;

/** One strip per device over the last 24 hours: green online, amber media warnings, red faults, grey offline. */
export function healthStrips(history: { deviceId: string; status: string; media: string[]; at: string }[], now = Date.now()): string {
  const from = now - 24 * HOUR;
  const byDevice = new Map<string, { status: string; media: string[]; at: number }[]>();
  for (const h of [...history].sort((a, b) => (a.at < b.at ? -1 : 1)))
    byDevice.set(h.deviceId, [...(byDevice.get(h.deviceId) ?? []), { status: h.status, media: h.media, at: Date.parse(h.at) }]);
  const colour = (e: { status: string; media: string[] }) =>
    e.status === 'offline'
      ? 'var(--muted)'
      : e.status !== 'online' && e.status !== 'busy'
        ? 'var(--accent)'
        : e.media.some((m) => m === 'paperOut' || m === 'paperJam')
          ? 'var(--accent)'
          : e.media.length
            ? 'var(--warning)'
            : 'var(--success)';
  const rows = [...byDevice].map(([id, events], row) => {
    const rects = events
      .map((e, i) => {
        const start = Math.max(e.at, from);
        const end = Math.min(events[i + 1]?.at ?? now, now);
        if (end <= from || end <= start) return '';
        const x = ((start - from) / (24 * HOUR)) * 600;
        const w = Math.max(1, ((end - start) / (24 * HOUR)) * 600);
        return `<rect x="${(120 + x).toFixed(1)}" y="${row * 22}" width="${w.toFixed(1)}" height="16" fill="${colour(e)}"><title>${esc(e.status)} ${esc(e.media.join(','))}</title></rect>`;
      })
      .join('');
    return `<text x="0" y="${row * 22 + 13}" font-size="13">${esc(id)}</text>${rects}`;
  });
  return `<svg role="img" aria-label="最近 24 小时设备状态" width="720" height="${byDevice.size * 22 + 18}" viewBox="0 0 720 ${byDevice.size * 22 + 18}">${rows.join('')}<text x="120" y="${byDevice.size * 22 + 14}" font-size="11">24 小时前</text><text x="690" y="${byDevice.size * 22 + 14}" font-size="11" text-anchor="end">现在</text></svg>`;
}

/** One command's answers, terminal by terminal, with the reason of every failure or refusal in words. */
export function commandPage(results: ResultRow[]): string {
  return `<section><p>${results.length} 台已回复</p><table><thead><tr><th>终端</th><th>结果</th><th>原因</th><th>说明</th><th>时间</th></tr></thead><tbody>
${results
  .map(
    (r) =>
      `<tr><td><a href="/terminals/${encodeURIComponent(r.terminalId)}">${esc(r.terminalId)}</a></td><td>${esc(resultName[r.status] ?? r.status)}</td><td>${esc(r.code ? (resultCodeName[r.code] ?? r.code) : '')}</td><td>${esc(r.detail)}</td><td>${esc(r.at)}</td></tr>`,
  )
  .join('\n')}</tbody></table></section>`;
}
