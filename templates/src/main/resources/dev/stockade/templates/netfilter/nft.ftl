<#-- nft -f file for one server. Layout only: see NftLowering. -->
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

# The empty declaration lets the delete succeed on a first load; nft -f applies the whole file as
# one transaction, so the table is replaced atomically and nothing outside it is touched.
table inet ${v.table} {
}
delete table inet ${v.table}
table inet ${v.table} {
	chain output {
		type filter hook output priority filter; policy accept;
		meta skuid "${v.user}" jump egress comment "${v.comment}"
	}

	chain egress {
		ct state established,related accept
<#list v.rules as r>
		${r.family} daddr ${r.addresses} ${r.protocol} dport ${r.ports} accept
</#list>
		reject with icmpx admin-prohibited
	}
}
