<#-- The volumes: block of one compose service, included as text by compose.yaml.ftl. Layout only: see ServiceLowering. -->
    volumes:
<#list v.volumes as m>
      - type: ${m.type}
<#if m.source?has_content>
        source: ${m.source}
</#if>
        target: ${m.target}
<#if m.readOnly>
        read_only: true
</#if>
<#if m.size != 0>
        tmpfs:
          size: ${m.size}
</#if>
</#list>
