package dev.stockade.dsl.diagnostic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule id Stockade reports, with its default severity and waivability: the contract of
 * {@code spec/rules.md} plus the rules this project added where users expect them. Sorted by id.
 *
 * <p>The parser reports the syntax-level rules itself; the compiler's checks register one class
 * per semantic rule against these entries.
 */
public final class RuleCatalog {

    public static final RuleInfo ACCEPT_NEVER =
            new RuleInfo("accept-never", Severity.ERROR, Waivability.NEVER, "accept names a rule that cannot be waived");

    public static final RuleInfo ACCEPT_REASON =
            new RuleInfo("accept-reason", Severity.ERROR, Waivability.NEVER, "accept has an empty reason");

    public static final RuleInfo ACCEPT_UNKNOWN =
            new RuleInfo("accept-unknown", Severity.ERROR, Waivability.NEVER, "accept names a rule that does not exist");

    public static final RuleInfo ACCEPT_UNUSED =
            new RuleInfo("accept-unused", Severity.WARNING, Waivability.NO, "accept matches no finding");

    public static final RuleInfo AUDIT_MISSING =
            new RuleInfo("audit-missing", Severity.WARNING, Waivability.YES, "no audit block");

    public static final RuleInfo COMMAND_MISSING =
            new RuleInfo("command-missing", Severity.ERROR, Waivability.NEVER, "a server has no command");

    public static final RuleInfo COMMAND_RELATIVE =
            new RuleInfo("command-relative", Severity.ERROR, Waivability.NEVER, "the command is not an absolute path");

    public static final RuleInfo DUPLICATE_SERVER =
            new RuleInfo("duplicate-server", Severity.ERROR, Waivability.NEVER, "two servers share a name, in one file or across files");

    public static final RuleInfo DUPLICATE_STATEMENT =
            new RuleInfo("duplicate-statement", Severity.ERROR, Waivability.NEVER, "a once-only statement appears twice");

    public static final RuleInfo FS_BROAD_GRANT =
            new RuleInfo("fs-broad-grant", Severity.ERROR, Waivability.YES, "a grant of a top-level system or home root");

    public static final RuleInfo FS_CONFLICT =
            new RuleInfo("fs-conflict", Severity.ERROR, Waivability.NEVER, "a grant and a deny on exactly the same path");

    public static final RuleInfo FS_REDUNDANT =
            new RuleInfo("fs-redundant", Severity.WARNING, Waivability.YES, "a grant already covered, or a deny outside every grant");

    public static final RuleInfo FS_ROOT_GRANT =
            new RuleInfo("fs-root-grant", Severity.ERROR, Waivability.NEVER, "a grant of the whole filesystem");

    public static final RuleInfo FS_SENSITIVE_PATH =
            new RuleInfo("fs-sensitive-path", Severity.ERROR, Waivability.YES, "a grant at or below a credential store");

    public static final RuleInfo FS_WRITE_CODE =
            new RuleInfo("fs-write-code", Severity.ERROR, Waivability.YES, "the server's own code is writable");

    public static final RuleInfo FS_WRITE_EXEC =
            new RuleInfo("fs-write-exec", Severity.ERROR, Waivability.YES, "one path is both writable and executable");

    public static final RuleInfo LIMITS_MISSING =
            new RuleInfo("limits-missing", Severity.INFO, Waivability.YES, "no limits block");

    public static final RuleInfo NAME_SYNTAX =
            new RuleInfo("name-syntax", Severity.ERROR, Waivability.NEVER, "a name breaks its pattern or length");

    public static final RuleInfo NET_ANY_HOST =
            new RuleInfo("net-any-host", Severity.ERROR, Waivability.NEVER, "an allow of every address");

    public static final RuleInfo NET_ANY_PORT =
            new RuleInfo("net-any-port", Severity.ERROR, Waivability.YES, "an allow of every port or a very wide port range");

    public static final RuleInfo NET_BROAD_CIDR =
            new RuleInfo("net-broad-cidr", Severity.WARNING, Waivability.YES, "an allow of a wide address range");

    public static final RuleInfo NET_CONFLICT =
            new RuleInfo("net-conflict", Severity.ERROR, Waivability.NEVER, "allow and deny of exactly the same prefix");

    public static final RuleInfo NET_DNS_BROAD =
            new RuleInfo("net-dns-broad", Severity.WARNING, Waivability.YES, "port 53 allowed to more than the declared resolver");

