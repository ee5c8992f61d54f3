import { UsageError } from './args';
import { COMMANDS } from './commands/index';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';
import { ScenarioError } from '../engine/hosts/rehearsal/scenario';
import { TOOL_VERSION } from '../engine/version';

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `cdx-setup ${TOOL_VERSION}: install and configure Commerce Data Exchange: Async Server.`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 failed, 2 bad input, 3 prerequisites not met.',
    'Run cdx-setup help COMMAND for its options.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
    io.out(topic ? `${topic.summary}\n\nUsage: ${topic.usage}` : helpText());
    return EXIT.ok;
  }
  if (name === '--version' || name === 'version') {
    io.out(TOOL_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`"${name}" is not a cdx-setup command.\n\n${helpText()}`);
    return EXIT.badInput;
  }
  if (rest.includes('--help')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ScenarioError) {
      io.err(`cdx-setup ${command.name}: ${err.message}\nUsage: ${command.usage}`);
      return EXIT.badInput;
    }
    io.err(`cdx-setup ${command.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failed;
  }
}
