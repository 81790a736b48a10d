/**
 * The personas' cases (办件) as stories: which real matter, through which channel, what happened when, and where
 * it stands. Times are days ago (with a time of day in Shanghai), so the cases never rot; `case-book.ts` turns them
 * into dated cases when the emulator starts. Together they cover every state and every way a result is delivered:
 * finished cases, one waiting for 补正材料, results ready in a self-service pick-up cabinet, one posted with a
 * tracking number, one 不予受理.
 */

export type StoryState = 'accepted' | 'reviewing' | 'decided' | 'completed' | 'rejected' | 'needsSupplement';
export type StoryChannel = 'window' | 'online' | 'terminal' | 'mobile';
/** Days ago and the time of day (Asia/Shanghai); negative days are in the future (deadlines). */
export type When = [daysAgo: number, time: string];

export type StoryDelivery =
  | { method: 'window'; status: 'preparing' | 'ready' | 'collected' }
  | { method: 'post'; status: 'preparing' | 'sent' | 'delivered'; carrier: string; trackingNumber: string | null }
  | { method: 'selfService'; status: 'preparing' | 'ready' | 'collected'; place: string }
  | { method: 'electronic'; status: 'preparing' | 'issued' };

export interface CaseStory {
  matterId: string;
  channel: StoryChannel;
  /** The first event is the submission. */
  events: { at: When; state: StoryState; title: string; note?: string }[];
  result?: { outcome: 'granted' | 'refused' | 'notAccepted'; name: string; note?: string; delivery: StoryDelivery };
  nextStep?: { kind: 'supplement'; materials: { name: string; reason?: string }[]; deadline: When } | { kind: 'collect'; until: When };
}

const cabinet = '广安区政务服务中心 24小时自助服务区 智能取件柜';

