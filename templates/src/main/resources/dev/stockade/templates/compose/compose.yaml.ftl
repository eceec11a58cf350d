<#-- compose/compose.yaml for every server with a compose block. Layout only: see ComposeTarget. -->
<@lines each=v.header prefix="# "/>
#
<@lines each=v.about prefix="# "/>
services:
<#list v.services as s>
<@lines each=s.comments prefix="  # "/>
  ${s.name}:
    ${s.source}: ${s.reference}
    user: ${s.user}
    read_only: true
    tmpfs:
      - "/tmp"
    cap_drop:
      - ALL
    security_opt:
      - "no-new-privileges:true"
<#if s.memLimit?has_content>
    mem_limit: ${s.memLimit}
</#if>
<#if s.cpus?has_content>
    cpus: ${s.cpus}
</#if>
<#if s.pidsLimit != 0>
    pids_limit: ${s.pidsLimit}
</#if>
<#if s.ulimits?has_content>
    ulimits:
<#list s.ulimits as u>
      ${u.name}:
        soft: ${u.value}
        hard: ${u.value}
</#list>
</#if>
<#if s.environment?has_content>
    environment:
<@lines each=s.environment prefix="      - "/>
</#if>
<#-- s.volumes: the volumes: block, rendered per service by compose/volumes.yaml.ftl -->
${s.volumes}<#t>
<#if s.network?has_content>
<#if s.dns?has_content>
    dns:
<@lines each=s.dns prefix="      - "/>
</#if>
    networks:
<#list s.network as n>
      ${n.name}:
        ipv4_address: ${n.v4}
        ipv6_address: ${n.v6}
</#list>
<#else>
    network_mode: none
</#if>
</#list>
<#if v.networks?has_content>
networks:
<#list v.networks as n>
  ${n.name}:
    driver: bridge
    enable_ipv6: true
    ipam:
      config:
        - subnet: ${n.v4}
        - subnet: ${n.v6}
</#list>
</#if>
