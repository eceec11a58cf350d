package dev.stockade.compiler.check.rules;

import dev.stockade.compiler.effective.FsEntry;
import dev.stockade.compiler.effective.NetGrant;
import dev.stockade.compiler.effective.PackedGrants;
import dev.stockade.dsl.model.FsMode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A SHA-256 of a {@code profile-shared} profile's canonical form: one 32-byte digest a server
 * instead of its path accesses and network grants, which a fleet's summaries would otherwise hold
 * until the fleet is compared (at 10,000 servers, about 130 MB of addresses and ranges; docs/performance.md). The form
 * is unambiguous: every list is preceded by its length and every string by its length in bytes,
 * and the grants are written as {@link PackedGrants#words()}, so different profiles give different
 * input, and equal profiles (canonical values) the same.
 */
record ProfileDigest(long a, long b, long c, long d) {

    /** One per worker thread: looking SHA-256 up costs more than digesting a profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ProfileDigest::sha256);

    static ProfileDigest of(List<FsEntry> fs, List<NetGrant> net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * (fs.size() + net.size() + 1));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(fs.size());
            for (FsEntry entry : fs) {
                byte[] path = entry.path().getBytes(StandardCharsets.UTF_8);
                out.writeInt(path.length);
                out.write(path);
                int modes = 0;
                for (FsMode mode : entry.access().modes()) {
                    modes |= 1 << mode.ordinal();
                }
                out.writeInt(modes);
            }
            for (long word : PackedGrants.of(net).words()) {
                out.writeLong(word);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(bytes.toByteArray()));
        return new ProfileDigest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
