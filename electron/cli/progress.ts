import type { StepProgress } from '../../shared/contract/install-schemas';
import type { CliIo } from './io';

const WIDTH = 30;

/** On a terminal a bar redrawn in place; elsewhere (CI, pipes) one line per finished step. */
export function progressReporter(io: CliIo): (p: StepProgress) => void {
  return (p) => {
    if (io.interactive) {
      const done = p.phase === 'apply' ? p.index + (p.status === 'running' ? 0 : 1) : p.total - p.index;
      const filled = Math.round((done / p.total) * WIDTH);
      const label = `${p.phase === 'undo' ? 'Rolling back' : 'Installing'} ${done}/${p.total} ${p.operationId}`.slice(0, 70);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${label.padEnd(70)}`);
      if (p.phase === 'apply' && p.index === p.total - 1 && p.status !== 'running') process.stderr.write('\n');
    } else if (p.status !== 'running' && p.status !== 'undoing') {
      io.err(`[${p.index + 1}/${p.total}] ${p.status.padEnd(8)} ${p.operationId}`);
    }
  };
}
