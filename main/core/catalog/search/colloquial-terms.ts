/**
 * What residents call things, and the words official matter names use for them (低保 → 最低生活保障). Data, not
 * code: each entry names where the colloquial wording was seen (resident questions on public Q&A pages, the
 * kiosk's own platform aliases) and a real matter of the emulator's catalog it must find
 * (test/unit/catalog/colloquial-terms.test.ts checks every entry). Per-matter nicknames (良民证 → one matter)
 * belong to the platform's `aliases`, which the publisher extends; these are words that occur inside many names.
 *
 * A term is replaced inside the query (低保证明 → 最低生活保障证明) and also matched when typed in full pinyin
 * (dibao) or, for terms of three or more characters, as its initials (zsz).
 */
export interface ColloquialTerm {
  term: string;
  /** The official wordings, best first; each becomes one more reading of the query. */
  official: string[];
  /** A real matter name (emulators/platform/data/matters-real.json) that the term must find. */
  example: string;
  /** Where residents were seen using the term. */
  source: string;
  /** A resident's query using the term, when the term alone is too broad to test with (default: the term). */
  probe?: string;
}

export const colloquialTerms: readonly ColloquialTerm[] = [
  {
    term: '低保',
    official: ['最低生活保障'],
    example: '城乡居民最低生活保障家庭证明出具',
    source: 'https://um.sanwen.net/special/xrlkff.html (城镇居民如何申请低保); 青海省城乡低保审核审批办法 (baogaosu.com)',
  },
  {
    term: '社保',
    official: ['社会保险', '养老保险', '社会保障'],
    example: '参加个人城镇基本养老保险缴费情况',
    source: 'https://shebaomi.com/wen/zhengce-160356.html (在搜索栏输入“社保缴费证明打印”)',
  },
  {
    term: '社保卡',
    official: ['社会保障卡'],
    example: '社会保障卡补领、换领、换发',
    source: 'platform aliases (换社保卡, 社保卡坏了); Shanghai terminal matter 社保卡个人信息查询',
  },
  {
    term: '医保',
    official: ['医疗保险', '基本医疗保险'],
    example: '基本医疗保险关系转移接续',
    source: 'http://fengdujob.net/go/外省医保怎么备案异地就医报销比例.html',
  },
  {
    term: '公积金',
    official: ['住房公积金'],
    example: '公积金缴存表查询',
    source: 'http://fengdujob.net/go/公积金办理提取几天到账.html',
  },
  {
    term: '个税',
    official: ['个人所得税'],
    example: '开具个人所得税纳税记录（县级行使）',
    source: 'http://fengdujob.net/go/个税2021年如何申报.html',
  },
  {
    term: '违章',
    official: ['机动车违法', '交通违法'],
    example: '机动车违法信息查询',
    source:
      'https://www.zhetiaohe.com/ss/a1e6ef4cdb4a1dca416c69cc51f4b753998b2ddb1633de3bcea4b4a8fa1efd31.html (公户车辆怎么查违章); weizhang.8684.cn (违章查询)',
  },
  {
    term: '驾照',
    official: ['驾驶证'],
    example: '驾驶证违法信息查询',
    source: 'http://bbaike.cn/tag/396263.html (驾照分怎么查询)',
  },
  {
    term: '户口',
    official: ['户籍'],
    example: '户籍证明开具',
    source: 'http://tiantiansz.com/tags-49247.html (外地转深圳户口哪里办理); platform alias 户口证明',
  },
  {
    term: '户籍',
    official: ['户口'],
    example: '户口迁移审批',
    probe: '户籍迁移',
    source: 'catalog names use both words (户籍证明开具, 户口迁移审批): each finds the other',
  },
  {
    term: '准生证',
    official: ['生育服务证', '生育登记', '计划生育'],
    example: '计划生育家庭特别扶助金',
    source: 'http://uianet.net/dictionary/b15239255.html (现在叫计划生育服务证，也就是过去人们常说的准生证)',
  },
  {
    term: '无犯罪证明',
    official: ['无违法犯罪记录证明'],
    example: '开具有无违法犯罪记录证明',
    source: 'https://m.shoulawyer.com/zhishi/257346.htm (“无犯罪记录证明”，又称为“无犯罪证明”)',
  },
  {
    term: '失业金',
    official: ['失业保险金', '失业保险'],
    example: '失业保险金发放关系转移',
    source: 'https://www.zhetiaohe.com/ss/a71bd8f3d2775c8ae52eab75fa7dea481327d4ef3febe88687a6726026b43200.html (什么条件可以领失业金)',
  },
  {
    term: '养老金',
    official: ['养老保险待遇', '养老保险'],
    example: '养老保险定期待遇领取资格认证',
    source: 'http://gdxinbao.com/tags/0381bf0b3a553ca11ccb8e30ed9d6971.html (退休职工领取养老金资格认证)',
  },
  {
    term: '残疾证',
    official: ['残疾人证'],
    example: '残疾人证新办',
    source: 'https://www.zhetiaohe.com/ss/2e86b8dbc10074e3b88f239cf9812bd7c1ef100cde7070bcab8c7bf4092f079e.html (残疾证一二三四级标准)',
  },
  {
    term: '房产证',
    official: ['不动产权证书', '不动产登记'],
    example: '不动产登记信息自助查询、打印',
    source: 'https://um.sanwen.net/special/rosxlf.html (房产证办理流程 材料); platform alias 房产证明',
  },
  {
    term: '房产',
    official: ['不动产'],
    example: '不动产登记信息自助查询、打印',
    source: 'http://gdxinbao.com/tags/怎么查房产冻没冻结.html; platform aliases 查房产, 房产查询',
  },
  {
    term: '征信',
    official: ['信用报告'],
    example: '个人信用报告查询',
    source: 'platform aliases of 个人信用报告查询 (征信报告, 征信)',
  },
  {
    term: '出生证',
    official: ['出生医学证明'],
    example: '《出生医学证明》首次签发',
    source: 'catalog name 《出生医学证明》首次签发; resident wording 出生证 (准生证 pages above)',
  },
  {
    term: '低收入证明',
    official: ['低收入困难家庭证明'],
    example: '低收入困难家庭证明开具',
    source: 'https://www.zhetiaohe.com/ss/18b9fe95e9ee160b8fd461260eac9b70a6c504a61d1a86124be12d001bb3b5d8.html (低收入户享受什么待遇)',
  },
  {
    term: '困难证明',
    official: ['困难家庭证明'],
    example: '低收入困难家庭证明开具',
    source:
      'https://www.zhetiaohe.com/ss/26935b7ce1dded0aa447a9b79fdf0033241868c270549dd0fdbfee4adbdf20b5e96d902c5ad16b6d1cb835ecdb5359d0.html (家庭经济困难家庭年收入填多少合适)',
  },
  {
    term: '退休',
    official: ['退休', '养老保险待遇'],
    example: '企业职工基本养老保险正常退休申请',
    source: 'http://jsaytz.com/tags/退休人员如何网上支付宝认证养老保险.html',
  },
  {
    term: '老年卡',
    official: ['敬老卡'],
    example: '敬老卡申领',
    source: 'platform alias of 敬老卡申领 (老年卡)',
  },
  {
    term: '残疾人补贴',
    official: ['残疾人生活补贴', '残疾人护理补贴'],
    example: '困难残疾人生活补贴',
    source: 'http://fengdujob.net/go/2021年残疾人补贴标准文件.html',
  },
  {
    term: '营业执照',
    official: ['个体工商户设立登记', '设立登记'],
    example: '个体工商户设立登记',
    source: 'resident wording for the licence a 设立登记 issues; no public page found in this search, kept as the hall’s own term',
  },
  {
    term: '结婚证',
    official: ['结婚登记', '婚姻登记'],
    example: '结婚登记预约',
    source: 'platform aliases 结婚证明, 婚姻证明 (婚姻登记档案)',
  },
  {
    term: '丢了',
    official: ['补领', '补办', '挂失'],
    example: '补领结婚证',
    probe: '结婚证丢了',
    source: 'platform alias 身份证丢了 (居民身份证挂失申报、丢失招领); resident wording “结婚证丢了怎么补”',
  },
  {
    term: '坏了',
    official: ['换领', '补换', '换发'],
    example: '社会保障卡补领、换领、换发',
    probe: '社保卡坏了',
    source: 'platform alias 社保卡坏了 (社会保障卡换领、换发)',
  },
];
