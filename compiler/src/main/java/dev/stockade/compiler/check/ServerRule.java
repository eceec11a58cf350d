package dev.stockade.compiler.check;

/** A rule that judges one server on its own. */
public non-sealed interface ServerRule extends Rule {

    void check(ServerContext server, Findings findings);
}
