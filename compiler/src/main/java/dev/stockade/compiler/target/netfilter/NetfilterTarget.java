package dev.stockade.compiler.target.netfilter;

import dev.stockade.compiler.check.ServerContext;
import dev.stockade.compiler.target.Artifact;
import dev.stockade.compiler.target.ServerTarget;
import dev.stockade.compiler.target.TargetReport;
import dev.stockade.compiler.target.Templates;
import java.util.List;

/**
 * Egress rules keyed on the server's user: {@code netfilter/<server>.iptables} and
 * {@code .ip6tables} (iptables-restore) and {@code netfilter/<server>.nft} (nft -f). Either the
 * iptables pair or the nft file enforces the whole network policy; both close IPv4 and IPv6.
 * Every server gets all three, {@code network none} included (then they reject everything).
 */
public final class NetfilterTarget implements ServerTarget {

    public static final String NAME = "netfilter";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Artifact> compile(ServerContext server, TargetReport report) {
        String base = "netfilter/" + server.name();
        String v4 = base + ".iptables";
        String v6 = base + ".ip6tables";
        String nft = base + ".nft";
        NetfilterNames names = NetfilterNames.of(server.name());
        return List.of(
                Artifact.file(v4, Templates.render("netfilter/iptables.ftl",
                        IptablesLowering.lower(server, names, false, v4, fileName(v6)))),
                Artifact.file(v6, Templates.render("netfilter/iptables.ftl",
                        IptablesLowering.lower(server, names, true, v6, fileName(v4)))),
                Artifact.file(nft, Templates.render("netfilter/nft.ftl", NftLowering.lower(server, names, nft))));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
