<#-- nft -f file for one server. Layout only: see NftLowering. -->
<@lines each=v.header prefix="# "/>
#
<@lines each=v.about prefix="# "/>
#
# Load (as root, from the output directory; loading again changes nothing):
#   ${v.load}
# Remove (this server only):
#   ${v.remove}
# Remove every server's rules:
#   ${v.removeAll}

# nft -f applies the whole file as one transaction. Declaring what exists changes nothing, so the
# shared table, its map and chains and this server's sets are declared first; the output chain
# (always the same two rules), this server's chain and its sets are then emptied and filled again.
# The element is added (a no-op when it exists), deleted and added again, so a reload replaces its
# comment too; adding it fails, and the whole file with it, only if the user already dispatches to
# another server's chain.
table inet ${v.table} {
	map ${v.map} {
		type uid : verdict
	}
<#list v.families as f>
	set ${f.set} {
		type ${f.type}
		flags interval
	}
</#list>
<#list v.wide as w>
	set ${w.addresses} {
		type ${w.addressType}
		flags interval
	}
	set ${w.ports} {
		type inet_proto . inet_service
		flags interval
	}
</#list>
	chain output {
		type filter hook output priority filter; policy accept;
	}
	chain ${v.chain} {
		comment "${v.comment}"
	}
}
flush chain inet ${v.table} output
flush chain inet ${v.table} ${v.chain}
<#list v.families as f>
flush set inet ${v.table} ${f.set}
</#list>
<#list v.wide as w>
flush set inet ${v.table} ${w.addresses}
flush set inet ${v.table} ${w.ports}
</#list>
add rule inet ${v.table} output ct state established,related accept
add rule inet ${v.table} output meta skuid vmap @${v.map}
add element inet ${v.table} ${v.map} { "${v.user}" : jump ${v.chain} }
delete element inet ${v.table} ${v.map} { "${v.user}" }
add element inet ${v.table} ${v.map} { "${v.user}" comment "${v.comment}" : jump ${v.chain} }
table inet ${v.table} {
<#list v.families as f>
	set ${f.set} {
		type ${f.type}
		flags interval
<#list f.elements as e>
		<#if e?is_first>elements = { <#else>	     </#if>${e}<#if e?has_next>,<#else> }</#if>
</#list>
	}

</#list>
<#list v.wide as w>
	set ${w.addresses} {
		type ${w.addressType}
		flags interval
<#list w.addressElements as e>
		<#if e?is_first>elements = { <#else>	     </#if>${e}<#if e?has_next>,<#else> }</#if>
</#list>
	}

	set ${w.ports} {
		type inet_proto . inet_service
		flags interval
<#list w.portElements as e>
		<#if e?is_first>elements = { <#else>	     </#if>${e}<#if e?has_next>,<#else> }</#if>
</#list>
	}

</#list>
	chain ${v.chain} {
<#list v.families as f>
<@lines each=f.loopback prefix="\t\t" suffix=" accept"/>
</#list>
<#list v.families as f>
		${f.match} @${f.set} accept
</#list>
<#list v.wide as w>
		${w.rule}
</#list>
		reject with icmpx admin-prohibited
	}
}
