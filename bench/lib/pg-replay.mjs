// The other side of "Node CPU per request within 2× of its SQL through pg": runs an endpoint's
// pgbench script (bench/<name>.pgbench.sql) through the `pg` driver in this Node process, at the
// same concurrency, and reports this process's CPU per transaction (process.cpuUsage). That is what
// the endpoint's statements cost Node with the leanest driver use: prepared statements, no ORM.
// Understands the subset of pgbench's language the scripts use: `\set x random(a, b)` and integer
// arithmetic, `\if :x` / `\else` / `\endif`, `\gset [prefix]`, and `:name` variables.
import pg from "pg";

/** Parses a pgbench script into commands: {set}, {if}, {else}, {endif} or {sql, gset}. */
export function parseScript(text) {
  const commands = [];
  let sql = "";
  for (const raw of text.split("\n")) {
    const line = raw.replace(/--.*$/, "").trimEnd();
    if (!sql && !line.trim()) continue;
    const meta = line.trim().match(/^\\(\w+)\s*(.*)$/);
    if (!sql && meta) {
      const [, cmd, rest] = meta;
      if (cmd === "set") {
        const [, name, expr] = rest.match(/^(\w+)\s+(.*)$/);
        commands.push({ set: name, expr });
      } else if (cmd === "if") commands.push({ if: rest.trim() });
      else if (cmd === "else") commands.push({ else: true });
      else if (cmd === "endif") commands.push({ endif: true });
      else throw new Error(`pg-replay: unsupported \\${cmd}`);
      continue;
    }
    const gset = line.match(/\\gset\s*(\w*)\s*$/);
    if (gset) {
      commands.push({ sql: `${sql}${line.slice(0, gset.index)}`, gset: gset[1] ?? "" });
      sql = "";
      continue;
    }
    sql += `${line}\n`;
    if (line.trim().endsWith(";")) {
      commands.push({ sql: sql.trim().replace(/;$/, ""), gset: null });
      sql = "";
    }
  }
  // Each statement once with its `:name`s as $n, so the driver prepares it once per connection.
  for (const c of commands.filter((x) => x.sql !== undefined)) {
    const names = [];
    c.text = c.sql.replace(/(?<!:):([a-zA-Z_]\w*)/g, (_, name) => {
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `$${i + 1}`;
    });
    c.names = names;
  }
  return commands;
}

function evaluate(expr, vars) {
  const substituted = expr.replace(/:(\w+)/g, (_, n) => String(Number(vars[n])));
  const random = substituted.match(/^random\(\s*(-?[\d\s+*/-]+?)\s*,\s*(-?[\d\s+*/-]+?)\s*\)$/);
  const arith = (s) => {
    if (!/^[\d\s+*/()-]+$/.test(s)) throw new Error(`pg-replay: cannot evaluate ${s}`);
    return Math.trunc(Function(`"use strict"; return (${s});`)());
  };
  if (random) {
    const lo = arith(random[1]);
    const hi = arith(random[2]);
    return lo + Math.floor(Math.random() * (hi - lo + 1));
  }
  return arith(substituted);
}

async function runOnce(client, commands, baseVars, counter) {
  const vars = { ...baseVars };
  // One frame per open \if: whether its enclosing block is skipped, its condition, whether we skip now.
  const frames = [];
  const skipping = () => frames.length > 0 && frames[frames.length - 1].skip;
  for (const c of commands) {
    if (c.if !== undefined) {
      const outer = skipping();
      const cond = Boolean(Number(vars[c.if.replace(/^:/, "")]));
      frames.push({ outer, cond, skip: outer || !cond });
      continue;
    }
    if (c.else) {
      const f = frames[frames.length - 1];
      f.skip = f.outer || f.cond;
      continue;
    }
    if (c.endif) {
      frames.pop();
      continue;
    }
    if (skipping()) continue;
    if (c.set) {
      vars[c.set] = evaluate(c.expr, vars);
      continue;
    }
    const values = c.names.map((n) => (vars[n] === undefined ? null : String(vars[n])));
    const statement = values.length ? { name: `r${c.index}`, text: c.text, values } : c.text;
    const result = await client.query(statement);
    if (c.gset !== null && result.rows[0]) for (const [k, v] of Object.entries(result.rows[0])) vars[`${c.gset}${k}`] = v;
  }
  counter.n++;
}

/**
 * Runs `script` on `connections` connections for `seconds`; returns transactions per second and this
 * process's CPU (user + system) per transaction in ms.
 */
export async function replayScript({ script, databaseUrl, connections, seconds, vars }) {
  const commands = parseScript(script);
  commands.forEach((c, i) => (c.index = i));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const counter = { n: 0 };
  let failed = 0;
  const warm = Date.now() + 1000;
  // One second of warm-up (connections, prepared statements), then the measured window.
  const loop = async (until) => {
    const client = await pool.connect();
    try {
      while (Date.now() < until) {
        try {
          await runOnce(client, commands, vars, counter);
        } catch {
          failed++;
          await client.query("ROLLBACK").catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, () => loop(warm)));
  counter.n = 0;
  failed = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, () => loop(Date.now() + seconds * 1000)));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await pool.end();
  return { tps: counter.n / elapsed, transactions: counter.n, failed, cpuMsPerTransaction: counter.n ? (cpu.user + cpu.system) / 1000 / counter.n : null };
}
