package dev.stockade.compiler.target.probe;

import java.util.List;

/**
 * The probe script: its checks in order, each a call of one of the script's check functions.
 * Every string is already a shell word ({@link dev.stockade.compiler.target.escape.ShellEscape#word}).
 *
 * @param allowedEnv the variable names the server's environment may hold
 * @param checks one TAP test line each: the check function ({@code not_readable},
 *     {@code tcp_blocked}, ...), then its arguments, each a shell word, separated by spaces: the
 *     TAP description, then what the function checks (a path, an address and port, ...)
 */
public record ProbeView(List<String> header, String server, List<String> allowedEnv, List<String> checks) {
}
