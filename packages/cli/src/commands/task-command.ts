import { NewsprismError } from '@newsprism/core/node';
import { formatReport, type Task } from '@newsprism/eval';
import { parse } from '../args.js';
import type { Command } from './command.js';

/**
 * Builds `newsprism eval` or `newsprism train` over a registry of tasks. Both share the flags
 * `--data`, `--split`, `--lang`, `--out`, `--model`, `--set key=value` and `--json`.
 */
export function taskCommand(name: 'eval' | 'train', summary: string, tasks: Record<string, Task>): Command {
  const list = () =>
    Object.values(tasks)
      .map((t) => `  ${t.name.padEnd(14)} ${t.description}`)
      .join('\n');
  const usage = () => `Usage: newsprism ${name} <task> --data <dir> [options]

Tasks:
${list() || '  (none)'}

Options:
      --data <dir>      the data set directory (e.g. ../shared/data/semeval2023-task3)
      --split <name>    part of the data: train | val (the project's validation split) | dev | all
      --lang <code>     language, where the data set has several
      --out <file>      where to write (train) — default: the shipped model path
      --model <file>    evaluate this model file instead of the shipped one
      --set <k=v>       a task-specific option; repeatable
      --json            print the report as JSON
  -h, --help            show this help`;
  return {
    name,
    summary,
    get usage() {
      return usage();
    },
    async run(argv) {
      const { values, positionals } = parse(name, argv, {
        data: { type: 'string' },
        split: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        model: { type: 'string' },
        set: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      });
      if (values.help || positionals.length === 0) {
        process.stdout.write(`${usage()}\n`);
        return values.help ? 0 : 2;
      }
      const task = tasks[positionals[0]!];
      if (!task) {
        throw new NewsprismError(
          'E_USAGE',
          `unknown ${name} task "${positionals[0]}"; tasks: ${Object.keys(tasks).join(', ')}`,
        );
      }
      if (typeof values.data !== 'string')
        throw new NewsprismError('E_USAGE', `--data <dir> is required; e.g. --data ../shared/data/…`);
      const extra: Record<string, string> = {};
      for (const kv of (values.set as string[] | undefined) ?? []) {
        const i = kv.indexOf('=');
        if (i <= 0) throw new NewsprismError('E_USAGE', `--set takes key=value (got "${kv}")`);
        extra[kv.slice(0, i)] = kv.slice(i + 1);
      }
      const report = await task.run({
        data: values.data,
        split: values.split as string | undefined,
        lang: values.lang as string | undefined,
        out: values.out as string | undefined,
        model: values.model as string | undefined,
        extra,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
      return 0;
    },
  };
}