    public static final RuleInfo NET_HOSTNAME =
            new RuleInfo("net-hostname", Severity.ERROR, Waivability.NEVER, "a host name where an address is required");

    public static final RuleInfo NET_METADATA =
            new RuleInfo("net-metadata", Severity.ERROR, Waivability.NEVER, "an allow reaching a cloud metadata endpoint");

    public static final RuleInfo NET_REDUNDANT =
            new RuleInfo("net-redundant", Severity.WARNING, Waivability.YES, "a deny no allow contains, or an allow inside another allow");

    public static final RuleInfo PATH_SYNTAX =
            new RuleInfo("path-syntax", Severity.ERROR, Waivability.NEVER, "a path is relative, not normalized, or holds a glob or control character");

    public static final RuleInfo PROFILE_SHARED =
            new RuleInfo("profile-shared", Severity.WARNING, Waivability.YES, "two servers have identical effective grants");

    public static final RuleInfo SECRET_FILE =
            new RuleInfo("secret-file", Severity.WARNING, Waivability.YES, "a secret would be mounted as a file at a fixed path");

    public static final RuleInfo SECRET_LITERAL =
            new RuleInfo("secret-literal", Severity.ERROR, Waivability.NEVER, "a string looks like a credential");

    public static final RuleInfo SECRET_STATIC =
            new RuleInfo("secret-static", Severity.INFO, Waivability.YES, "only long-lived secrets");

    public static final RuleInfo STRING_CONTROL =
            new RuleInfo("string-control", Severity.ERROR, Waivability.NEVER, "a string that would reach an artifact holds a control character");

    public static final RuleInfo SYNTAX =
            new RuleInfo("syntax", Severity.ERROR, Waivability.NEVER, "the file does not parse");

    public static final RuleInfo TARGET_APPROXIMATION =
            new RuleInfo("target-approximation", Severity.WARNING, Waivability.YES, "a target cannot express a statement exactly");

    public static final RuleInfo TARGET_SKIPPED =
            new RuleInfo("target-skipped", Severity.INFO, Waivability.NO, "a target was not generated for a server that lacks what it needs");

    public static final RuleInfo USER_ROOT =
            new RuleInfo("user-root", Severity.ERROR, Waivability.NEVER, "the server runs as root");

    public static final RuleInfo USER_SHARED =
            new RuleInfo("user-shared", Severity.ERROR, Waivability.YES, "two servers run as the same user");

    public static final RuleInfo VERSION =
            new RuleInfo("version", Severity.ERROR, Waivability.NEVER, "the file names a language version this release does not read");

    public static final RuleInfo VOLUME_UNGRANTED =
            new RuleInfo("volume-ungranted", Severity.ERROR, Waivability.NEVER, "a kubernetes volume names a path the filesystem block does not grant");

    /** All rules, sorted by id. */
    public static final List<RuleInfo> ALL = List.of(
            ACCEPT_NEVER,
            ACCEPT_REASON,
            ACCEPT_UNKNOWN,
            ACCEPT_UNUSED,
            AUDIT_MISSING,
            COMMAND_MISSING,
            COMMAND_RELATIVE,
            DUPLICATE_SERVER,
            DUPLICATE_STATEMENT,
            FS_BROAD_GRANT,
            FS_CONFLICT,
            FS_REDUNDANT,
            FS_ROOT_GRANT,
            FS_SENSITIVE_PATH,
            FS_WRITE_CODE,
            FS_WRITE_EXEC,
            LIMITS_MISSING,
            NAME_SYNTAX,
            NET_ANY_HOST,
            NET_ANY_PORT,
            NET_BROAD_CIDR,
            NET_CONFLICT,
            NET_DNS_BROAD,
            NET_HOSTNAME,
            NET_METADATA,
            NET_REDUNDANT,
            PATH_SYNTAX,
            PROFILE_SHARED,
            SECRET_FILE,
            SECRET_LITERAL,
            SECRET_STATIC,
            STRING_CONTROL,
            SYNTAX,
            TARGET_APPROXIMATION,
            TARGET_SKIPPED,
            USER_ROOT,
            USER_SHARED,
            VERSION,
            VOLUME_UNGRANTED);

    private static final Map<String, RuleInfo> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::id, Function.identity()));

    private RuleCatalog() {
    }

    public static Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static RuleInfo get(String id) {
        RuleInfo info = BY_ID.get(id);
        if (info == null) {
            throw new IllegalArgumentException("unknown rule id " + id);
        }
        return info;
    }
}
