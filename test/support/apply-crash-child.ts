/**
 * The kiosk's platform side of applying alone, in a child process the kill-9 harness SIGKILLs (bundled by
 * test/support/bundle-child.ts). `submit PHONE PDFBYTES`: lets the outbox deliver what an earlier run left (as the
 * kiosk does at start), then submits one 居住证签注 whose phone number marks it. `recover`: delivers what is queued
 * until the outbox is empty. Prints READY, SAVED (the outbox commit has returned), SUBMITTING, DONE <outcome>.
 */
import { applySide } from './apply-side.js';
import { residencePermitDraft } from './apply-drafts.js';

const [dataDir, baseUrl, mode, phone, pdfBytes] = process.argv.slice(2);
const side = applySide(dataDir!, baseUrl!, { timeoutMs: 2000, backoff: { firstMs: 10, maxMs: 100 } });
const say = (line: string) => process.stdout.write(`${line}\n`);

say('READY');
if (mode === 'submit') {
  void side.outboxService.kick();
  let saved = false;
  const out = await side.service.submit(residencePermitDraft({ phone, pdfBytes: Number(pdfBytes) }), {
    signal: new AbortController().signal,
    deadlineMs: 5000,
    onProgress: (p) => {
      if (p.phase !== 'saving' && !saved) {
        saved = true;
        say('SAVED');
      }
      if (p.phase === 'submitting') say('SUBMITTING');
    },
  });
  say(`DONE ${out.kind}`);
} else {
  const until = Date.now() + 15_000;
  while (side.outbox.depth() > 0 && Date.now() < until) {
    await side.outboxService.kick();
    if (side.outbox.depth() > 0) await new Promise((r) => setTimeout(r, 20));
  }
  say(`DONE ${side.outbox.depth()}`);
}
side.close();
process.exit(0);
