import mqtt, { type MqttClient } from 'mqtt';

export interface Seen {
  topic: string;
  text: string;
  json: Record<string, unknown>;
  retain: boolean;
}

/** An MQTT client that records everything under a filter and lets a test await a message (no sleeps). */
export class MqttObserver {
  readonly messages: Seen[] = [];
  private waiters: { pred: (m: Seen) => boolean; resolve: (m: Seen) => void }[] = [];
  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        /* not JSON */
      }
      const m = { topic, text, json, retain: packet.retain };
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => (w.pred(m) ? (w.resolve(m), false) : true));
    });
  }

  static async connect(url: string, filter = 'zwkiosk/#', opts: mqtt.IClientOptions = {}): Promise<MqttObserver> {
    const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0, ...opts });
    const o = new MqttObserver(client);
    await client.subscribeAsync(filter, { qos: 1 });
    return o;
  }

  /** Resolves with the first message (already seen or still to come) that matches. */
  next(pred: (m: Seen) => boolean, timeoutMs = 8000, since = 0): Promise<Seen> {
    const seen = this.messages.slice(since).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching MQTT message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(t), resolve(m)) });
    });
  }

  mark(): number {
    return this.messages.length;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}
