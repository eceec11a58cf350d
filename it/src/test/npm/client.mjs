// The MCP client of the boundary suite (official TypeScript SDK, stdio). Usage:
//   node client.mjs PLAN.json RESULTS.json
// PLAN: {"servers": {ID: {"command", "args", "env", "cwd"}}, "calls": [{"id", "server", "tool", "args"}]}
// Starts every server, lists its tools, makes the calls in order (20 s each) and writes
// {"tools": {ID: [names]}, "results": [{"id", "isError", "text"}], "stderr": {ID: text}}.
// A call whose arguments hold "redact": MARKER gets the text of a successful reply replaced by its
// length and whether it holds MARKER (used for /etc/shadow: its content never reaches a file).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import fs from "node:fs";

const [planFile, resultsFile] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
const out = { tools: {}, results: [], stderr: {} };
const clients = {};
const stderr = {};
const save = () => fs.writeFileSync(resultsFile, JSON.stringify(out, null, 1));

try {
  for (const [id, spec] of Object.entries(plan.servers)) {
    const transport = new StdioClientTransport({ ...spec, stderr: "pipe" });
    stderr[id] = [];
    transport.stderr?.on("data", (chunk) => stderr[id].push(chunk.toString()));
    const client = new Client({ name: "stockade-boundary-suite", version: "1.0.0" });
    await client.connect(transport, { timeout: 30000 });
    clients[id] = client;
    out.tools[id] = (await client.listTools(undefined, { timeout: 20000 })).tools.map((t) => t.name);
  }
  for (const call of plan.calls) {
    let result;
    try {
      const { redact, ...args } = call.args;
      const r = await clients[call.server].callTool({ name: call.tool, arguments: args }, undefined,
        { timeout: 20000 });
      let text = r.content.map((c) => c.text ?? `[${c.type}]`).join("\n");
      if (redact !== undefined && !r.isError) {
        text = `[redacted: ${text.length} chars, ${text.includes(redact) ? "contains" : "lacks"} ${redact}]`;
      }
      result = { isError: Boolean(r.isError), text };
    } catch (error) {
      result = { isError: true, text: `client: ${error.message}` };
    }
    out.results.push({ id: call.id, ...result });
  }
} finally {
  for (const client of Object.values(clients)) {
    await client.close().catch(() => {});
  }
  for (const [id, chunks] of Object.entries(stderr)) {
    out.stderr[id] = chunks.join("").slice(-4000);
  }
  save();
}
