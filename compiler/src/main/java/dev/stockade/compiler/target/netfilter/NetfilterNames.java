package dev.stockade.compiler.target.netfilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of the chains and tables Stockade owns for one server. iptables chain names hold at
 * most 28 characters, too few for a 63-character server name, so the chains are named by a hash:
 * {@code STK-} and the first 10 hex digits of the SHA-256 of the server name (the name itself is in
 * a rule comment). nft names hold 256 characters, so the nft table carries the server name.
 */
record NetfilterNames(String dispatchChain, String egressChain, String nftTable) {

    /** iptables' limit (XT_EXTENSION_MAXNAMELEN less the terminating NUL). */
    static final int MAX_CHAIN = 28;
    private static final int HASH_DIGITS = 10;

    static NetfilterNames of(String server) {
        String dispatch = "STK-" + hash(server);
        return new NetfilterNames(dispatch, dispatch + "-EGRESS", "stockade-" + server);
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
