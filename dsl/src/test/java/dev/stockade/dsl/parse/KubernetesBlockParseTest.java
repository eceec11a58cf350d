package dev.stockade.dsl.parse;

import static dev.stockade.dsl.parse.ErrorPositionTest.at;
import static dev.stockade.dsl.parse.ErrorPositionTest.first;
import static dev.stockade.dsl.parse.ErrorPositionTest.inBlock;
import static dev.stockade.dsl.parse.ErrorPositionTest.row;
import static dev.stockade.dsl.parse.Policies.assertAt;
import static dev.stockade.dsl.parse.Policies.inServer;
import static dev.stockade.dsl.parse.Policies.onlyServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.KubernetesSettings;
import dev.stockade.dsl.model.KubernetesVolume;
import dev.stockade.dsl.model.VolumeKind;
import dev.stockade.dsl.parse.ErrorPositionTest.Row;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code run-as-user}, {@code run-as-group} and {@code volume} in the {@code kubernetes} block: every form and every error. */
class KubernetesBlockParseTest {

    private static KubernetesSettings kubernetes(String statements) {
        return onlyServer(inServer("  kubernetes {\n" + statements + "\n  }")).kubernetes().orElseThrow();
    }

    @Test
    void runAsUserAndGroupAreNumbersWithSpans() {
        KubernetesSettings k = kubernetes("    run-as-user 1000\n    run-as-group 2147483647");
        assertThat(k.runAsUser().map(Count::value)).contains(1000L);
        assertThat(k.runAsGroup().map(Count::value)).contains(2147483647L);
        assertAt(k.runAsUser().orElseThrow().span(), 4, 17, 21);
        assertAt(k.runAsGroup().orElseThrow().span(), 5, 18, 28);
        KubernetesSettings none = kubernetes("    image \"x\"");
        assertThat(none.runAsUser()).isEmpty();
        assertThat(none.runAsGroup()).isEmpty();
        assertThat(none.volumes()).isEmpty();
    }

    @Test
    void runAsUserZeroParsesAndIsLeftToUserRoot() {
        assertThat(kubernetes("    run-as-user 0\n    run-as-group 0").runAsUser().map(Count::value)).contains(0L);
    }

    @Test
    void everyVolumeSourceParsesInOrderWithSpans() {
        List<KubernetesVolume> volumes = kubernetes("    volume \"/srv/data\" claim mcp-data\n"
                + "    volume \"/etc/app/\" config-map app-config\n"
                + "    volume \"/var/lib/app/keys\" secret app-keys\n"
                + "    volume \"/srv/logs/app.log\" host-path \"/var/log/app.log\"").volumes();
        assertThat(volumes).extracting(v -> v.path().value())
                .containsExactly("/srv/data", "/etc/app", "/var/lib/app/keys", "/srv/logs/app.log");
        assertThat(volumes).extracting(KubernetesVolume::kind)
                .containsExactly(VolumeKind.CLAIM, VolumeKind.CONFIG_MAP, VolumeKind.SECRET, VolumeKind.HOST_PATH);
        assertThat(volumes).extracting(v -> v.source().value())
                .containsExactly("mcp-data", "app-config", "app-keys", "/var/log/app.log");
        assertAt(volumes.get(0).span(), 4, 5, 38);
        assertAt(volumes.get(0).path().span(), 4, 12, 23);
        assertAt(volumes.get(0).source().span(), 4, 30, 38);
        assertAt(volumes.get(3).source().span(), 7, 42, 60);
    }

    @Test
    void keywordsOfTheBlockAreNotReserved() {
        var server = onlyServer(inServer("  user volume\n  group run-as-user\n  kubernetes {\n"
                + "    namespace run-as-group\n    volume \"/a\" claim volume\n    volume \"/b\" secret claim\n  }"));
        assertThat(server.user().orElseThrow().value()).isEqualTo("volume");
        assertThat(server.kubernetes().orElseThrow().volumes()).extracting(v -> v.source().value())
                .containsExactly("volume", "claim");
    }

