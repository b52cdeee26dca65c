import { isAppError } from "@/lib/http/app-error";
import { cliActor, commandHelp, EXIT, groupHelp, parseCommandLine, UsageError, type CommandGroup, type Io } from "./cli";
import { COMMAND_GROUPS } from "./registry";

function mainHelp(groups: CommandGroup[]): string {
  const lines = groups.flatMap((g) => Object.entries(g.commands).map(([verb, c]) => `  ${`${g.name} ${verb}`.padEnd(24)}  ${c.summary}`));
  return `Usage: npm run portal -- <group> <command> [options]

The operations command line. Reads DATABASE_URL like the portal does.

Commands:
${lines.join("\n")}

Every command takes --help (its options) and --json (machine-readable output on standard output;
on failure {"error": {"code", "message"}}).
Exit codes: 0 done, 1 failed (not found, refused, database unreachable), 2 wrong command line.
`;
}

/** Runs one CLI invocation and returns its exit code; never exits the process (tests call it). */
export async function runPortal(argv: string[], io: Io, groups: CommandGroup[] = COMMAND_GROUPS): Promise<number> {
  const wantsJson = argv.includes("--json");
  const [groupName, verb] = argv.filter((a) => !a.startsWith("-"));
  const group = groups.find((g) => g.name === groupName);
  const command = group && verb ? group.commands[verb] : undefined;
  const help = argv.includes("--help") || argv.includes("-h");
  try {
    if (!group) {
      if (help || !groupName) {
        io.stdout.write(mainHelp(groups));
        return help ? EXIT.ok : EXIT.usage;
      }
      throw new UsageError(`Unknown command group "${groupName}"`);
    }
    if (!command) {
      if (help || !verb) {
        io.stdout.write(groupHelp(group));
        return help ? EXIT.ok : EXIT.usage;
      }
      throw new UsageError(`Unknown command "${group.name} ${verb}"`);
    }
    const { values, positionals } = parseCommandLine(argv, command.options);
    if (values.help) {
      io.stdout.write(commandHelp(group, verb, command));
      return EXIT.ok;
    }
    if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}"`);
    const json = values.json === true;
    const code = await command.run({
      values: values as Record<string, string | boolean | undefined>,
      positionals,
      io,
      json,
      actor: cliActor(),
      print: (data, text) => io.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : text(data)),
    });
    return code ?? EXIT.ok;
  } catch (error) {
    const usage = error instanceof UsageError;
    const code = usage ? "usage" : isAppError(error) ? error.code : "error";
    const message = error instanceof Error ? error.message : String(error);
    const detail = isAppError(error) && error.fields ? Object.values(error.fields).filter((m) => m !== message) : [];
    if (wantsJson) io.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    const hint = usage ? `\n\nRun with --help for usage.` : "";
    io.stderr.write(`${usage ? "" : "error: "}${[message, ...detail].join(": ")}${hint}\n`);
    return usage ? EXIT.usage : EXIT.failure;
  }
}
