import { describe, expect, test } from 'vitest';
import { commandHelp, commandNamed, commands, flagValueProblem, mainHelp, parseOptions, takesFlag, unknownCommandMessage, unknownFlagMessage } from '../../src/usage.js';

describe('the table of commands', () => {
  test('every command has a summary, at least one example of itself, and words for each of its flags', () => {
    for (const command of commands) {
      expect(command.summary.length, command.name).toBeGreaterThan(10);
      expect(command.examples.length, command.name).toBeGreaterThan(0);
      for (const [line, what] of command.examples) {
        expect(line.startsWith(`careerplan ${command.name}`), line).toBe(true);
        expect(what.length, line).toBeGreaterThan(3);
      }
      for (const [flag, what] of command.flags) {
        expect(Object.hasOwn(parseOptions, flag), flag).toBe(true);
        expect(what.length, `${command.name} --${flag}`).toBeGreaterThan(5);
      }
    }
  });

  test('a command\'s help lists its flags, --config and --help, and its examples; not the flags of others', () => {
    const build = commandNamed('build');
    const help = commandHelp(build!);
    expect(help).toMatch(/^careerplan build — check every plan/);
    for (const flag of ['--as-of DATE', '--no-pdf', '--paper NAME', '--config FILE', '-h, --help']) expect(help).toContain(flag);
    expect(help).toContain('careerplan build --no-pdf');
    expect(help).not.toContain('--port');
    expect(commandHelp(commandNamed('review')!)).toContain('--out FILE');
  });

  test('the main help lists every command and each command\'s flags', () => {
    const help = mainHelp();
    for (const command of commands) {
      expect(help).toContain(`  ${command.name}`);
      for (const [flag] of command.flags) expect(help).toContain(`--${flag}`);
    }
    expect(help).toContain('careerplan <command> --help');
  });

  test('dev is watch; every command takes --config, --help and --version', () => {
    expect(commandNamed('dev')?.name).toBe('watch');
    expect(commandNamed('biuld')).toBeUndefined();
    for (const command of commands) for (const flag of ['config', 'help', 'version']) expect(takesFlag(command, flag)).toBe(true);
    expect(takesFlag(commandNamed('check')!, 'port')).toBe(false);
  });
});

describe('mistakes on the command line', () => {
  test('a mistyped command gets the nearest one', () => {
    expect(unknownCommandMessage('biuld')).toBe('Unknown command `biuld`. Did you mean `build`?');
    expect(unknownCommandMessage('chek')).toBe('Unknown command `chek`. Did you mean `check`?');
    expect(unknownCommandMessage('frobnicate')).toMatch(/^Unknown command `frobnicate`\. The commands are init, new, import, check, build/);
  });

  test('a mistyped flag gets the nearest flag of the command; a flag of another command says so', () => {
    expect(unknownFlagMessage('--as-off', commandNamed('build'))).toBe('Unknown option `--as-off` of build. Did you mean `--as-of`?');
    expect(unknownFlagMessage('--nopdf', commandNamed('build'))).toBe('Unknown option `--nopdf` of build. Did you mean `--no-pdf`?');
    expect(unknownFlagMessage('--port', commandNamed('check'))).toBe('`--port` is not an option of check.');
    expect(unknownFlagMessage('--frobnicate', undefined)).toBe('Unknown option `--frobnicate`.');
  });

  test('a value missing, or given to a flag that takes none', () => {
    expect(flagValueProblem('as-of', undefined)).toBe('`--as-of` needs a value: `--as-of DATE`');
    expect(flagValueProblem('quiet', 'yes')).toBe('`--quiet` takes no value; write `--quiet` alone');
    expect(flagValueProblem('as-of', '2027-01-01')).toBeUndefined();
    expect(flagValueProblem('quiet', undefined)).toBeUndefined();
  });
});
