<#list v.header as line>
# ${line}
</#list>

[Unit]
Description=${v.description}
<#if v.online>
Wants=network-online.target
After=network-online.target
</#if>

[Service]
Type=exec
ExecStart=${v.execStart}
<#if v.workingDirectory?has_content>
WorkingDirectory=${v.workingDirectory}
</#if>

# Identity
User=${v.user}
Group=${v.group}
DynamicUser=no
<#list v.secrets as line>
${line}
</#list>

# Privileges
NoNewPrivileges=yes
CapabilityBoundingSet=
AmbientCapabilities=
UMask=0077
RemoveIPC=yes
KeyringMode=private
NotifyAccess=none

# Filesystem
PrivateTmp=yes
PrivateDevices=yes
DevicePolicy=closed
PrivateMounts=yes
<#list v.filesystem as line>
${line}
</#list>

# Network
<#list v.network as line>
${line}
</#list>

# Kernel and process isolation
PrivateUsers=yes
PrivateIPC=yes
ProtectHostname=yes
ProtectClock=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectProc=invisible
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged @resources
SystemCallErrorNumber=EPERM
<#list v.runtime as line>
${line}
</#list>
<#if v.limits?has_content>

# Limits
<#list v.limits as line>
${line}
</#list>
</#if>

[Install]
WantedBy=multi-user.target
