package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.RuleInfo;

/**
 * One rule: a stable id, a default severity and waivability (its {@link RuleInfo} from the
 * catalog), and a check. A rule looks at one server ({@link ServerRule}) or at all servers
 * compiled together ({@link FleetRule}).
 */
public sealed interface Rule permits ServerRule, FleetRule {

    RuleInfo info();

    default String id() {
        return info().id();
    }
}
