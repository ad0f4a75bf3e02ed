import { describe, expect, it } from 'vitest';
import { computeRoi } from './computeRoi';
import { WORKED_EXAMPLE, makeScenario } from './scenarioFixtures';
import { notOfferedProblems, servingOptions } from './servingOptions';

const offered = (o: ReturnType<typeof servingOptions>) =>
  o.filter((x) => x.offered).map((x) => x.kind);

const LLAMA_8B = 'meta.llama3-1-8b-instruct-v1:0';

describe('servingOptions', () => {
  it('serves a distilled Llama 3.1 8B only on provisioned throughput, with all three terms', () => {
    for (const region of ['us-west-2', 'us-east-1', 'eu-west-1']) {
      const o = servingOptions({
        distilled: true,
        studentModelId: LLAMA_8B,
        region,
        batchPriced: true,
      });
      expect(offered(o)).toEqual(['provisioned']);
      expect(o.find((x) => x.kind === 'provisioned')?.terms).toEqual([
        'noCommitment',
        'oneMonth',
        'sixMonths',
      ]);
      expect(o.find((x) => x.kind === 'batch')?.reason).toMatch(/not available for custom/);
    }
  });

  it('offers an on-demand custom-model deployment for Nova Lite in us-east-1 and us-west-2 only', () => {
    const at = (region: string) =>
      offered(
        servingOptions({
          distilled: true,
          studentModelId: 'amazon.nova-lite-v1:0',
          region,
          batchPriced: true,
        }),
      );
    expect(at('us-east-1')).toEqual(['provisioned', 'customModelOnDemand']);
    expect(at('us-west-2')).toEqual(['provisioned', 'customModelOnDemand']);
    expect(at('eu-west-1')).toEqual(['provisioned']);
  });

  it('serves a base model used as-is like any base model, batch only where priced', () => {
    const base = (batchPriced: boolean) =>
      servingOptions({
        distilled: false,
        studentModelId: LLAMA_8B,
        region: 'us-west-2',
        batchPriced,
      });
    expect(offered(base(true))).toEqual(['onDemand', 'batch', 'provisioned']);
    expect(offered(base(false))).toEqual(['onDemand', 'provisioned']);
    expect(base(false).find((x) => x.kind === 'batch')?.reason).toMatch(/no batch price/);
    expect(base(true).find((x) => x.kind === 'provisioned')?.terms).toEqual([
      'oneMonth',
      'sixMonths',
    ]);
  });
});

describe('notOfferedProblems', () => {
  const llama = (region: string, serving: object) =>
    makeScenario({
      teacher: {
        ...WORKED_EXAMPLE.teacher,
        modelId: 'meta.llama3-1-70b-instruct-v1:0',
        region: 'us-west-2',
      },
      student: { ...WORKED_EXAMPLE.student, modelId: LLAMA_8B, region, serving: serving as never },
    });
  const provisioned = {
    kind: 'provisioned',
    modelUnits: 1,
    usdPerHourPerUnit: 20,
    term: 'oneMonth',
    capacityTokensPerMinutePerUnit: 1250,
  };

  it('finds nothing wrong with a distilled Llama on provisioned throughput', () => {
    expect(notOfferedProblems(llama('us-west-2', provisioned))).toEqual([]);
    // Served elsewhere after a copy: still on sale.
    expect(notOfferedProblems(llama('us-east-1', provisioned))).toEqual([]);
  });

  it('refuses the base price and batch for a distilled student, and says so in the outputs', () => {
    expect(notOfferedProblems(llama('us-west-2', { kind: 'onDemand' }))[0]).toMatch(
      /not served at the base model's on-demand price/,
    );
    expect(notOfferedProblems(llama('us-west-2', { kind: 'batch', batchShare: 1 }))[0]).toMatch(
      /Batch inference is not available/,
    );
    const r = computeRoi(llama('us-west-2', { kind: 'batch', batchShare: 1 }));
    expect(r.warnings.filter((w) => w.code === 'notOfferedByBedrock')).toHaveLength(1);
  });

  it('refuses a distillation the job region does not run', () => {
    const s = makeScenario({
      teacher: {
        ...WORKED_EXAMPLE.teacher,
        modelId: 'meta.llama3-1-70b-instruct-v1:0',
        region: 'us-east-1',
      },
      student: {
        ...WORKED_EXAMPLE.student,
        modelId: LLAMA_8B,
        region: 'us-east-1',
        serving: provisioned as never,
      },
    });
    expect(notOfferedProblems(s)).toEqual([expect.stringContaining('us-west-2 only')]);
  });
});
