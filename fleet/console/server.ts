import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandBodySchema, type CommandBody } from '../../main/core/fleet/protocol.js';
import type { Target } from '../service/commands.js';
import type { FleetService } from '../service/fleet-service.js';
import { atLeast, isRole, Sessions, verifyPassword, hashPassword, type ConsoleSession, type Role } from './auth.js';
import { esc, page, roleName } from './html.js';
import { alarmsTable, commandPage, commandsPage, loginPage, rolloutsPage, terminalPage, terminalsPage } from './pages.js';

const COOKIE = 'zwfleet';
const MAX_BODY = 64 * 1024;

interface Req {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  session: ConsoleSession | null;
  token: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}

type Reply = { status: number; html?: string; json?: unknown; redirect?: string; cookie?: string };

/**
 * The operations console: server-rendered Chinese pages (and the same data as JSON under /api) over the fleet
 * service. Every page needs a login; viewers read, operators acknowledge alarms and send commands, administrators
 * also run rollouts and manage users. Every action is written to the audit trail.
 */
export class ConsoleServer {
  private server: http.Server | null = null;
  readonly sessions: Sessions;

  constructor(
    private readonly fleet: FleetService,
    private readonly opts: { latestVersion: () => string },
  ) {
    this.sessions = new Sessions(fleet.store.sql);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    return `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://console');
      let body = '';
      for await (const chunk of req) {
        body += chunk;
        if (body.length > MAX_BODY) return void res.writeHead(413).end();
      }
      const token = /(?:^|;\s*)zwfleet=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      const r: Req = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        form: req.headers['content-type']?.includes('json')
          ? (JSON.parse(body || '{}') as Record<string, string>)
          : Object.fromEntries(new URLSearchParams(body)),
        session: await this.sessions.get(token),
        token,
        origin: req.headers.origin,
        host: req.headers.host,
      };
      const out = await this.route(r);
      const headers: Record<string, string> = {
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      };
      if (out.cookie) headers['set-cookie'] = out.cookie;
      if (out.redirect) return void res.writeHead(303, { ...headers, location: out.redirect }).end();
      if (out.json !== undefined)
        return void res.writeHead(out.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(out.json));
      res.writeHead(out.status, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(out.html ?? '');
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`内部错误：${(err as Error).message}`);
    }
  }

  private async route(r: Req): Promise<Reply> {
    const store = this.fleet.store;
    if (r.method === 'POST' && r.origin && r.host && new URL(r.origin).host !== r.host) return { status: 403, html: '跨站请求被拒绝' };
    if (r.path === '/login' && r.method === 'GET') return { status: 200, html: page('登录', loginPage(null), null) };
    if (r.path === '/login' && r.method === 'POST') {
      const user = await store.user(r.form.user ?? '');
      if (!user || !isRole(user.role) || !(await verifyPassword(r.form.password ?? '', user.passwordHash))) {
        await store.audit(r.form.user ?? '?', 'login.failed', {});
        return { status: 401, html: page('登录', loginPage('用户名或密码错误'), null) };
      }
      await store.audit(user.name, 'login', {});
      return {
        status: 303,
        redirect: '/',
        cookie: `${COOKIE}=${await this.sessions.create(user.name, user.role)}; HttpOnly; SameSite=Strict; Path=/`,
      };
    }
    const s = r.session;
    const api = r.path.startsWith('/api/');
    if (!s) return api ? { status: 401, json: { error: 'login required' } } : { status: 303, redirect: '/login' };
    const need = (role: Role): Reply | null =>
      atLeast(s.role, role)
        ? null
        : api
          ? { status: 403, json: { error: `needs ${role}` } }
          : { status: 403, html: page('无权限', `<p>需要${roleName[role]}权限。</p>`, s) };
    if (r.path === '/logout' && r.method === 'POST') {
      await this.sessions.end(r.token);
      await store.audit(s.user, 'logout', {});
      return { status: 303, redirect: '/login', cookie: `${COOKIE}=; Max-Age=0; Path=/` };
    }

    if (r.method === 'GET' && (r.path === '/' || r.path === '/api/terminals')) {
      const q = r.query;
      const rows = await store.terminals({
        region: q.region,
        outlet: q.outlet,
        group: q.group,
        offline: !!q.offline,
        paperOut: !!q.paperOut,
        backlog: !!q.backlog,
        oldVersion: q.oldVersion,
      });
      if (api) return { status: 200, json: rows };
      const counts = await store.counts();
      const latest = this.opts.latestVersion() || newestVersion(Object.keys(counts.versions));
      return { status: 200, html: page('终端总览', terminalsPage(rows, q, counts, latest), s) };
    }
    const term = /^\/(api\/)?terminals\/([\w-]+)$/.exec(r.path);
    if (r.method === 'GET' && term) {
      const t = await store.terminal(term[2]!);
      if (!t)
        return api
          ? { status: 404, json: { error: 'no such terminal' } }
          : { status: 404, html: page('未找到', '<p>没有这台终端。</p>', s) };
      const history = await store.deviceHistory(t.id);
      const alarms = await store.alarms({ terminalId: t.id, limit: 100 });
      if (api) return { status: 200, json: { terminal: t, history, alarms } };
      return { status: 200, html: page(`终端 ${t.id}`, terminalPage(t, history, alarms, atLeast(s.role, 'operator')), s) };
    }
    if (r.method === 'GET' && (r.path === '/alarms' || r.path === '/api/alarms')) {
      const alarms = await store.alarms({ open: r.query.all ? false : true });
      if (api) return { status: 200, json: alarms };
      return {
        status: 200,
        html: page(
          '告警',
          `<p><a href="/alarms">未恢复</a> · <a href="/alarms?all=1">全部</a></p><section>${alarmsTable(alarms, atLeast(s.role, 'operator'))}</section>`,
          s,
        ),
      };
    }
    const ack = /^\/(api\/)?alarms\/([\w-]+)\/ack$/.exec(r.path);
    if (r.method === 'POST' && ack) {
      const denied = need('operator');
      if (denied) return denied;
      const ok = await store.ackAlarm(ack[2]!, s.user, new Date().toISOString());
      await store.audit(s.user, 'alarm.acknowledged', { alarm: ack[2], ok });
      return api ? { status: ok ? 200 : 409, json: { ok } } : { status: 303, redirect: '/alarms' };
    }
    if (r.method === 'GET' && (r.path === '/commands' || r.path === '/api/commands')) {
      const rows = await store.commands();
      if (api) return { status: 200, json: rows };
      return { status: 200, html: page('指令', commandsPage(rows, atLeast(s.role, 'operator')), s) };
    }
    const cmd = /^\/(api\/)?commands\/([\w-]+)$/.exec(r.path);
    if (r.method === 'GET' && cmd) {
      const results = await store.results(cmd[2]!);
      return cmd[1] ? { status: 200, json: results } : { status: 200, html: page('指令结果', commandPage(results), s) };
    }
    if (r.method === 'POST' && (r.path === '/commands' || r.path === '/api/commands')) {
      const denied = need('operator');
      if (denied) return denied;
      const parsed = parseCommandForm(r.form);
      if (!parsed.ok)
        return api
          ? { status: 400, json: { error: parsed.error } }
          : { status: 400, html: page('指令', `<p class="error">${esc(parsed.error)}</p>`, s) };
      const c = await this.fleet.commands.send(parsed.target, parsed.body, s.user);
      await store.audit(s.user, 'command.sent', { id: c.id, target: c.target, type: c.body.type });
      return api ? { status: 202, json: { id: c.id } } : { status: 303, redirect: '/commands' };
    }
    if (r.method === 'GET' && (r.path === '/rollouts' || r.path === '/api/rollouts')) {
      const rows = (await this.fleet.rollouts?.list()) ?? [];
      if (api) return { status: 200, json: rows };
      return { status: 200, html: page('版本发布', rolloutsPage(rows, atLeast(s.role, 'administrator')), s) };
    }
    if (r.method === 'POST' && (r.path === '/rollouts' || r.path === '/api/rollouts')) {
      const denied = need('administrator');
      if (denied) return denied;
      if (!this.fleet.rollouts) return { status: 409, json: { error: 'this replica does not run rollouts' } };
      const f = r.form;
      const stages = String(f.stages ?? '1,10,50,100')
        .split(',')
        .map(Number);
      if (!stages.length || stages.some((x) => !(x > 0 && x <= 100)) || stages.at(-1) !== 100)
        return { status: 400, json: { error: 'stages: increasing percentages ending at 100' } };
      const id = await this.fleet.rollouts.create(
        {
          version: String(f.version),
          group: String(f.group ?? 'all'),
          package: { url: String(f.url), sha256: String(f.sha256), signature: String(f.signature) },
          stages,
          gate: Number(f.gate ?? 0.95),
          stageTimeoutMs: Number(f.stageTimeout ?? 900) * 1000,
          soakMs: Number(f.soak ?? 300) * 1000,
        },
        s.user,
      );
      return api ? { status: 202, json: { id } } : { status: 303, redirect: '/rollouts' };
    }
    if (r.method === 'GET' && (r.path === '/audit' || r.path === '/api/audit')) {
      const denied = need('administrator');
      if (denied) return denied;
      const rows = await store.auditLog();
      if (api) return { status: 200, json: rows };
      return {
        status: 200,
        html: page(
          '审计日志',
          `<section><table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>详情</th></tr></thead><tbody>${rows.map((a) => `<tr><td>${esc(a.at)}</td><td>${esc(a.actor)}</td><td>${esc(a.action)}</td><td>${esc(JSON.stringify(a.detail))}</td></tr>`).join('')}</tbody></table></section>`,
          s,
        ),
      };
    }
    if (r.path === '/users' || r.path === '/api/users') {
      const denied = need('administrator');
      if (denied) return denied;
      if (r.method === 'POST') {
        if (!/^[\w.-]{2,32}$/.test(r.form.user ?? '') || !isRole(r.form.role ?? '') || (r.form.password ?? '').length < 10)
          return { status: 400, html: page('用户', '<p class="error">用户名 2–32 位，角色有效，密码至少 10 位。</p>', s) };
        await store.putUser(r.form.user!, r.form.role!, await hashPassword(r.form.password!));
        await store.audit(s.user, 'user.saved', { user: r.form.user, role: r.form.role });
        return api ? { status: 200, json: { ok: true } } : { status: 303, redirect: '/users' };
      }
      const users = await store.users();
      return {
        status: 200,
        html: page(
          '用户',
          `<section><table><tbody>${users.map((u) => `<tr><td>${esc(u.name)}</td><td>${esc(roleName[u.role] ?? u.role)}</td></tr>`).join('')}</tbody></table></section>
<form class="card" method="post" action="/users"><p>用户名 <input name="user"> 角色 <select name="role"><option value="viewer">查看员</option><option value="operator">操作员</option><option value="administrator">管理员</option></select> 密码 <input name="password" type="password"></p><p><button>保存</button></p></form>`,
          s,
        ),
      };
    }
    return api ? { status: 404, json: { error: 'not found' } } : { status: 404, html: page('未找到', '', s) };
  }
}

/** The console's command form (or JSON) → a target and a validated command body. */
export function parseCommandForm(
  f: Record<string, string>,
): { ok: true; target: Target; body: CommandBody } | { ok: false; error: string } {
  const m = /^(terminal|group):([A-Za-z0-9-]{1,64})$/.exec(String(f.target ?? ''));
  if (!m) return { ok: false, error: '对象应为 terminal:终端号 或 group:分组' };
  const target: Target = m[1] === 'terminal' ? { terminal: m[2]! } : { group: m[2]! };
  const raw: Record<string, unknown> = { type: f.type };
  if (f.type === 'lock') Object.assign(raw, { message: f.message ?? '', alternative: f.alternative ?? '' });
  if (f.type === 'notice') raw.text = f.message ? f.message : null;
  if (f.type === 'collectLogs') raw.uploadUrl = f.uploadUrl;
  if (f.type === 'update') Object.assign(raw, { version: f.version, url: f.url, sha256: f.sha256, signature: f.signature });
  const body = CommandBodySchema.safeParse(raw);
  if (!body.success) return { ok: false, error: `指令参数有误：${body.error.issues[0]?.message ?? ''}` };
  return { ok: true, target, body: body.data };
}

/** The highest of dotted version numbers (1.10.0 > 1.9.2), for the "not on the latest version" filter when none is configured. */
export function newestVersion(versions: string[]): string {
  const parts = (v: string) => v.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  return (
    [...versions].sort((a, b) => {
      const [pa, pb] = [parts(a), parts(b)];
      for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const [x, y] = [pa[i] ?? 0, pb[i] ?? 0];
        if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(y).localeCompare(String(x));
      }
      return 0;
    })[0] ?? ''
  );
}
