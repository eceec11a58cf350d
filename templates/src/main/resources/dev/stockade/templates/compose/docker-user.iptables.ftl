<#-- compose/<server>.docker-user.iptables / .ip6tables. Layout only: see DockerUserLowering. -->
<@lines each=v.header prefix="# "/>
#
<@lines each=v.about prefix="# "/>
#
# Load (as root, from the output directory; loading again changes nothing):
#   ${v.load}
# Remove:
#   ${v.remove}
*filter
:${v.chain} - [0:0]
<#list v.wide as w>
:${w.name} - [0:0]
</#list>
-A ${v.chain} ! -s ${v.source} -j RETURN
-A ${v.chain} -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "${v.comment}" -j RETURN
<@lines each=v.rules prefix="-A ${v.chain} " suffix=" -j RETURN"/>
<@lines each=v.jumps prefix="-A ${v.chain} "/>
-A ${v.chain} -j REJECT --reject-with ${v.rejectWith}
<#list v.wide as w>
<@lines each=w.rules prefix="-A ${w.name} "/>
</#list>
COMMIT
