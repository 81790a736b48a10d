import { createStore } from 'zustand/vanilla';
import type { Reply } from '../../../main/bridge/contract.js';

export type Overview = Reply<'maintenance.overview'>;
export type SelfTestResult = Reply<'maintenance.selfTest'>;

export interface MaintenanceState {
  overview: Overview | null;
  selfTests: Record<string, SelfTestResult | 'running'>;
}

export const initialMaintenance = (): MaintenanceState => ({ overview: null, selfTests: {} });
export const createMaintenanceStore = () => createStore<MaintenanceState>()(initialMaintenance);
export type MaintenanceStore = ReturnType<typeof createMaintenanceStore>;
