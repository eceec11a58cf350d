<@lines each=v.header prefix="# "/>
# Install in /etc/sysusers.d; apply with systemd-sysusers.
<@lines each=v.lines/>
