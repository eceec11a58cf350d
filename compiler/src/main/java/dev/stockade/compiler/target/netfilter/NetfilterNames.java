package dev.stockade.compiler.target.netfilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of the chains and tables Stockade owns for one server. iptables chain names hold at
 * most 28 characters, too few for a 63-character server name, so the chains are named by a hash:
 * {@code STK-} and the first 10 hex digits of the SHA-256 of the server name (the name itself is in
 * a rule comment). nft names hold 256 characters, so the nft chain and the server's two sets of
 * accepted destinations (one per address family) carry the server name; the nft table and its
 * dispatch map are shared by every server.
 */
record NetfilterNames(String dispatchChain, String egressChain, String nftChain, String nftSet4, String nftSet6) {

    /** The one nft table of every server: its output chain dispatches on the uid through {@link #NFT_MAP}. */
    static final String NFT_TABLE = "stockade";
    /** The verdict map from uid to the egress chain of the server running as that uid. */
    static final String NFT_MAP = "dispatch";

    /** iptables' limit (XT_EXTENSION_MAXNAMELEN less the terminating NUL). */
    static final int MAX_CHAIN = 28;
    private static final int HASH_DIGITS = 10;

    static NetfilterNames of(String server) {
        String dispatch = "STK-" + hash(server);
        return new NetfilterNames(dispatch, dispatch + "-EGRESS", "egress-" + server, nftSet(server, false, 0),
                nftSet(server, true, 0));
    }

    /**
     * The nft set of one family and level of a server's destinations: {@code allow4-SERVER} for the
     * first level (the only one unless the policy is in layers), {@code allow4.LEVEL-SERVER} after
     * it (a server name has no dot, so no level's set is another server's).
     */
    static String nftSet(String server, boolean v6, int level) {
        return "allow" + (v6 ? "6" : "4") + (level == 0 ? "" : "." + level) + "-" + server;
    }

    /** The first hex digits of SHA-256 over the UTF-8 server name: {@code printf %s NAME | sha256sum}. */
    static String hash(String server) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(server.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
