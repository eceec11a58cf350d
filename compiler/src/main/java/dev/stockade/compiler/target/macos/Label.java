package dev.stockade.compiler.target.macos;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.dsl.model.MacosSettings;
import dev.stockade.dsl.model.Text;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's macOS label, {@code macos { label "REVERSE-DNS" }}: at least two dot-separated
 * components of letters, digits and inner hyphens, the first starting with a letter, at most 255
 * characters (what launchd and the unified log accept as an identifier). Without one, or with one
 * that is not reverse-DNS (reported), it is {@code dev.stockade.<server>}.
 */
final class Label {

    private static final Pattern REVERSE_DNS =
            Pattern.compile("[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private Label() {
    }

    static boolean valid(String label) {
        return label.length() <= 255 && REVERSE_DNS.matcher(label).matches() && !label.contains("-.");
    }

    static String of(ServerContext server, TargetReport report) {
        String fallback = "dev.stockade." + server.name();
        Optional<Text> label = server.server().macos().flatMap(MacosSettings::label);
        if (label.isEmpty()) {
            return fallback;
        }
        if (valid(label.get().value())) {
            return label.get().value();
        }
        report.approximation(MacosTarget.NAME, server, label.get().span(),
                "label is not a reverse-DNS name; " + fallback + " is used instead",
                "write the label as dot-separated letters, digits and hyphens, such as com.example.tools");
        return fallback;
    }
}
