<#list v.header as line>
# ${line}
</#list>
# Install in /etc/sysusers.d; apply with systemd-sysusers.
<#list v.lines as line>
${line}
</#list>
