package dev.stockade.compiler.target.macos;

import java.util.List;

/**
 * Decides an operation the way the sandbox does for the subset Stockade writes: the last rule
 * whose operation and some filter match decides; no match is {@code (deny default)}. Wildcard
 * operations ({@code file-read*}) match every operation they start.
 */
record SbplEval(List<Sexp.Lst> rules) {

    boolean allowsPath(String operation, String path) {
        return decide(operation, filter -> matchesPath(filter, path));
    }

    boolean allowsRemote(String protocol, String host, int port) {
        return decide("network-outbound", filter -> SbplCheck.symbol(filter.get(0)).equals("remote")
                && SbplCheck.symbol(filter.get(1)).equals(protocol) && matchesRemote(SbplCheck.string(filter.get(2)), host, port));
    }

    private boolean decide(String operation, java.util.function.Predicate<Sexp.Lst> filterMatches) {
        boolean allowed = false;
        for (Sexp.Lst rule : rules) {
            String ruleOp = SbplCheck.symbol(rule.get(1));
            boolean opMatches = ruleOp.endsWith("*") ? operation.startsWith(ruleOp.substring(0, ruleOp.length() - 1))
                    : ruleOp.equals(operation);
            if (!opMatches) {
                continue;
            }
            boolean any = rule.size() == 2 || rule.items().subList(2, rule.size()).stream()
                    .anyMatch(f -> filterMatches.test((Sexp.Lst) f));
            if (any) {
                allowed = SbplCheck.symbol(rule.get(0)).equals("allow");
            }
        }
        return allowed;
    }

    private static boolean matchesPath(Sexp.Lst filter, String path) {
        String kind = SbplCheck.symbol(filter.get(0));
        if (!kind.equals("literal") && !kind.equals("subpath")) {
            return false;
        }
        String value = SbplCheck.string(filter.get(1));
        if (kind.equals("literal")) {
            return path.equals(value);
        }
        return path.equals(value) || path.startsWith(value.equals("/") ? "/" : value + "/");
    }

    private static boolean matchesRemote(String spec, String host, int port) {
        int colon = spec.lastIndexOf(':');
        String specHost = spec.substring(0, colon);
        String specPort = spec.substring(colon + 1);
        boolean hostOk = specHost.equals("*") || specHost.equals(host);
        return hostOk && (specPort.equals("*") || Integer.parseInt(specPort) == port);
    }
}
