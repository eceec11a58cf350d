package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.check.Findings;
import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.check.ServerRule;
import dev.stockade.dsl.diagnostic.RuleCatalog;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.model.FsMode;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code volume-ungranted}: a {@code kubernetes} {@code volume} names a path that no {@code read},
 * {@code write}, {@code append} or {@code execute} statement grants. A volume only says where a
 * grant's files come from; mounting one elsewhere would widen the policy, so the target never does.
 */
public final class VolumeUngranted implements ServerRule {

    @Override
    public RuleInfo info() {
        return RuleCatalog.VOLUME_UNGRANTED;
    }

    @Override
    public void check(ServerContext server, Findings findings) {
        List<KubernetesVolume> volumes = server.server().kubernetes().map(KubernetesSettings::volumes).orElse(List.of());
        if (volumes.isEmpty()) {
            return;
        }
        Set<String> granted = ModelGrants.of(server.server()).stream().map(g -> g.path().value()).collect(Collectors.toSet());
        Set<String> denied = ModelGrants.all(server.server()).stream().filter(g -> g.mode() == FsMode.DENY)
                .map(g -> g.path().value()).collect(Collectors.toSet());
        for (KubernetesVolume volume : volumes) {
            String path = volume.path().value();
            if (granted.contains(path)) {
                continue;
            }
            Optional<String> parent = granted.stream().filter(g -> g.equals("/") || path.startsWith(g + "/"))
                    .max(java.util.Comparator.comparingInt(String::length));
            String why = denied.contains(path) ? "it is denied" : "no filesystem statement grants it";
            String hint = parent.map(p -> "name the granted path instead: volume \"" + p + "\" ..., or grant \""
                            + path + "\" itself in filesystem { }")
                    .orElse("grant it in filesystem { } (read, write, append or execute), or remove the volume");
            findings.report(info(), server, volume.path().span(),
                    "volume \"" + path + "\" is not a filesystem grant: " + why, hint);
        }
    }
}