/** By persona id (emulators/idcard/personas.ts). */
export const caseStories: Record<string, CaseStory[]> = {
  adult: [
    {
      matterId: 'sc-511602-0038', // 普通护照签发
      channel: 'window',
      events: [
        { at: [12, '10:20'], state: 'accepted', title: '窗口受理' },
        { at: [11, '09:40'], state: 'reviewing', title: '出入境管理大队审查' },
        { at: [8, '15:10'], state: 'decided', title: '审批通过', note: '准予签发' },
        { at: [6, '11:00'], state: 'decided', title: '制证完成' },
        { at: [5, '16:30'], state: 'completed', title: '证件已邮寄', note: '中国邮政 EMS' },
      ],
      result: {
        outcome: 'granted',
        name: '普通护照',
        delivery: { method: 'post', status: 'sent', carrier: '中国邮政 EMS', trackingNumber: '1190476523814' },
      },
    },
    {
      matterId: 'sc-511602-0519', // 社会保障卡补领、换领、换发
      channel: 'terminal',
      events: [
        { at: [3, '21:05'], state: 'accepted', title: '自助终端提交，系统受理' },
        { at: [2, '10:15'], state: 'reviewing', title: '社保卡服务中心审核' },
        { at: [1, '14:40'], state: 'decided', title: '制卡完成' },
        { at: [0, '08:30'], state: 'completed', title: '已投递至智能取件柜', note: '凭本人身份证在取件柜取卡' },
      ],
      result: { outcome: 'granted', name: '社会保障卡', delivery: { method: 'selfService', status: 'ready', place: cabinet } },
      nextStep: { kind: 'collect', until: [-14, '23:59'] },
    },
    {
      matterId: 'sc-511602-0059', // 无犯罪记录证明
      channel: 'online',
      events: [
        { at: [40, '19:12'], state: 'accepted', title: '网上申请，预审通过' },
        { at: [39, '10:02'], state: 'reviewing', title: '派出所核查' },
        { at: [36, '16:45'], state: 'completed', title: '证明已出具', note: '电子证明已推送至电子证照库' },
      ],
      result: { outcome: 'granted', name: '无犯罪记录证明', delivery: { method: 'electronic', status: 'issued' } },
    },
    {
      matterId: 'sc-511602-0034', // 户口迁移审批
      channel: 'mobile',
      events: [
        { at: [2, '12:30'], state: 'accepted', title: '移动端申请，受理' },
        { at: [1, '09:20'], state: 'reviewing', title: '户政科审查' },
      ],
    },
  ],
  elderly: [
    {
      matterId: 'sc-511602-0617', // 残疾人证新办
      channel: 'online',
      events: [
        { at: [6, '15:00'], state: 'accepted', title: '网上申请，受理' },
        { at: [5, '10:30'], state: 'reviewing', title: '区残联审核' },
        { at: [2, '11:20'], state: 'needsSupplement', title: '需补正材料', note: '请在期限内补交，逾期视为撤回申请' },
      ],
      nextStep: {
        kind: 'supplement',
        materials: [
          { name: '近期免冠一寸照片', reason: '原照片背景不是白色' },
          { name: '二级以上医院出具的残疾评定表', reason: '缺少评定医生签字' },
        ],
        deadline: [-5, '17:00'],
      },
    },
    {
      matterId: 'sc-511602-0457', // 80周岁以上老年人高龄津贴发放
      channel: 'window',
      events: [
        { at: [20, '09:45'], state: 'accepted', title: '窗口受理', note: '子女代办' },
        { at: [18, '14:00'], state: 'reviewing', title: '街道民政办审核' },
        { at: [12, '10:10'], state: 'decided', title: '审批通过' },
        { at: [10, '09:00'], state: 'completed', title: '已办结', note: '津贴按月发放至社会保障卡金融账户' },
      ],
      result: { outcome: 'granted', name: '高龄津贴', delivery: { method: 'electronic', status: 'issued' } },
    },
    {
      matterId: 'sh-kiosk-112', // 居住证签注
      channel: 'terminal',
      events: [{ at: [1, '20:15'], state: 'accepted', title: '自助终端提交，系统受理' }],
    },
  ],
  minority: [
    {
      matterId: 'sc-511602-0757', // 生育津贴支付
      channel: 'online',
      events: [
        { at: [15, '11:00'], state: 'accepted', title: '网上申请，受理' },
        { at: [13, '16:20'], state: 'reviewing', title: '医保经办机构审核' },
        { at: [4, '10:05'], state: 'decided', title: '核定待遇', note: '待财务拨付' },
      ],
      result: { outcome: 'granted', name: '生育津贴', delivery: { method: 'electronic', status: 'preparing' } },
    },
    {
      matterId: 'sc-511602-0336', // 《出生医学证明》首次签发
      channel: 'window',
      events: [
        { at: [30, '10:00'], state: 'accepted', title: '窗口受理' },
        { at: [30, '15:30'], state: 'decided', title: '审核通过' },
        { at: [28, '09:10'], state: 'completed', title: '已领取', note: '窗口领取' },
      ],
      result: { outcome: 'granted', name: '出生医学证明', delivery: { method: 'window', status: 'collected' } },
    },
  ],
  longterm: [
    {
      matterId: 'sc-511602-0591', // 企业职工基本养老保险正常退休申请
      channel: 'window',
      events: [
        { at: [9, '10:40'], state: 'accepted', title: '窗口受理' },
        { at: [7, '15:00'], state: 'reviewing', title: '养老保险科审核', note: '核定视同缴费年限' },
      ],
    },
    {
      matterId: 'sc-511602-0454', // 重度残疾人护理补贴
      channel: 'online',
      events: [
        { at: [25, '08:55'], state: 'accepted', title: '网上申请' },
        { at: [24, '11:30'], state: 'rejected', title: '不予受理', note: '申请人户籍不在本区，请向户籍所在地民政部门申请' },
      ],
      result: {
        outcome: 'notAccepted',
        name: '不予受理通知书',
        note: '申请人户籍不在本区',
        delivery: { method: 'electronic', status: 'issued' },
      },
    },
  ],
  expired: [
    {
      matterId: 'sc-511602-0043', // 居民身份证办理（包括临时）
      channel: 'window',
      events: [
        { at: [4, '14:20'], state: 'accepted', title: '窗口受理', note: '证件到期换领' },
        { at: [3, '09:30'], state: 'decided', title: '审核通过，制证中' },
      ],
      result: { outcome: 'granted', name: '居民身份证', delivery: { method: 'window', status: 'preparing' } },
    },
    {
      matterId: 'sc-511602-0739', // 医保电子凭证申领
      channel: 'mobile',
      events: [
        { at: [60, '22:10'], state: 'accepted', title: '移动端申请' },
        { at: [60, '22:11'], state: 'completed', title: '即时办结' },
      ],
      result: { outcome: 'granted', name: '医保电子凭证', delivery: { method: 'electronic', status: 'issued' } },
    },
  ],
  hongkong: [
    {
      matterId: 'sc-511602-0029', // 居住证办理
      channel: 'window',
      events: [
        { at: [10, '10:00'], state: 'accepted', title: '窗口受理' },
        { at: [8, '16:00'], state: 'decided', title: '审批通过' },
        { at: [6, '10:30'], state: 'completed', title: '证件已邮寄' },
        { at: [4, '15:45'], state: 'completed', title: '已签收' },
      ],
      result: {
        outcome: 'granted',
        name: '港澳台居民居住证',
        delivery: { method: 'post', status: 'delivered', carrier: '顺丰速运', trackingNumber: 'SF1402583309127' },
      },
    },
    {
      matterId: 'sc-511602-0467', // 补领结婚证
      channel: 'online',
      events: [{ at: [3, '09:05'], state: 'accepted', title: '网上预约，受理' }],
    },
  ],
  foreign2017: [
    {
      matterId: 'sc-511602-0059', // 无犯罪记录证明
      channel: 'online',
      events: [
        { at: [7, '13:00'], state: 'accepted', title: '网上申请，受理' },
        { at: [5, '10:00'], state: 'reviewing', title: '出入境管理大队核查' },
      ],
    },
    {
      matterId: 'sc-511602-0561', // 社会保障卡申领
      channel: 'window',
      events: [
        { at: [18, '10:30'], state: 'accepted', title: '窗口受理' },
        { at: [15, '11:00'], state: 'decided', title: '制卡完成' },
        { at: [14, '09:40'], state: 'completed', title: '已领取' },
      ],
      result: { outcome: 'granted', name: '社会保障卡', delivery: { method: 'window', status: 'collected' } },
    },
  ],
  foreign2023: [
    {
      matterId: 'sc-511602-0739', // 医保电子凭证申领
      channel: 'mobile',
      events: [
        { at: [2, '18:00'], state: 'accepted', title: '移动端申请' },
        { at: [2, '18:01'], state: 'completed', title: '即时办结' },
      ],
      result: { outcome: 'granted', name: '医保电子凭证', delivery: { method: 'electronic', status: 'issued' } },
    },
    {
      matterId: 'sc-511602-0561', // 社会保障卡申领
      channel: 'window',
      events: [
        { at: [5, '10:10'], state: 'accepted', title: '窗口受理' },
        { at: [2, '15:30'], state: 'decided', title: '制卡完成' },
        { at: [1, '09:00'], state: 'completed', title: '已投递至智能取件柜' },
      ],
      result: { outcome: 'granted', name: '社会保障卡', delivery: { method: 'selfService', status: 'ready', place: cabinet } },
      nextStep: { kind: 'collect', until: [-20, '23:59'] },
    },
  ],
  fingerprint: [
    {
      matterId: 'sc-511602-0467', // 补领结婚证
      channel: 'window',
      events: [
        { at: [14, '09:30'], state: 'accepted', title: '窗口受理' },
        { at: [13, '14:00'], state: 'decided', title: '审核通过' },
        { at: [12, '10:00'], state: 'completed', title: '证件已制成，待领取' },
      ],
      result: { outcome: 'granted', name: '结婚证', delivery: { method: 'window', status: 'ready' } },
      nextStep: { kind: 'collect', until: [-30, '17:00'] },
    },
    {
      matterId: 'sc-511602-0757', // 生育津贴支付
      channel: 'online',
      events: [{ at: [1, '10:45'], state: 'accepted', title: '网上申请，受理' }],
    },
  ],
};
