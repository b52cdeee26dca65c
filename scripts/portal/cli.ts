import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import { Writable, type Readable } from "node:stream";
import { parseArgs, type ParseArgsConfig } from "node:util";

// The pieces every command group of the operations CLI shares: its I/O, option parsing, output and exit codes.

/** 0 done, 1 the operation failed (not found, refused, database down), 2 the command line was wrong. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export type Io = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: Readable & { isTTY?: boolean };
};

/** A wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export type CommandContext = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  io: Io;
  json: boolean;
  /** Who the audit log names: the operating-system user at the terminal. */
  actor: { id: null; label: string };
  /** Prints `data` as one JSON document with --json, else `text(data)`. */
  print: <T>(data: T, text: (data: T) => string) => void;
};

export type Command = {
  summary: string;
  /** Usage line after `npm run portal -- <group> <verb>`. */
  usage: string;
  /** Longer help text: what it does, each option. */
  details: string;
  options?: Options;
  run: (ctx: CommandContext) => Promise<number | void>;
};

export type CommandGroup = { name: string; summary: string; commands: Record<string, Command> };

export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
} satisfies Options;

export function parseCommandLine(argv: string[], options: Options = {}) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...COMMON_OPTIONS, ...options } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function commandHelp(group: CommandGroup, verb: string, command: Command): string {
  return `Usage: npm run portal -- ${group.name} ${verb} ${command.usage}\n\n${command.summary}\n\n${command.details.trim()}\n\nCommon options:\n  --json      print the result as JSON\n  -h, --help  this text\n\nExit codes: 0 done, 1 failed, 2 wrong command line.\n`;
}

export function groupHelp(group: CommandGroup): string {
  const width = Math.max(...Object.keys(group.commands).map((v) => v.length));
  const lines = Object.entries(group.commands).map(([verb, c]) => `  ${verb.padEnd(width)}  ${c.summary}`);
  return `Usage: npm run portal -- ${group.name} <command> [options]\n\n${group.summary}\n\nCommands:\n${lines.join("\n")}\n\nRun \`npm run portal -- ${group.name} <command> --help\` for its options.\n`;
}

export function cliActor(): { id: null; label: string } {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the label still says it came from the CLI.
  }
  return { id: null, label: `cli:${name}` };
}

/** A comma-separated option as a list: "a, b,,c" → ["a", "b", "c"]. */
export const list = (value: string | boolean | undefined) =>
  (typeof value === "string" ? value : "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Zod issues of an option object, as "--option: message" lines. */
export function optionIssues(issues: { path: PropertyKey[]; message: string }[], rename: Record<string, string> = {}): string {
  return issues.map((i) => `--${rename[String(i.path[0])] ?? String(i.path[0] ?? "input")}: ${i.message}`).join("\n");
}

/**
 * A secret from standard input, never from the command line (argv is visible to every user of the
 * machine in `ps`). At a terminal it is asked for without echo; piped, the first line is taken.
 * Empty is refused.
 */
export async function readSecret(io: Io, prompt: string): Promise<string> {
  let value: string;
  if (io.stdin.isTTY) {
    io.stderr.write(prompt);
    const muted = new Writable({ write: (_chunk, _enc, done) => done() });
    const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
    value = await new Promise<string>((resolve) => rl.question("", resolve));
    rl.close();
    io.stderr.write("\n");
  } else {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    value = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  if (value === "") throw new UsageError("no password on standard input (pipe it in, e.g. `printf '%s' \"$PW\" | npm run portal -- …`)");
  return value;
}

/** Table-ish text: tab-separated columns, one row per line. */
export const rows = (items: (string | number | null | undefined)[][]) => items.map((r) => r.map((c) => c ?? "").join("\t")).join("\n") + (items.length ? "\n" : "");
