<@lines each=v.header prefix="# "/>
#
# Load after the server's user exists (auditctl resolves its name):
#   auditctl -c -R audit/<server>.rules        (or copy to /etc/audit/rules.d/ and run augenrules --load)
# Unload exactly these rules, and nothing else:
#   auditctl -D -k ${v.key}
# This file never flushes (-D), and never changes the audit system's global settings (-b, -e, -f).
<#list v.sections as section>

# ${section.comment}
<@lines each=section.rules/>
</#list>
