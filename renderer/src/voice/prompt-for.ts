import { promptIds, type PromptId } from '../../../main/bridge/contract.js';
import type { FlowState } from '../stores/flow.js';
import type { Overlay, Route } from '../stores/navigation.js';

/** The spoken prompt of what is on screen now: the overlay first, then the flow step, then the screen. Pure. */
export function promptFor(view: {
  idle: boolean;
  overlay: Overlay;
  countdown: boolean;
  flow: FlowState | null;
  route: Route;
}): PromptId | null {
  if (view.idle) return 'attract';
  if (view.countdown) return 'countdown';
  if (view.overlay === 'confirmEnd') return 'confirmEnd';
  if (view.overlay === 'help') return 'help';
  if (view.overlay === 'pin') return null;
  if (view.flow) {
    if (view.flow.status === 'failed') return 'step.failure';
    const id = `step.${view.flow.view.step}`;
    // a step added without a prompt yet says "working" rather than nothing
    return (promptIds as readonly string[]).includes(id) ? (id as PromptId) : 'step.working';
  }
  return view.route.screen === 'matters' ? 'matters' : view.route.screen;
}

/** What a control is called, as voice mode reads it: its aria-label, else its visible text (whitespace folded). */
export function spokenLabel(el: Element): string {
  const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '';
  const value = el instanceof HTMLInputElement && el.value ? `，${el.value}` : '';
  return `${label}${value}`.replace(/\s+/g, ' ').trim().slice(0, 600);
}
