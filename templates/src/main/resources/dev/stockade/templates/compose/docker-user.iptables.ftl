<#-- compose/<server>.docker-user.iptables / .ip6tables. Layout only: see DockerUserLowering. -->
<#list v.header as line>
# ${line}
</#list>
#
<#list v.about as line>
# ${line}
</#list>
#
# Load (as root, from the output directory; loading again changes nothing):
#   ${v.load}
# Remove:
#   ${v.remove}
*filter
:${v.chain} - [0:0]
-A ${v.chain} ! -s ${v.source} -j RETURN
-A ${v.chain} -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "${v.comment}" -j RETURN
<#list v.rules as r>
-A ${v.chain} ${r} -j RETURN
</#list>
-A ${v.chain} -j REJECT --reject-with ${v.rejectWith}
COMMIT
