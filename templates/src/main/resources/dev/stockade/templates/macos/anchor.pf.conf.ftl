<@lines each=v.header prefix="# "/>
# Label: ${v.label}
#
# A pf anchor: outbound TCP and UDP of the sockets of user ${v.user} reach exactly the
# policy's grants; everything else of that user is refused at once (block return).
# /etc/pf.conf must evaluate the anchors once: anchor "stockade/*"
# Load (as root, with pf enabled by pfctl -e):
#   pfctl -a ${v.anchor} -f ${v.file}
# Check: pfctl -a ${v.anchor} -s rules    Remove: pfctl -a ${v.anchor} -F rules
<@lines each=v.rules/>
