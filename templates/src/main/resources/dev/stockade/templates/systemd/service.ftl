<@lines each=v.header prefix="# "/>

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
<@lines each=v.secrets/>

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
<@lines each=v.filesystem/>

# Network
<@lines each=v.network/>

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
<@lines each=v.runtime/>
<#if v.limits?has_content>

# Limits
<@lines each=v.limits/>
</#if>

[Install]
WantedBy=multi-user.target
