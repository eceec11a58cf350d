package dev.stockade.compiler.check;

import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.diagnostic.RuleInfo;
import dev.stockade.dsl.diagnostic.Severity;
import dev.stockade.dsl.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where rules report: each finding remembers the server it belongs to, for waivers. What is kept
 * for long is {@linkplain #pack() packed} (a large fleet's findings are held until the report is
 * sorted, {@link PackedFindings}); {@link #all()} gives them back as they were reported.
 */
public final class Findings {

    /** A diagnostic and the name of the server whose {@code accept} statements may waive it. */
    public record Owned(String server, Diagnostic diagnostic) {
    }

    /** An open buffer is packed once it holds this many findings: a chunk of servers holds one buffer at most this long. */
    static final int PACK_AT = 1024;

    /** In report order, blocks of findings: a {@code byte[]} packed, or an open {@code ArrayList<Owned>}. */
    private final List<Object> blocks = new ArrayList<>();

    /** Reports at the rule's default severity. */
    public void report(RuleInfo rule, ServerContext server, Span span, String message, String hint) {
        report(rule, rule.severity(), server, span, message, hint);
    }

    public void report(RuleInfo rule, Severity severity, ServerContext server, Span span, String message, String hint) {
        List<Owned> open = openBlock();
        open.add(new Owned(server.name(), new Diagnostic(rule.id(), severity, span, message, hint)));
        if (open.size() >= PACK_AT) {
            pack();
        }
    }

    /** Adds what {@code other} found, in its order (a buffer of one chunk of servers); its packed blocks are shared, not copied. */
    public void addAll(Findings other) {
        // A copy of the list of blocks: other may be this one.
        for (Object block : List.copyOf(other.blocks)) {
            if (block instanceof byte[]) {
                blocks.add(block);
            } else {
                openBlock().addAll(owned(block));
            }
        }
    }

    /**
     * Packs every open block: call it on findings that are kept until the end of the compile. More
     * findings may be reported after; {@link #all()} is the same before and after.
     */
    public void pack() {
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof byte[])) {
                blocks.set(i, PackedFindings.pack(owned(blocks.get(i))));
            }
        }
    }

    public List<Owned> all() {
        List<Owned> all = new ArrayList<>();
        for (Object block : blocks) {
            if (block instanceof byte[] packed) {
                PackedFindings.unpack(packed, all);
            } else {
                all.addAll(owned(block));
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** How many findings are packed (for tests). */
    int packedCount() {
        int count = 0;
        for (Object block : blocks) {
            if (block instanceof byte[] packed) {
                count += PackedFindings.count(packed);
            }
        }
        return count;
    }

    /** The last block if it is open (findings are added to it), else a new open one. */
    private List<Owned> openBlock() {
        Object last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last instanceof byte[] || last == null) {
            List<Owned> open = new ArrayList<>();
            blocks.add(open);
            return open;
        }
        return owned(last);
    }

    @SuppressWarnings("unchecked")
    private static List<Owned> owned(Object block) {
        return (List<Owned>) block;
    }
}
