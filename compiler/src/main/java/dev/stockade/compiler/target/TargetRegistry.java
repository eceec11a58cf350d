package dev.stockade.compiler.target;

import dev.stockade.compiler.target.audit.AuditTarget;
import dev.stockade.compiler.target.bubblewrap.BubblewrapTarget;
import dev.stockade.compiler.target.compose.ComposeTarget;
import dev.stockade.compiler.target.kubernetes.KubernetesTarget;
import dev.stockade.compiler.target.macos.MacosTarget;
import dev.stockade.compiler.target.mcp.McpTarget;
import dev.stockade.compiler.target.netfilter.NetfilterTarget;
import dev.stockade.compiler.target.probe.ProbeTarget;
import dev.stockade.compiler.target.systemd.SystemdTarget;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every target by name, in a fixed order. */
public final class TargetRegistry {

    private static final List<Target> ALL = List.of(
            new SystemdTarget(), new NetfilterTarget(), new BubblewrapTarget(), new AuditTarget(), new ProbeTarget(),
            new KubernetesTarget(), new ComposeTarget(), new MacosTarget(), new McpTarget());

    private static final Map<String, Target> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Target::name, Function.identity(), (a, b) -> a, TreeMap::new));

    private TargetRegistry() {
    }

    public static List<Target> all() {
        return ALL;
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The targets named, in registry order; an unknown name is an error that lists the valid ones. */
    public static List<Target> select(Collection<String> names) {
        for (String name : names) {
            if (!BY_NAME.containsKey(name)) {
                throw new IllegalArgumentException("unknown target \"" + name + "\"; the targets are "
                        + String.join(", ", BY_NAME.keySet()));
            }
        }
        return ALL.stream().filter(t -> names.contains(t.name())).toList();
    }
}
