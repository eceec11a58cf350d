package dev.stockade.maven;

import dev.stockade.compiler.api.Fingerprint;
import dev.stockade.compiler.api.PolicySources;
import dev.stockade.dsl.source.SourceFile;
import java.util.List;
import java.util.SortedMap;

/**
 * The policies as read, by display path, with their checksum, until they are decoded: a goal
 * that compiles lets the bytes go then, and keeps only the checksum for the fingerprint it records
 * after the run. A fleet's files are tens of megabytes, each file of a hundred servers half a
 * megabyte (an object G1 gives whole regions of its own).
 */
final class ReadPolicies {

    private SortedMap<String, byte[]> bytes;
    private final int count;
    private final String checksum;

    ReadPolicies(SortedMap<String, byte[]> bytes) {
        this.bytes = bytes;
        this.count = bytes.size();
        this.checksum = Fingerprint.policies(bytes);
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** What the fingerprint takes of the policies ({@link Fingerprint#policies}). */
    String checksum() {
        return checksum;
    }

    /** The policies decoded; their bytes are let go, so this is called once. */
    List<SourceFile> decode() {
        SortedMap<String, byte[]> read = bytes;
        if (read == null) {
            throw new IllegalStateException("the policies were decoded already");
        }
        bytes = null;
        return PolicySources.decode(read);
    }
}
