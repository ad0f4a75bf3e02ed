/**
 * Every price one side is billed at, times a factor: what a Monte Carlo draw of the price
 * uncertainty (service tier, batch) changes. The teacher's per-token prices; the student's
 * per-token prices, custom-model rates and provisioned hourly rate alike.
 */
import { usdPer1k, usdPerHour } from '../units';
import type { Scenario, Serving } from './scenario';

/** The teacher's per-token prices times k. */
export function teacherPricedBy(t: Scenario['teacher'], k: number): Scenario['teacher'] {
  return {
    ...t,
    price: {
      ...t.price,
      inputUsdPer1k: usdPer1k(t.price.inputUsdPer1k * k),
      outputUsdPer1k: usdPer1k(t.price.outputUsdPer1k * k),
    },
  };
}

/** Every price the student is billed at, times k. */
export function studentPricedBy(st: Scenario['student'], k: number): Scenario['student'] {
  const sv = st.serving;
  const serving: Serving =
    sv.kind === 'provisioned'
      ? { ...sv, usdPerHourPerUnit: usdPerHour(sv.usdPerHourPerUnit * k) }
      : sv.kind === 'customModelOnDemand'
        ? {
            ...sv,
            inputUsdPer1k: usdPer1k(sv.inputUsdPer1k * k),
            outputUsdPer1k: usdPer1k(sv.outputUsdPer1k * k),
          }
        : sv;
  return {
    ...st,
    serving,
    price: {
      ...st.price,
      inputUsdPer1k: usdPer1k(st.price.inputUsdPer1k * k),
      outputUsdPer1k: usdPer1k(st.price.outputUsdPer1k * k),
    },
  };
}
