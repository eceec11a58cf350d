#!/usr/bin/env bash
<@lines each=v.header prefix="# "/>
#
# The boundary probe: run it as the server runs (as its user, inside its sandbox), for example
#   bubblewrap/<server>.sh --probe probe/<server>.sh
# It prints TAP and exits 0 only when every check holds. --no-network skips the network checks.
# A connection refused by the host counts as reachable (the packet got through); a timeout or an
# error (unreachable, permission denied) counts as blocked.
set -uo pipefail
export LC_ALL=C

server=${v.server}
allowed_env=(<#list v.allowedEnv as name>${name}<#sep> </#sep></#list>)

<#noparse>
network=yes
for arg in "$@"; do
  case "$arg" in
    --no-network) network=no ;;
    *) echo "usage: $0 [--no-network]" >&2; exit 2 ;;
  esac
done

count=0
failed=0

# ok|fail DESCRIPTION [WHY]
result() {
  count=$((count + 1))
  if [ "$1" = ok ]; then
    echo "ok $count - $2"
  else
    failed=$((failed + 1))
    echo "not ok $count - $2"
    echo "#   ${3:-}"
  fi
}

skip_network() {
  count=$((count + 1))
  echo "ok $count - $1 # SKIP --no-network"
}

# A path reveals nothing: absent, an empty or unlistable directory, a file that cannot be opened,
# a socket that cannot be connected to, or a device (a file hidden under /dev/null).
not_readable() {
  local entries
  if [ ! -e "$2" ] && [ ! -L "$2" ]; then
    result ok "$1"
  elif [ -d "$2" ]; then
    entries=$(shopt -s nullglob dotglob; cd -- "$2" 2>/dev/null && set -- * && echo $#) || entries=0
    if [ "${entries:-0}" -eq 0 ]; then result ok "$1"; else result fail "$1" "lists $entries entries"; fi
  elif [ -S "$2" ]; then
    if [ -w "$2" ]; then result fail "$1" "the socket accepts connections"; else result ok "$1"; fi
  elif [ -f "$2" ]; then
    if (: < "$2") 2>/dev/null; then result fail "$1" "opened for reading"; else result ok "$1"; fi
  else
    result ok "$1"
  fi
}

readable() {
  if [ -d "$2" ]; then
    if [ -r "$2" ] && [ -x "$2" ]; then result ok "$1"; else result fail "$1" "cannot list the directory"; fi
  elif [ -f "$2" ]; then
    if (: < "$2") 2>/dev/null; then result ok "$1"; else result fail "$1" "cannot open for reading"; fi
  elif [ -e "$2" ]; then
    if [ -r "$2" ]; then result ok "$1"; else result fail "$1" "not readable"; fi
  else
    result fail "$1" "does not exist"
  fi
}

# Creates and removes a file in a directory; opens a file for writing without truncating it.
writable() {
  local probe="$2/.stockade-probe.$$"
  if [ -d "$2" ]; then
    if (set -C; : > "$probe") 2>/dev/null; then
      rm -f -- "$probe"
      result ok "$1"
    else
      result fail "$1" "cannot create a file in it"
    fi
  elif [ -f "$2" ]; then
    if (: 1<> "$2") 2>/dev/null; then result ok "$1"; else result fail "$1" "cannot open for writing"; fi
  else
    result fail "$1" "does not exist"
  fi
}

appendable() {
  if [ -f "$2" ] && (: >> "$2") 2>/dev/null; then result ok "$1"; else result fail "$1" "cannot open for appending"; fi
}

not_writable() {
  local probe="$2/.stockade-probe.$$"
  if [ -d "$2" ]; then
    if (set -C; : > "$probe") 2>/dev/null; then
      rm -f -- "$probe"
      result fail "$1" "created $probe"
    else
      result ok "$1"
    fi
  elif [ -f "$2" ]; then
    if (: 1<> "$2") 2>/dev/null; then result fail "$1" "opened for writing"; else result ok "$1"; fi
  else
    result ok "$1"
  fi
}

executable() {
  if [ -x "$2" ]; then result ok "$1"; else result fail "$1" "not executable"; fi
}

home_ssh_not_readable() {
  local name pw uid gid gecos home shell
  while IFS=: read -r name pw uid gid gecos home shell; do
    if [ "$uid" = "$EUID" ] && [ -n "$home" ]; then
      not_readable "$1" "$home/.ssh"
      return
    fi
  done 2>/dev/null < /etc/passwd
  result ok "$1"
}

# The environment of a process holds no variable beyond the declared secrets and the service
# manager's own (a process can always read its own environment: what matters is what is in it).
environ_only_allowed() {
  local entry name known extra=""
  if ! [ -r "$2" ]; then
    result ok "$1"
    return
  fi
  while IFS= read -r -d '' entry; do
    name=${entry%%=*}
    known=no
    for allowed in "${allowed_env[@]}"; do
      if [ "$name" = "$allowed" ]; then known=yes; fi
    done
    case "$name" in LC_*) known=yes ;; esac
    if [ "$known" = no ]; then extra="$extra $name"; fi
  done 2>/dev/null < "$2"
  if [ -z "$extra" ]; then result ok "$1"; else result fail "$1" "undeclared:$extra"; fi
}

# open | refused | blocked: WHY
connect_tcp() {
  local out rc
  out=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>&1) && rc=0 || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo open
  elif [ "$rc" -eq 124 ]; then
    echo "blocked: timed out"
  elif [[ "$out" == *"Connection refused"* ]]; then
    echo refused
  else
    echo "blocked: ${out##*: }"
  fi
}

# sent | blocked: WHY (UDP has no handshake: a datagram that leaves the socket counts as sent)
send_udp() {
  local out rc
  out=$(timeout 3 bash -c 'exec 3<>"/dev/udp/$1/$2" && printf x >&3' _ "$1" "$2" 2>&1) && rc=0 || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo sent
  elif [ "$rc" -eq 124 ]; then
    echo "blocked: timed out"
  else
    echo "blocked: ${out##*: }"
  fi
}

tcp_open() {
  if [ "$network" = no ]; then skip_network "$1"; return; fi
  local outcome
  outcome=$(connect_tcp "$2" "$3")
  case "$outcome" in open | refused) result ok "$1" ;; *) result fail "$1" "$outcome" ;; esac
}

tcp_blocked() {
  if [ "$network" = no ]; then skip_network "$1"; return; fi
  local outcome
  outcome=$(connect_tcp "$2" "$3")
  case "$outcome" in blocked*) result ok "$1" ;; *) result fail "$1" "$outcome" ;; esac
}

udp_open() {
  if [ "$network" = no ]; then skip_network "$1"; return; fi
  local outcome
  outcome=$(send_udp "$2" "$3")
  case "$outcome" in sent) result ok "$1" ;; *) result fail "$1" "$outcome" ;; esac
}

udp_blocked() {
  if [ "$network" = no ]; then skip_network "$1"; return; fi
  local outcome
  outcome=$(send_udp "$2" "$3")
  case "$outcome" in blocked*) result ok "$1" ;; *) result fail "$1" "$outcome" ;; esac
}
</#noparse>

echo "1..${v.checks?size}"
echo "# stockade boundary probe for server "${v.server}
<@lines each=v.checks/>

<#noparse>
if [ "$failed" -gt 0 ]; then
  echo "# $failed of $count checks failed"
  exit 1
fi
exit 0
</#noparse>
