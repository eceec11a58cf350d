#!/usr/bin/python3
"""Exec a program under the seccomp filter a systemd unit asks for (test helper, not shipped).

usage: seccomp-exec.py ALLOW_GROUPS DENY_GROUPS FAMILIES MDWE -- PROGRAM ARGS...
  ALLOW_GROUPS  e.g. "@system-service" (SystemCallFilter=)
  DENY_GROUPS   e.g. "@privileged @resources" (SystemCallFilter=~)
  FAMILIES      e.g. "AF_UNIX AF_INET" (RestrictAddressFamilies=)
  MDWE          "yes" or "no" (MemoryDenyWriteExecute=)
Everything else fails with EPERM (SystemCallErrorNumber=EPERM). The groups are expanded by the
same systemd-analyze that reads the unit, so the sets are systemd's own. Loading the filter sets
no_new_privs, as NoNewPrivileges=yes does.
"""
import errno
import mmap
import os
import socket
import subprocess
import sys

import seccomp


def groups():
    out = subprocess.run(["systemd-analyze", "syscall-filter", "--no-pager"], check=True,
                         capture_output=True, text=True, timeout=30).stdout
    table, current = {}, None
    for line in out.splitlines():
        if line.startswith("@"):
            current = table.setdefault(line.strip(), [])
        elif current is not None and line.strip() and not line.strip().startswith("#"):
            current.append(line.strip())
    return table


def expand(names, table, seen=None):
    seen = set() if seen is None else seen
    calls = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        calls |= expand(table.get(name, []), table, seen) if name.startswith("@") else {name}
    return calls


def main():
    allow_groups, deny_groups, families, mdwe = sys.argv[1:5]
    assert sys.argv[5] == "--"
    table = groups()
    allowed = expand(allow_groups.split(), table) - expand(deny_groups.split(), table)
    allowed |= {"execve", "exit", "exit_group", "getrlimit", "rt_sigreturn", "sigreturn"}
    f = seccomp.SyscallFilter(defaction=seccomp.ERRNO(errno.EPERM))
    conditional = {"socket"} | ({"mmap", "mprotect", "pkey_mprotect", "shmat"} if mdwe == "yes" else set())
    for call in sorted(allowed - conditional):
        try:
            f.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError, OSError):
            pass  # not a syscall of this architecture
    for family in families.split():
        f.add_rule(seccomp.ALLOW, "socket", seccomp.Arg(0, seccomp.EQ, getattr(socket, family)))
    if mdwe == "yes":
        wx = mmap.PROT_WRITE | mmap.PROT_EXEC
        for ok in (0, mmap.PROT_WRITE, mmap.PROT_EXEC):
            f.add_rule(seccomp.ALLOW, "mmap", seccomp.Arg(2, seccomp.MASKED_EQ, wx, ok))
        for call in ("mprotect", "pkey_mprotect"):
            if call in allowed:
                f.add_rule(seccomp.ALLOW, call, seccomp.Arg(2, seccomp.MASKED_EQ, mmap.PROT_EXEC, 0))
        if "shmat" in allowed:
            f.add_rule(seccomp.ALLOW, "shmat", seccomp.Arg(2, seccomp.MASKED_EQ, 0o100000, 0))
    f.load()
    os.execv(sys.argv[6], sys.argv[6:])


main()
