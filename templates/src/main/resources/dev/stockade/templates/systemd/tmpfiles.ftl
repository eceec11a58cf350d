<#list v.header as line>
# ${line}
</#list>
# Install in /etc/tmpfiles.d; apply with systemd-tmpfiles --create. Secret files are created
# empty and root-only: write their values by hand, never into this file.
<#list v.lines as line>
${line}
</#list>
