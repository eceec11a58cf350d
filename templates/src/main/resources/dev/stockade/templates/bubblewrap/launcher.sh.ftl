#!/usr/bin/env bash
<@lines each=v.header prefix="# "/>
#
# Runs the server under bubblewrap (0.8 or later). Started as root, it first drops to the
# server's user and group (setpriv), so the netfilter rules keyed on that user apply to it.
#
# Usage: $0                                 run the server
#        $0 --probe PROBE.sh [ARGS...]      run the boundary probe in this same sandbox
set -euo pipefail

server_user=${v.user}
server_group=${v.group}
workdir=${v.chdir}
command=(<#list v.command as word>${word}<#sep> </#sep></#list>)

<#noparse>
args=(--new-session --die-with-parent --unshare-all --unshare-user --disable-userns --cap-drop ALL)
# Remounts run after every mount: a grant inside a denied directory needs its mount point first.
late=()

# /bin, /lib...: a symlink into /usr on merged-/usr hosts, else a read-only directory.
top_level() {
  if [ -L "$1" ]; then
    args+=(--symlink "$(readlink "$1")" "$1")
  elif [ -e "$1" ]; then
    args+=(--ro-bind "$1" "$1")
  fi
}

system_file() {
  args+=(--ro-bind-try "$1" "$1")
}

grant_read() {
  args+=(--ro-bind-try "$1" "$1")
}

grant_write() {
  args+=(--bind-try "$1" "$1")
}

# A directory becomes an empty read-only tmpfs, anything else /dev/null. An absent path is held
# as an empty read-only directory only where a writable grant would let the server create it.
deny() {
  if [ -d "$1" ]; then
    args+=(--tmpfs "$1")
    late+=(--remount-ro "$1")
  elif [ -e "$1" ]; then
    args+=(--ro-bind /dev/null "$1")
  elif [ "${2-}" = create ]; then
    args+=(--tmpfs "$1")
    late+=(--remount-ro "$1")
  fi
}
</#noparse>

<#if v.shareNet>
# The allowlist is enforced by the netfilter rules for this user, not by bubblewrap.
args+=(--share-net)
</#if>
args+=(--ro-bind /usr /usr)
<@lines each=v.topLevel prefix="top_level "/>
<@lines each=v.systemFiles prefix="system_file "/>
args+=(--proc /proc --dev /dev --tmpfs /tmp)

# The policy's paths, parent before child: the most specific one is mounted last.
<@lines each=v.mounts/>

<#noparse>
if [ $# -gt 0 ]; then
  if [ "$1" != --probe ] || [ $# -lt 2 ]; then
    echo "usage: $0 [--probe PROBE.sh [ARGS...]]" >&2
    exit 2
  fi
  args+=(--ro-bind "$(realpath -e -- "$2")" /run/stockade-probe.sh)
  shift 2
  command=(/bin/bash /run/stockade-probe.sh "$@")
fi
if [ -d "$workdir" ]; then
  args+=(--chdir "$workdir")
else
  args+=(--chdir /)
fi
# The account database shows the server its own user and group only, not the host's accounts.
passwd_entry=$(getent passwd "$server_user") || { echo "$0: no user $server_user" >&2; exit 1; }
group_entry=$(getent group "$server_group") || { echo "$0: no group $server_group" >&2; exit 1; }
group_entry="${group_entry%:*}:"
args+=(--ro-bind-data 3 /etc/passwd --ro-bind-data 4 /etc/group)
args+=(--setenv PATH /usr/local/bin:/usr/bin:/bin --unsetenv _ "${late[@]}" --remount-ro /)
</#noparse>

# Only the declared secrets reach the sandbox. Not bwrap's --clearenv/--setenv: their values
# would sit in bwrap's argv, which every local user can read in /proc for the server's lifetime.
<#noparse>
for name in $(compgen -e); do
</#noparse>
<#if v.keepEnv?has_content>
  case "$name" in
    <#list v.keepEnv as name>${name}<#sep>|</#sep></#list>) ;;
    *) export -n "$name" ;;
  esac
<#else>
  export -n "$name"
</#if>
done
<#if v.fileSizeBlocks gte 0>
ulimit -f ${v.fileSizeBlocks}
</#if>
<#if v.openFiles gte 0>
ulimit -n ${v.openFiles}
</#if>

<#noparse>
if [ "$(id -u)" -eq 0 ]; then
  exec setpriv --reuid="$server_user" --regid="$server_group" --init-groups --no-new-privs \
    --inh-caps=-all --bounding-set=-all -- bwrap "${args[@]}" -- "${command[@]}" \
    3<<<"$passwd_entry" 4<<<"$group_entry"
fi
if [ "$(id -un)" != "$server_user" ]; then
  echo "$0: start this launcher as root or as user $server_user" >&2
  exit 1
fi
exec bwrap "${args[@]}" -- "${command[@]}" 3<<<"$passwd_entry" 4<<<"$group_entry"
</#noparse>