    static Stream<Row> errors() {
        return Stream.of(
                row("run-as-user above an int32", inBlock("kubernetes", "run-as-user 2147483648"), at("syntax", 4, 17, 27)),
                row("run-as-group with a unit", inBlock("kubernetes", "run-as-group 10k"), at("syntax", 4, 18, 21)),
                row("run-as-user with a name", inBlock("kubernetes", "run-as-user nobody"), at("syntax", 4, 17, 23)),
                row("run-as-user without a number", inBlock("kubernetes", "run-as-user"), at("syntax", 4, 16)),
                row("run-as-user twice", inBlock("kubernetes", "run-as-user 1\n    run-as-user 2"),
                        at("duplicate-statement", 5, 5, 18)),
                row("run-as-group twice", inBlock("kubernetes", "run-as-group 1\n    run-as-group 1"),
                        at("duplicate-statement", 5, 5, 19)),
                row("the same volume path twice", inBlock("kubernetes", "volume \"/a\" claim a\n    volume \"/a/\" secret b"),
                        at("duplicate-statement", 5, 5, 26).hint("line 4")),
                row("unknown volume source with did-you-mean", inBlock("kubernetes", "volume \"/a\" configmap a"),
                        at("syntax", 4, 17, 26).hint("config-map")),
                row("unknown volume source", inBlock("kubernetes", "volume \"/a\" pvc a"),
                        at("syntax", 4, 17, 20).hint("claim NAME")),
                row("claim with a quoted name", inBlock("kubernetes", "volume \"/a\" claim \"a\""),
                        at("syntax", 4, 23, 26).hint("claim NAME")),
                row("host-path with a bare word", inBlock("kubernetes", "volume \"/a\" host-path srv"),
                        at("syntax", 4, 27, 30).hint("host-path \"")),
                row("volume without a source", inBlock("kubernetes", "volume \"/a\""), at("syntax", 4, 16)),
                first("volume with a source kind but no name", inBlock("kubernetes", "volume \"/a\" secret"),
                        at("syntax", 4, 23)),
                row("volume with a relative path", inBlock("kubernetes", "volume \"srv/a\" claim a"),
                        at("path-syntax", 4, 12, 19)),
                row("host-path relative", inBlock("kubernetes", "volume \"/a\" host-path \"../a\""),
                        at("path-syntax", 4, 27, 33)),
                row("claim name with _", inBlock("kubernetes", "volume \"/a\" claim my_claim"),
                        at("name-syntax", 4, 23, 31)),
                row("secret name ending in -", inBlock("kubernetes", "volume \"/a\" secret keys-"),
                        at("name-syntax", 4, 24, 29)),
                row("config-map name that is a number", inBlock("kubernetes", "volume \"/a\" config-map 12"),
                        at("name-syntax", 4, 28, 30)),
                row("volume path with a control character", inBlock("kubernetes", "volume \"/a\\tb\" claim a"),
                        at("path-syntax", 4, 12, 19)),
                row("misspelled volume", inBlock("kubernetes", "volumes \"/a\" claim a"),
                        at("syntax", 4, 5, 12).hint("volume")),
                row("misspelled run-as-user", inBlock("kubernetes", "run-as-usr 1"),
                        at("syntax", 4, 5, 15).hint("run-as-user")),
                row("volume outside kubernetes", inBlock("compose", "volume \"/a\" claim a"),
                        at("syntax", 4, 5, 11).hint("kubernetes")),
                row("run-as-user at the server level", inServer("  run-as-user 1000"),
                        at("syntax", 3, 3, 14).hint("kubernetes")),
                row("run-as-user 0 is not a parser error (user-root reports it)", inBlock("kubernetes", "run-as-user 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errors(Row row) {
        ErrorPositionTest.check(row);
    }
}
