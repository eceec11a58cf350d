package dev.stockade.compiler.target.bubblewrap;

import java.util.List;

/**
 * What the launcher template lays out; every string is already a shell word
 * ({@link dev.stockade.compiler.target.escape.ShellEscape#word}) except the header lines (comment
 * text) and the fixed numbers.
 *
 * @param mounts the policy's paths in parent-before-child order, each a call of one of the launcher's
 *     mount functions: {@code grant_read PATH} (read-only bind), {@code grant_write PATH} (writable
 *     bind) or {@code deny PATH} (hidden), {@code deny PATH create} when a writable grant encloses a
 *     denied path that does not exist yet, which must be held open as an empty read-only directory
 *     or the server could create it
 * @param keepEnv the declared secret names, the only variables the sandbox inherits
 * @param fileSizeBlocks {@code ulimit -f} in 1024-byte blocks, or -1
 * @param openFiles {@code ulimit -n}, or -1
 */
public record LauncherView(List<String> header, String user, String group, boolean shareNet, List<String> topLevel,
        List<String> systemFiles, List<String> mounts, List<String> keepEnv, long fileSizeBlocks, long openFiles,
        String chdir, List<String> command) {
}
