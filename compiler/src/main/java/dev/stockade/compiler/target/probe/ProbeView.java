package dev.stockade.compiler.target.probe;

import java.util.List;

/**
 * The probe script: its checks in order, each a call of one of the script's check functions.
 * Every string is already a shell word ({@link dev.stockade.compiler.target.escape.ShellEscape#word}).
 *
 * @param allowedEnv the variable names the server's environment may hold
 */
public record ProbeView(List<String> header, String server, List<String> allowedEnv, List<Check> checks) {

    /**
     * One TAP test line.
     *
     * @param function the check function ({@code not_readable}, {@code tcp_blocked}, ...)
     * @param description the TAP description
     * @param args the function's arguments after the description
     * @param network whether {@code --no-network} skips it
     */
    public record Check(String function, String description, List<String> args, boolean network) {
    }
}
