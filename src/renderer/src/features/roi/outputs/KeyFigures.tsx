import type { ReactNode } from 'react';
import {
  formatBreakEven,
  formatBreakEvenRequests,
  formatNumber,
  formatPayback,
  formatPercent,
  formatRatio,
  formatRoi,
  formatSeedRatio,
  formatUsd,
} from '../../../../../shared/format';
import { SEED_RATIO_DEFINITION, type RoiOutputs } from '../../../../../shared/roi';
import { qualityMoneyLine } from '../../../../../shared/roi/qualityMoney';
import type { Scenario } from '../../../../../shared/roi/scenario';
import {
  FIGURE_LABELS,
  npvLabel,
  roiLabel,
  savingShareText,
} from '../../../../../shared/roi/figureLabels';

interface KeyFiguresProps {
  roi: RoiOutputs;
  scenario: Scenario;
  horizonMonths: number;
  discountRate: number;
}

function Figure(p: {
  id: string;
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: string;
}) {
  return (
    <div className={`figure ${p.tone ?? ''}`} data-testid={`figure-${p.id}`}>
      <div className="figure-label">{p.label}</div>
      <div className="figure-value">{p.value}</div>
      {p.sub && <div className="figure-sub">{p.sub}</div>}
    </div>
  );
}

/** Teacher and student figures on two short lines, marked by role colour. */
function Pair({ teacher, student }: { teacher: string; student: string }) {
  return (
    <span className="figure-pair">
      <span>
        <span className="dot dot-teacher" role="img" aria-label="teacher" /> {teacher}
      </span>
      <span>
        <span className="dot dot-student" role="img" aria-label="student" /> {student}
      </span>
    </span>
  );
}

const tone = (x: number) => (x > 0 ? 'good' : x < 0 ? 'bad' : '');

/** Every headline figure of the scenario, as computeRoi gives it. */
export function KeyFigures({ roi, scenario, horizonMonths, discountRate }: KeyFiguresProps) {
  const m = roi.firstMonth;
  const inv = roi.investment;
  const pr = roi.perRequest;
  const util = roi.utilization;
  const quality = qualityMoneyLine(scenario.quality, roi.qualityMoney.firstMonthUsd);
  return (
    <div className="figures" data-testid="key-figures">
      <div className="figures-row headline">
        <Figure
          id="saving"
          label={FIGURE_LABELS.monthlySaving}
          value={formatUsd(m.costSavingUsd)}
          tone={tone(m.costSavingUsd)}
          sub={savingShareText(m.savingShareOfTeacher) ?? 'teacher costs nothing'}
        />
        <Figure
          id="quality-money"
          label={FIGURE_LABELS.qualityMoney}
          value={quality.text}
          tone={tone(quality.value)}
          sub={quality.note}
        />
        <Figure
          id="payback"
          label={FIGURE_LABELS.payback}
          value={formatPayback(roi.payback)}
          tone={roi.payback.kind === 'never' ? 'bad' : ''}
          sub={
            roi.payback.kind === 'never'
              ? `not within ${roi.payback.searchedMonths} months`
              : `investment ${formatUsd(inv.totalUsd)}`
          }
        />
        <Figure
          id="npv"
          label={npvLabel(horizonMonths)}
          value={formatUsd(roi.npvUsd)}
          tone={tone(roi.npvUsd)}
          sub={
            discountRate > 0
              ? `discounted at ${formatPercent(discountRate)} a year`
              : 'undiscounted'
          }
        />
        <Figure
          id="breakeven"
          label={FIGURE_LABELS.breakEven}
          value={
            roi.breakEven.kind === 'volume' ? (
              <>
                {formatBreakEvenRequests(roi.breakEven.requestsPerMonth)}
                <span className="figure-unit"> req/month</span>
              </>
            ) : (
              formatBreakEven(roi.breakEven)
            )
          }
          sub={
            roi.breakEven.kind === 'volume'
              ? `today ${formatNumber(m.volume)} requests/month`
              : roi.breakEven.reason
          }
        />
      </div>
      <div className="figures-row">
        <Figure
          id="per-request"
          label={FIGURE_LABELS.perRequest}
          value={
            <Pair
              teacher={formatUsd(pr.teacherUsd)}
              student={pr.studentUsd === null ? 'hourly' : formatUsd(pr.studentUsd)}
            />
          }
          sub={
            pr.teacherToStudentRatio === null
              ? 'the student is billed by the hour'
              : `the teacher costs ${formatRatio(pr.teacherToStudentRatio)} the student`
          }
        />
        <Figure
          id="per-month"
          label={FIGURE_LABELS.firstMonthCost}
          value={
            <Pair teacher={formatUsd(m.teacherCostUsd)} student={formatUsd(m.studentCostUsd)} />
          }
          sub={
            m.qualityCostUsd !== 0
              ? `plus quality cost ${formatUsd(m.qualityCostUsd)}`
              : 'no quality cost counted'
          }
        />
        <Figure
          id="investment"
          label={FIGURE_LABELS.investment}
          value={formatUsd(inv.totalUsd)}
          sub={
            inv.actualDistillationUsd !== null
              ? `distillation (actual) ${formatUsd(inv.actualDistillationUsd)} · engineering ${formatUsd(inv.engineeringUsd)}`
              : `data ${formatUsd(inv.syntheticDataUsd)} · training ${formatUsd(inv.trainingUsd)} · engineering ${formatUsd(inv.engineeringUsd)}`
          }
        />
        <Figure
          id="roi"
          label={roiLabel(horizonMonths)}
          value={formatRoi(roi.roi)}
          sub="(Σ saving − investment) / investment, undiscounted"
        />
      </div>
      <div className={util ? 'figures-row' : 'figures-row single'}>
        <Figure
          id="seed-ratio"
          label={FIGURE_LABELS.seedRatio}
          value={formatSeedRatio(roi.seedRatio)}
          sub={<span title={SEED_RATIO_DEFINITION}>{SEED_RATIO_DEFINITION}</span>}
        />
        {util && (
          <Figure
            id="utilization"
            label={FIGURE_LABELS.utilization}
            value={formatPercent(util.firstMonth, 0)}
            tone={util.warnings.length > 0 ? 'warn' : ''}
            sub={
              util.unitsFollowVolume
                ? `month 1; units follow the volume: ${util.unitsByMonth[0] ?? 0} in month 1, ${Math.max(...util.unitsByMonth)} at most (peak factor ${formatNumber(util.peakFactor, 2)})${util.capacityIsAssumption ? '; capacity assumed' : ''}`
                : `month 1; peak ${formatPercent(util.peak, 0)} in month ${util.peakMonth}; ${util.unitsNeededAtPeak} unit(s) needed${util.capacityIsAssumption ? '; capacity assumed' : ''}`
            }
          />
        )}
      </div>
    </div>
  );
}
