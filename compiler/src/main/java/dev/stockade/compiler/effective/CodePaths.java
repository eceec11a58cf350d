package dev.stockade.compiler.effective;

import dev.stockade.dsl.model.Command;
import dev.stockade.dsl.model.PathValue;
import dev.stockade.dsl.model.Server;
import dev.stockade.dsl.model.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's own code: the program, the script it runs and the workdir, which the language
 * grants read and execute (never write).
 *
 * <p>The script is the first argument that is an absolute path with a script or archive extension
 * ({@code .js .mjs .cjs .ts .py .pyz .jar .rb .pl .sh}); arguments like {@code -m module} or a data
 * directory are not code. Without an explicit {@code workdir}, the workdir is the script's directory.
 */
public record CodePaths(Optional<PathValue> program, Optional<Text> script, Optional<String> workdir,
        boolean workdirImplied) {

    private static final List<String> SCRIPT_EXTENSIONS =
            List.of(".js", ".mjs", ".cjs", ".ts", ".py", ".pyz", ".jar", ".rb", ".pl", ".sh");

    public static CodePaths of(Server server) {
        Optional<PathValue> program = server.command().map(Command::program)
                .filter(p -> p.value().startsWith("/"));
        Optional<Text> script = server.command().flatMap(CodePaths::script);
        if (server.workdir().isPresent()) {
            return new CodePaths(program, script, server.workdir().map(PathValue::value), false);
        }
        Optional<String> implied = script.map(s -> parent(s.value()));
        return new CodePaths(program, script, implied, true);
    }

    private static Optional<Text> script(Command command) {
        return command.args().stream().filter(arg -> isScript(arg.value())).findFirst();
    }

    static boolean isScript(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return arg.startsWith("/") && !arg.contains("/../") && !arg.contains("/./")
                && SCRIPT_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
