<#-- iptables-restore / ip6tables-restore file for one server. Layout only: see IptablesLowering. -->
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
:${v.dispatchChain} - [0:0]
:${v.egressChain} - [0:0]
-A ${v.dispatchChain} -m owner --uid-owner ${v.user} -m comment --comment "${v.comment}" -j ${v.egressChain}
-A ${v.egressChain} -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
<#list v.rules as r>
-A ${v.egressChain} ${r.destination} ${r.ports} -j RETURN
</#list>
-A ${v.egressChain} -j REJECT --reject-with ${v.rejectWith}
COMMIT
