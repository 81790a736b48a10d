import type { PaymentNotice } from '../../platform/payments.js';
import { dataKey } from '../types.js';

export const PAY_NOTICE = dataKey<PaymentNotice>('pay.notice');
export const PAY_METHOD = dataKey<'code' | 'qr'>('pay.method');
/** The paid order: what the receipt and the e-invoice need. */
export const PAY_PAID = dataKey<{ orderId: string; paidAt: Date }>('pay.paid');
