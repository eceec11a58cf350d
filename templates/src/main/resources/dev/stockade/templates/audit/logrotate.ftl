<@lines each=v.header prefix="# "/>
# Check: logrotate -d audit/<server>.logrotate. Size is checked each time logrotate runs:
# run it at least hourly for size-based rotation.
${v.path} {
    size ${v.size}
    rotate ${v.keep}
    copytruncate
    missingok
    notifempty
    compress
    delaycompress
<#if v.appendOnlyPath??>
    # The log is append-only (chattr +a): lift it for the truncation, then set it again.
    prerotate
        chattr -a ${v.appendOnlyPath}
    endscript
    postrotate
        chattr +a ${v.appendOnlyPath}
    endscript
</#if>
}
