package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.FsMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code secret-file}: a grant that hands the server a secret as a file at a fixed path (a mounted
 * secrets directory, a key or credentials file) instead of injecting it into its environment.
 * Credential stores proper ({@code .env}, {@code .ssh}, ...) are {@code fs-sensitive-path}.
 */
public final class SecretFile implements ServerRule {

    private static final List<String> SECRET_DIRS = List.of("/run/secrets", "/var/run/secrets");
    private static final List<String> SECRET_SUFFIXES = List.of(".pem", ".key", ".p12", ".pfx", ".jks", ".keystore",
            ".token");
    private static final List<String> SECRET_NAMES = List.of("credentials", "credentials.json", "secrets",
            "secrets.json", "secrets.yaml", "secrets.yml", "token", "id_rsa", "id_ed25519", "service-account.json");

    @Override
    public RuleInfo info() {
        return RuleCatalog.SECRET_FILE;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        for (ModelGrants grant : ModelGrants.of(server.server())) {
            boolean reads = grant.mode() == FsMode.READ || grant.mode() == FsMode.EXECUTE;
            // A key inside a credential store (.ssh/id_rsa) is already an fs-sensitive-path error.
            if (reads && isSecretFile(grant.path().value())
                    && FsSensitivePath.sensitivePart(grant.path().value()).isEmpty()) {
                findings.report(info(), server, grant.path().span(),
                        "\"" + grant.path().value() + "\" hands the server a secret as a file at a fixed path",
                        "inject it instead: secrets { env NAME } or vault \"PATH\" { NAME = field }");
            }
        }
    }

    static boolean isSecretFile(String path) {
        for (String dir : SECRET_DIRS) {
            if (path.startsWith(dir) && (path.length() == dir.length() || path.charAt(dir.length()) == '/')) {
                return true;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (SECRET_NAMES.contains(last)) {
            return true;
        }
        for (String suffix : SECRET_SUFFIXES) {
            if (last.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
