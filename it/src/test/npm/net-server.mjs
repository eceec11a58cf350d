// A minimal MCP server (official TypeScript SDK, stdio) that does what a fetch server does, plus
// the file appends a logging server does: the boundary suite's network and log attacks call it.
// Every error is returned to the client with its errno code, so the test can tell which layer
// refused (EHOSTUNREACH/EACCES from netfilter, EPERM from the append-only attribute, ...).
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import dgram from "node:dgram";
import fs from "node:fs/promises";
import http from "node:http";
import net from "node:net";

const string = { type: "string" };
const TOOLS = [
  { name: "fetch", description: "HTTP GET a URL (optionally over a Unix socket)",
    inputSchema: { type: "object", properties: { url: string, socketPath: string }, required: ["url"] } },
  { name: "dns_query", description: "Ask a DNS resolver (UDP port 53) for the A record of a name",
    inputSchema: { type: "object", properties: { resolver: string, name: string }, required: ["resolver", "name"] } },
  { name: "append_file", description: "Append text to a file",
    inputSchema: { type: "object", properties: { path: string, content: string }, required: ["path", "content"] } },
  { name: "overwrite_file", description: "Truncate a file in place and write text to it",
    inputSchema: { type: "object", properties: { path: string, content: string }, required: ["path", "content"] } },
];

function fetchUrl({ url, socketPath }) {
  return new Promise((resolve, reject) => {
    const options = socketPath ? { socketPath, path: new URL(url).pathname, timeout: 5000 } : { timeout: 5000 };
    const onResponse = (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => { body += chunk; });
      response.on("end", () => resolve(`HTTP ${response.statusCode}\n${body}`));
    };
    const request = socketPath ? http.get(options, onResponse) : http.get(url, options, onResponse);
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
  });
}

function dnsQuery({ resolver, name }) {
  const labels = name.split(".").map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const query = Buffer.concat([Buffer.from([0x53, 0x4b, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels,
    Buffer.from([0, 0, 1, 0, 1])]);
  const socket = dgram.createSocket(net.isIPv6(resolver) ? "udp6" : "udp4");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(Object.assign(new Error("no answer in 3 s"), { code: "ETIMEDOUT" })), 3000);
    const finish = (error, answer) => {
      clearTimeout(timer);
      socket.close();
      error ? reject(error) : resolve(answer);
    };
    socket.on("error", (error) => finish(error));
    socket.on("message", (reply) => {
      const a = reply.subarray(reply.length - 4);
      finish(null, `answer ${a[0]}.${a[1]}.${a[2]}.${a[3]} from ${resolver}`);
    });
    socket.send(query, 53, resolver, (error) => error && finish(error));
  });
}

const HANDLERS = {
  fetch: fetchUrl,
  dns_query: dnsQuery,
  append_file: async ({ path, content }) => { await fs.appendFile(path, content); return `appended to ${path}`; },
  overwrite_file: async ({ path, content }) => { await fs.writeFile(path, content, { flag: "w" }); return `wrote ${path}`; },
};

const server = new Server({ name: "stockade-test-net", version: "1.0.0" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const handler = HANDLERS[request.params.name];
  if (!handler) {
    return { isError: true, content: [{ type: "text", text: `unknown tool ${request.params.name}` }] };
  }
  try {
    return { content: [{ type: "text", text: await handler(request.params.arguments ?? {}) }] };
  } catch (error) {
    return { isError: true, content: [{ type: "text", text: `${error.code ?? "ERROR"}: ${error.message}` }] };
  }
});
await server.connect(new StdioServerTransport());
