import { z } from 'zod';

/** What the fleet shows on the kiosk: the "暂停服务" lock (with a message and the nearest alternative) and the attract notice. */
export const FleetDisplaySchema = z.object({
  lock: z.object({ message: z.string(), alternative: z.string() }).nullable(),
  notice: z.string().nullable(),
});
export type FleetDisplay = z.infer<typeof FleetDisplaySchema>;

interface Kv {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

const KEY = 'fleet.display';

/** The lock and notice, kept across restarts (a locked terminal stays locked after a power cut). */
export class FleetDisplayState {
  private value: FleetDisplay;
  constructor(
    private readonly kv: Kv,
    private readonly changed: (d: FleetDisplay) => void,
  ) {
    const stored = FleetDisplaySchema.safeParse(kv.get<unknown>(KEY, null));
    this.value = stored.success ? stored.data : { lock: null, notice: null };
  }
  get(): FleetDisplay {
    return this.value;
  }
  set(patch: Partial<FleetDisplay>): void {
    this.value = { ...this.value, ...patch };
    this.kv.set(KEY, this.value);
    this.changed(this.value);
  }
}
