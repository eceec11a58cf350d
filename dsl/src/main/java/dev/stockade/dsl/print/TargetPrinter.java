package dev.stockade.dsl.print;

import dev.stockade.dsl.model.ComposeSettings;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import dev.stockade.dsl.model.Label;
import dev.stockade.dsl.model.MacosSettings;
import dev.stockade.dsl.model.Mount;
import dev.stockade.dsl.model.SystemdSettings;
import java.util.ArrayList;
import java.util.List;

/** The per-target blocks: {@code kubernetes}, {@code compose}, {@code systemd}, {@code macos}. */
final class TargetPrinter {

    private TargetPrinter() {
    }

    /**
     * {@code namespace}, {@code image}, {@code service-account}, {@code run-as-user},
     * {@code run-as-group}, then {@code labels} when there are any (an empty {@code labels { }} and
     * none at all are the same model), then the volumes in the order written.
     */
    static Lines kubernetes(KubernetesSettings kubernetes) {
        List<String> body = new ArrayList<>();
        kubernetes.namespace().ifPresent(namespace -> body.add("namespace " + namespace.value()));
        kubernetes.image().ifPresent(image -> body.add("image " + Tokens.string(image.value())));
        kubernetes.serviceAccount().ifPresent(account -> body.add("service-account " + account.value()));
        kubernetes.runAsUser().ifPresent(uid -> body.add("run-as-user " + uid.value()));
        kubernetes.runAsGroup().ifPresent(gid -> body.add("run-as-group " + gid.value()));
        if (!kubernetes.labels().isEmpty()) {
            List<String> labels = new ArrayList<>();
            for (Label label : kubernetes.labels()) {
                labels.add(Tokens.labelKey(label.key().value()) + " = " + Tokens.string(label.value().value()));
            }
            body.addAll(Lines.block("labels", labels).lines());
        }
        for (KubernetesVolume volume : kubernetes.volumes()) {
            String source = volume.kind().named() ? volume.source().value() : Tokens.string(volume.source().value());
            body.add("volume " + Tokens.string(volume.path().value()) + " " + volume.kind().keyword() + " " + source);
        }
        return Lines.block("kubernetes", body);
    }

    static Lines compose(ComposeSettings compose) {
        List<String> body = new ArrayList<>();
        compose.image().ifPresent(image -> body.add("image " + Tokens.string(image.value())));
        compose.build().ifPresent(build -> body.add("build " + Tokens.string(build.value())));
        for (Mount mount : compose.mounts()) {
            body.add("mount " + Tokens.string(mount.host().value()) + " at " + Tokens.string(mount.container().value()));
        }
        return Lines.block("compose", body);
    }

    static Lines systemd(SystemdSettings systemd) {
        List<String> body = new ArrayList<>();
        systemd.unitName().ifPresent(name -> body.add("unit-name " + name.value()));
        return Lines.block("systemd", body);
    }

    static Lines macos(MacosSettings macos) {
        List<String> body = new ArrayList<>();
        macos.label().ifPresent(label -> body.add("label " + Tokens.string(label.value())));
        return Lines.block("macos", body);
    }
}
