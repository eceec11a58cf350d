package dev.stockade.compiler.effective;

/** Where a rule of the effective policy comes from: a statement, or a grant the language implies. */
public enum Origin {
    /** A filesystem or network statement the user wrote. */
    STATEMENT,
    /** The command's program: read and execute, never write. */
    COMMAND,
    /** The command's script argument: read and execute, never write. */
    SCRIPT,
    /** The workdir, written or implied: read and execute, never write. */
    WORKDIR,
    /** {@code dns ADDRESS}: udp and tcp 53 to the resolver. */
    DNS,
    /** {@code loopback port PORTS}: tcp and udp to 127.0.0.0/8 and ::1. */
    LOOPBACK;

    public boolean implied() {
        return this == COMMAND || this == SCRIPT || this == WORKDIR;
    }
}
