<@lines each=v.header prefix="# "/>
# Install in /etc/tmpfiles.d; apply with systemd-tmpfiles --create. Secret files are created
# empty and root-only: write their values by hand, never into this file.
<@lines each=v.lines/>
