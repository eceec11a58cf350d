<@lines each=v.header prefix="# "/>
# The audit settings of one server: what is recorded, by whom, where, and in what shape.
server: ${v.server}
user: ${v.user}
group: ${v.group}
key: ${v.key}
log: ${v.log}
rules: ${v.rulesFile}
<#if v.events?has_content>
events:
<#list v.events as event>
  - name: ${event.name}
    source: ${event.source}
    records: ${event.records}
</#list>
<#else>
events: []
</#if>
<#if v.rotateBytes gte 0>
rotate:
  size-bytes: ${v.rotateBytes}
  keep: ${v.keep}
  logrotate: ${v.logrotateFile}
<#else>
rotate: null
</#if>
# One JSON object per line of the log (JSON Schema 2020-12). Kernel events reach the log
# through the audit daemon's dispatcher; application events (auth-failure) are written by the
# server itself.
event-schema:
  $schema: "https://json-schema.org/draft/2020-12/schema"
  type: "object"
  additionalProperties: false
  required: ["timestamp", "server", "event", "operation", "pid", "result"]
  properties:
    timestamp:
      type: "string"
      format: "date-time"
    server:
      const: ${v.server}
    event:
<#if v.eventNames?has_content>
      enum: [<#list v.eventNames as name>${name}<#sep>, </#sep></#list>]
<#else>
      enum: []
</#if>
    path:
      type: ["string", "null"]
    operation:
      type: "string"
    pid:
      type: "integer"
      minimum: 1
    result:
      enum: ["success", "failure", "denied"]
