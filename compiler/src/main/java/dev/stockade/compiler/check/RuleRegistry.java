package dev.stockade.compiler.check;

import dev.stockade.compiler.check.rules.AuditMissing;
import dev.stockade.compiler.check.rules.FsBroadGrant;
import dev.stockade.compiler.check.rules.FsConflict;
import dev.stockade.compiler.check.rules.FsRedundant;
import dev.stockade.compiler.check.rules.FsRootGrant;
import dev.stockade.compiler.check.rules.FsSensitivePath;
import dev.stockade.compiler.check.rules.FsWriteCode;
import dev.stockade.compiler.check.rules.FsWriteExec;
import dev.stockade.compiler.check.rules.LimitsMissing;
import dev.stockade.compiler.check.rules.NetAnyHost;
import dev.stockade.compiler.check.rules.NetAnyPort;
import dev.stockade.compiler.check.rules.NetBroadCidr;
import dev.stockade.compiler.check.rules.NetConflict;
import dev.stockade.compiler.check.rules.NetDnsBroad;
import dev.stockade.compiler.check.rules.NetHostname;
import dev.stockade.compiler.check.rules.NetMetadata;
import dev.stockade.compiler.check.rules.NetRedundant;
import dev.stockade.compiler.check.rules.ProfileShared;
import dev.stockade.compiler.check.rules.SecretFile;
import dev.stockade.compiler.check.rules.SecretLiteral;
import dev.stockade.compiler.check.rules.SecretStatic;
import dev.stockade.compiler.check.rules.UserRoot;
import dev.stockade.compiler.check.rules.UserShared;
import dev.stockade.compiler.check.rules.VolumeUngranted;
import java.util.List;
import java.util.Set;

/**
 * Every rule the checks run, one class each, sorted by id. The catalog ({@code RuleCatalog}) also
 * lists rules reported elsewhere: by the parser while it reads the language, by {@link Waivers}, and
 * by the targets while they compile; {@link #REPORTED_ELSEWHERE} names them so that a test can
 * prove every catalog entry has exactly one home.
 */
public final class RuleRegistry {

    public static final List<Rule> ALL = List.of(
            new AuditMissing(),
            new FsBroadGrant(),
            new FsConflict(),
            new FsRedundant(),
            new FsRootGrant(),
            new FsSensitivePath(),
            new FsWriteCode(),
            new FsWriteExec(),
            new LimitsMissing(),
            new NetAnyHost(),
            new NetAnyPort(),
            new NetBroadCidr(),
            new NetConflict(),
            new NetDnsBroad(),
            new NetHostname(),
            new NetMetadata(),
            new NetRedundant(),
            new ProfileShared(),
            new SecretFile(),
            new SecretLiteral(),
            new SecretStatic(),
            new UserRoot(),
            new UserShared(),
            new VolumeUngranted());

    /** Parser rules (syntax and naming), waiver rules, and target rules. */
    public static final Set<String> REPORTED_ELSEWHERE = Set.of(
            "syntax", "version", "duplicate-server", "duplicate-statement", "path-syntax", "string-control",
            "name-syntax", "command-relative", "command-missing",
            "accept-unknown", "accept-reason", "accept-unused", "accept-never",
            "target-approximation", "target-skipped");

    private RuleRegistry() {
    }
}
