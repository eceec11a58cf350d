package dev.stockade.compiler.target.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockade.compiler.Stockade;
import dev.stockade.dsl.diagnostic.Diagnostic;
import dev.stockade.dsl.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.example.tools", "com.example", "io.x-y.z9", "A.b"})
    void reverseDnsLabelsAreValid(String label) {
        assertThat(Label.valid(label)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tools", "com..example", ".com.example", "com.example.", "com.-x", "com.x-", "9com.x",
            "com.ex ample", "com.(bad);label", "com.exämple", "com.\"x\""})
    void otherLabelsAreNot(String label) {
        assertThat(Label.valid(label)).isFalse();
    }

    @Test
    void aBadLabelIsReportedAndReplaced() {
        String policy = "server labelled {\n  command \"/usr/bin/python3\" \"-m\" \"x\"\n  runtime python\n"
                + "  network none\n  macos { label \"not reverse dns\" }\n}\n";
        Stockade.Outcome outcome = Stockade.compile(
                List.of(SourceFile.fromBytes("l.stockade", policy.getBytes(StandardCharsets.UTF_8))), List.of("macos"));
        assertThat(outcome.diagnostics().stream().map(Diagnostic::toString))
                .anyMatch(d -> d.contains("target-approximation") && d.contains("reverse-DNS"));
        assertThat(outcome.artifacts()).allMatch(a -> a.content().contains("Label: dev.stockade.labelled"));
    }
}
