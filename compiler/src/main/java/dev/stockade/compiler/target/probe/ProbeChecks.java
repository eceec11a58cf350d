package dev.stockade.compiler.target.probe;

import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.compiler.target.escape.TapEscape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checks collected in order, escaped for TAP and then for the shell. */
final class ProbeChecks {

    private final List<ProbeView.Check> checks = new ArrayList<>();

    void fs(String function, String description, String... args) {
        add(function, description, false, args);
    }

    void net(String function, String description, String... args) {
        add(function, description, true, args);
    }

    private void add(String function, String description, boolean network, String... args) {
        checks.add(new ProbeView.Check(function, ShellEscape.word(TapEscape.description(description)),
                Stream.of(args).map(ShellEscape::word).toList(), network));
    }

    List<ProbeView.Check> all() {
        return List.copyOf(checks);
    }
}
