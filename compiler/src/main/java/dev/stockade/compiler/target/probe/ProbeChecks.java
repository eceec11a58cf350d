package dev.stockade.compiler.target.probe;

import dev.stockade.compiler.target.escape.ShellEscape;
import dev.stockade.compiler.target.escape.TapEscape;
import java.util.ArrayList;
import java.util.List;

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
        String[] words = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = ShellEscape.word(args[i]);
        }
        checks.add(new ProbeView.Check(function, ShellEscape.word(TapEscape.description(description)), List.of(words),
                network));
    }

    List<ProbeView.Check> all() {
        return List.copyOf(checks);
    }
}
