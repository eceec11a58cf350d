<#-- iptables-restore / ip6tables-restore file for one server. Layout only: see IptablesLowering. -->
<@lines each=v.header prefix="# "/>
#
<@lines each=v.about prefix="# "/>
#
# Load (as root, from the output directory; loading again changes nothing):
#   ${v.load}
# Remove:
#   ${v.remove}
*filter
:${v.dispatchChain} - [0:0]
:${v.egressChain} - [0:0]
<#list v.wide as w>
:${w.name} - [0:0]
</#list>
-A ${v.dispatchChain} -m owner --uid-owner ${v.user} -m comment --comment "${v.comment}" -j ${v.egressChain}
-A ${v.egressChain} -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
<@lines each=v.rules prefix="-A ${v.egressChain} " suffix=" -j RETURN"/>
<@lines each=v.jumps prefix="-A ${v.egressChain} "/>
-A ${v.egressChain} -j REJECT --reject-with ${v.rejectWith}
<#list v.wide as w>
<@lines each=w.rules prefix="-A ${w.name} "/>
</#list>
COMMIT
