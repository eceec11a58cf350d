package dev.stockade.compiler.check;

import java.util.List;

/** A rule that compares servers compiled together (shared users, identical profiles). */
public non-sealed interface FleetRule extends Rule {

    void check(List<ServerContext> servers, Findings findings);
}
