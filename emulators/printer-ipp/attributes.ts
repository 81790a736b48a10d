import { EmulatedPrinter, JobState, type Job } from './printer.js';
import { Tag, type Val } from './wire.js';

/** An attribute to answer with: name, value tag, values; `template` marks Job Template attributes (RFC 8011 §5.2). */
export type Entry = { name: string; tag: number; values: Val[]; template?: boolean };
const e = (name: string, tag: number, ...values: Val[]): Entry => ({ name, tag, values });
const t = (name: string, tag: number, ...values: Val[]): Entry => ({ name, tag, values, template: true });

export const operationsSupported = [0x0002, 0x0004, 0x0008, 0x0009, 0x000a, 0x000b];
export const formatsSupported = ['application/pdf', 'application/octet-stream'];

/** Printer Description and Job Template attributes of the emulated A4 certificate printer, from its live state. */
export function printerAttributes(p: EmulatedPrinter, base: string): Entry[] {
  const uri = `${base.replace(/^http/, 'ipp')}ipp/print`;
  const a4 = { 'media-size': [Tag.begCollection, { 'x-dimension': [Tag.integer, 21000], 'y-dimension': [Tag.integer, 29700] }] };
  return [
    e('printer-uri-supported', Tag.uri, uri),
    e('uri-security-supported', Tag.keyword, 'none'),
    e('uri-authentication-supported', Tag.keyword, 'none'),
    e('printer-name', Tag.name, 'KioskA4'),
    e('printer-location', Tag.text, '自助终端内置'),
    e('printer-info', Tag.text, 'Emulated A4 certificate printer'),
    e('printer-make-and-model', Tag.text, 'Zhengwu Emulated A4 Laser'),
    e('printer-more-info', Tag.uri, base),
    e('printer-state', Tag.enum, p.state()),
    e('printer-state-reasons', Tag.keyword, ...p.reasons()),
    e('printer-state-message', Tag.text, p.stateMessage()),
    e('printer-is-accepting-jobs', Tag.boolean, !p.faults.has('busy')),
    e('queued-job-count', Tag.integer, p.jobs.filter((j) => j.state < JobState.canceled).length),
    e('printer-up-time', Tag.integer, p.upTime()),
    e('printer-current-time', Tag.dateTime, new Date()),
    e('ipp-versions-supported', Tag.keyword, '1.1', '2.0'),
    e('operations-supported', Tag.enum, ...operationsSupported),
    e('charset-configured', Tag.charset, 'utf-8'),
    e('charset-supported', Tag.charset, 'utf-8'),
    e('natural-language-configured', Tag.naturalLanguage, 'en'),
    e('generated-natural-language-supported', Tag.naturalLanguage, 'en'),
    e('document-format-default', Tag.mimeMediaType, 'application/pdf'),
    e('document-format-supported', Tag.mimeMediaType, ...formatsSupported),
    e('compression-supported', Tag.keyword, 'none'),
    e('pdl-override-supported', Tag.keyword, 'attempted'),
    e('reference-uri-schemes-supported', Tag.uriScheme, 'http'),
    e('multiple-document-jobs-supported', Tag.boolean, false),
    e('multiple-operation-time-out', Tag.integer, 60),
    e('job-k-octets-supported', Tag.rangeOfInteger, { lower: 0, upper: 100_000 }),
    e('pages-per-minute', Tag.integer, 20),
    e('color-supported', Tag.boolean, false),
    e('which-jobs-supported', Tag.keyword, 'completed', 'not-completed', 'all'),
    // supplies: RFC 3805 marker levels (percent) and the IPP Everywhere printer-supply strings
    e('marker-names', Tag.name, 'Black Toner'),
    e('marker-types', Tag.keyword, 'toner'),
    e('marker-colors', Tag.name, '#000000'),
    e('marker-levels', Tag.integer, p.tonerLevel),
    e('marker-low-levels', Tag.integer, 10),
    e('marker-high-levels', Tag.integer, 100),
    e(
      'printer-supply',
      Tag.octetString,
      `index=1;class=supplyThatIsConsumed;type=toner;unit=percent;maxcapacity=100;level=${p.tonerLevel};colorantname=black;`,
    ),
    e('printer-supply-description', Tag.text, 'Black Toner'),
    e(
      'printer-input-tray',
      Tag.octetString,
      `type=sheetFeedAutoRemovableTray;mediafeed=29700;mediaxfeed=21000;maxcapacity=250;level=${Math.round(p.mediaLevel * 2.5)};status=0;name=main;`,
    ),
    t('copies-default', Tag.integer, 1),
    t('copies-supported', Tag.rangeOfInteger, { lower: 1, upper: 99 }),
    t('finishings-default', Tag.enum, 3),
    t('finishings-supported', Tag.enum, 3),
    t('job-priority-default', Tag.integer, 50),
    t('job-priority-supported', Tag.integer, 1),
    t('job-sheets-default', Tag.name, 'none'),
    t('job-sheets-supported', Tag.name, 'none'),
    t('media-default', Tag.keyword, 'iso_a4_210x297mm'),
    t('media-supported', Tag.keyword, 'iso_a4_210x297mm'),
    t('media-ready', Tag.keyword, ...(p.mediaLevel > 0 && !p.faults.has('outOfPaper') ? ['iso_a4_210x297mm'] : [])),
    t('media-col-default', Tag.begCollection, a4),
    t('media-col-database', Tag.begCollection, a4),
    t('multiple-document-handling-supported', Tag.keyword, 'separate-documents-uncollated-copies', 'separate-documents-collated-copies'),
    t('number-up-default', Tag.integer, 1),
    t('number-up-supported', Tag.integer, 1),
    t('orientation-requested-default', Tag.enum, 3),
    t('orientation-requested-supported', Tag.enum, 3, 4),
    t('page-ranges-supported', Tag.boolean, false),
    t('print-quality-default', Tag.enum, 4),
    t('print-quality-supported', Tag.enum, 4, 5),
    t('printer-resolution-default', Tag.resolution, { x: 600, y: 600, units: 3 }),
    t('printer-resolution-supported', Tag.resolution, { x: 600, y: 600, units: 3 }),
    t('sides-default', Tag.keyword, 'one-sided'),
    t('sides-supported', Tag.keyword, 'one-sided'),
  ].filter((x) => x.values.length > 0);
}

