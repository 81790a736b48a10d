/**
 * Keyword rules the generator uses to fill what the real records lack. Everything they produce is listed in the
 * record's `synthetic` field. Written for plausibility, not authority: real guides come from the platform.
 */

export const lifeEventKeywords: Record<string, RegExp> = {
  birth: /出生|新生儿|生育|收养|独生子女|预防接种|母婴/,
  schooling: /入学|学生|学籍|教育|幼升小|小升初|高中|考试|托育|培训|学校|毕业/,
  employment: /就业|失业|招聘|职业|技能|劳动|人才|岗位|执业/,
  marriage: /婚|生育|再生育/,
  retirement: /退休|养老|敬老|老年|高龄/,
  afterDeath: /死亡|丧葬|殡葬|遗属|抚恤|身后/,
  housing: /住房|房屋|不动产|公积金|房产|物业|租赁/,
  residence: /户籍|户口|居住证|落户|迁移|身份证|人户分离|居住登记/,
  socialSecurity: /社保|社会保障|参保|低保|救助|困难|补贴|特困|城乡居保|帮困|残疾/,
  medical: /医疗|医保|就医|医院|药品|护士|医师|卫生|长护险|诊疗/,
  travel: /驾驶|驾照|机动车|出入境|交通|护照|公交|网约车|道路运输|出租/,
  business: /企业|公司|营业|经营|商标|税|发票|个体|广告|生产|许可证/,
};

export const legalKeywords =
  /企业|公司|单位|经营|机构|项目|工程|建设|生产|排水|取水|海域|滩涂|河道|资质|广告|运输|危险化学品|食品|药品经营|采砂|许可证/;
export const personKeywords =
  /个人|居民|户籍|户口|身份证|社保|养老|医保|失业|就业|生育|婚姻|出生|残疾|老年|敬老|学生|驾驶|护照|公积金|低保|困难|退休|律师|护士|医师|新生儿|居住证|档案|证明|信用报告|不动产|房产税|公交卡|预付卡/;

export const flowKeywords: { flow: 'printProof' | 'query' | 'apply' | 'pay'; pattern: RegExp }[] = [
  { flow: 'printProof', pattern: /证明|打印|凭证|记录单|对账单|信用报告|档案/ },
  { flow: 'query', pattern: /查询|情况|信息|计算|试算|积分|计算器|公示|人数|余额|进度/ },
  { flow: 'apply', pattern: /登记|申请|申领|签注|开通|维护|变更|挂失|认证|补贴|调整|注销|受理|一件事|执业|制册|手续/ },
];

/** Colloquial names residents type, keyed by a fragment of the official name. */
export const aliasRules: { match: RegExp; aliases: string[] }[] = [
  { match: /有无违法犯罪记录证明/, aliases: ['无犯罪证明', '无犯罪记录证明', '良民证'] },
  { match: /^户籍证明/, aliases: ['户口证明'] },
  { match: /不动产登记信息/, aliases: ['房产证明', '查房产', '房产查询'] },
  { match: /个人信用报告/, aliases: ['征信报告', '征信'] },
  { match: /参加个人城镇基本养老保险缴费情况/, aliases: ['社保缴费证明', '参保证明', '社保证明'] },
  { match: /居住证签注/, aliases: ['居住证续签'] },
  { match: /敬老卡/, aliases: ['老年卡'] },
  { match: /^失业登记/, aliases: ['失业金', '领失业金'] },
  { match: /灵活就业登记/, aliases: ['自由职业社保'] },
  { match: /机动车违法信息/, aliases: ['查违章', '违章查询'] },
  { match: /驾驶证违法信息/, aliases: ['驾照扣分'] },
  { match: /社会保障卡换领/, aliases: ['换社保卡', '社保卡坏了'] },
  { match: /出入境记录/, aliases: ['出国记录'] },
  { match: /^婚姻登记档案/, aliases: ['结婚证明', '婚姻证明'] },
  { match: /新生儿重名/, aliases: ['宝宝重名', '起名查重'] },
  { match: /医保就医明细/, aliases: ['看病花费', '医药费明细'] },
  { match: /公交卡余额/, aliases: ['交通卡余额'] },
  { match: /公积金缴存表/, aliases: ['公积金证明'] },
  { match: /居住证积分/, aliases: ['积分查询'] },
];

export const personMaterials = [
  { name: '居民身份证', form: 'original', electronicLicence: true },
  { name: '居民户口簿', form: 'originalAndCopy', electronicLicence: true },
  { name: '申请表（可在终端填写）', form: 'original', electronicLicence: false },
  { name: '近期免冠一寸照片', form: 'original', electronicLicence: false },
  { name: '社会保障卡', form: 'original', electronicLicence: false },
  { name: '结婚证', form: 'originalAndCopy', electronicLicence: true },
  { name: '劳动合同或就业证明', form: 'copy', electronicLicence: false },
  { name: '不动产权证书', form: 'copy', electronicLicence: true },
  { name: '授权委托书（代办时）', form: 'original', electronicLicence: false },
] as const;

export const legalMaterials = [
  { name: '营业执照', form: 'copy', electronicLicence: true },
  { name: '法定代表人身份证明', form: 'originalAndCopy', electronicLicence: true },
  { name: '申请书', form: 'original', electronicLicence: false },
  { name: '授权委托书及经办人身份证', form: 'original', electronicLicence: false },
  { name: '场所使用证明', form: 'copy', electronicLicence: false },
  { name: '相关资质证书', form: 'copy', electronicLicence: true },
  { name: '项目说明或技术方案', form: 'original', electronicLicence: false },
  { name: '章程或管理制度', form: 'copy', electronicLicence: false },
] as const;

export const districts = ['广安区', '前锋区', '华蓥市', '岳池县', '武胜县', '邻水县', '顺庆区', '高坪区', '嘉陵区', '阆中市'];
