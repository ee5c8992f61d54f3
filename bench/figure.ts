/**
 * A benchmark figure is always a ratio against a baseline measured in the same run, on the same machine, so the
 * number means something on a shared 2-core computer where absolute times wander.
 */
export interface BenchFigure {
  name: string;
  /** What we measured, and the baseline measured beside it, in the same unit. */
  value: number;
  baseline: number;
  unit: string;
  baselineName: string;
  /** value / baseline. */
  ratio: number;
  /** The goal, e.g. "≤ 1.5". */
  aim: string;
  met: boolean;
}

export interface BenchModule {
  title: string;
  run(): Promise<BenchFigure[]>;
}

export function figure(f: Omit<BenchFigure, 'ratio' | 'met'> & { best: 'lower' | 'higher'; target: number }): BenchFigure {
  const ratio = f.value / f.baseline;
  return {
    name: f.name,
    value: f.value,
    baseline: f.baseline,
    unit: f.unit,
    baselineName: f.baselineName,
    ratio,
    aim: f.aim,
    met: f.best === 'lower' ? ratio <= f.target : ratio >= f.target,
  };
}

/** The median of several runs: one slow run on a busy machine does not decide. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