/** Job Description attributes (RFC 8011 §5.3) plus the template values the job was created with. */
export function jobAttributes(p: EmulatedPrinter, job: Job, base: string): Entry[] {
  const uri = `${base.replace(/^http/, 'ipp')}ipp/print`;
  const rel = (ms: number | null) => (ms === null ? null : Math.max(1, Math.floor((ms - p.bootAt) / 1000)));
  const ahead = p.jobs.filter((j) => j.id < job.id && j.state < JobState.canceled).length;
  return [
    e('job-id', Tag.integer, job.id),
    e('job-uri', Tag.uri, `${uri}/${job.id}`),
    e('job-printer-uri', Tag.uri, uri),
    e('job-name', Tag.name, job.name),
    e('job-originating-user-name', Tag.name, job.user),
    e('job-state', Tag.enum, job.state),
    e('job-state-reasons', Tag.keyword, ...job.reasons),
    e('job-state-message', Tag.text, job.message),
    e('job-printer-up-time', Tag.integer, p.upTime()),
    e('time-at-creation', Tag.integer, rel(job.createdAt)),
    timeOrNoValue('time-at-processing', rel(job.processingAt)),
    timeOrNoValue('time-at-completed', rel(job.completedAt)),
    e('number-of-intervening-jobs', Tag.integer, ahead),
    e('number-of-documents', Tag.integer, 1),
    e('job-k-octets', Tag.integer, Math.ceil(job.bytes / 1024)),
    e('job-impressions', Tag.integer, job.pages),
    e('job-impressions-completed', Tag.integer, job.pagesDone),
    e('job-media-sheets-completed', Tag.integer, job.pagesDone),
    t('copies', Tag.integer, job.copies),
    t('job-priority', Tag.integer, 50),
  ];
}

function timeOrNoValue(name: string, v: number | null): Entry {
  return v === null ? e(name, Tag.noValue, null) : e(name, Tag.integer, v);
}

/** Which attributes `requested-attributes` asks for (RFC 8011 §4.2.5.1: group names, or single names). */
export function selectAttributes(all: Entry[], requested: string[] | null, dflt: string[] | 'all'): Entry[] {
  const want = requested ?? (dflt === 'all' ? ['all'] : dflt);
  if (want.includes('all')) return all;
  return all.filter(
    (x) =>
      want.includes(x.name) ||
      (x.template && want.includes('job-template')) ||
      (!x.template && (want.includes('printer-description') || want.includes('job-description'))),
  );
}
