package dev.stockade.compiler.target.macos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MacPathsTest {

    @Test
    void ancestorsAreEveryProperAncestorSortedWithThePrivateLinks() {
        assertThat(MacPaths.ancestors(List.of("/srv/app/data", "/srv/app", "/srv/app/data", "/srv/apples/x", "/private/var/log/a",
                "/opt", "/srv/app/data/deep/file")))
                .containsExactly("/", "/private", "/private/var", "/private/var/log", "/srv", "/srv/app", "/srv/app/data",
                        "/srv/app/data/deep", "/srv/apples", "/var");
    }

    @Test
    void ancestorsOfManyPathsInAnyOrderMatchTheirDefinition() {
        Random random = new Random(7);
        List<String> segments = List.of("a", "ab", "a.b", "b", "private", "var", "etc", "tmp", "x-y");
        for (int round = 0; round < 200; round++) {
            List<String> paths = new ArrayList<>();
            for (int i = random.nextInt(12); i >= 0; i--) {
                StringBuilder path = new StringBuilder();
                for (int depth = 1 + random.nextInt(5); depth > 0; depth--) {
                    path.append('/').append(segments.get(random.nextInt(segments.size())));
                }
                paths.add(path.toString());
            }
            TreeSet<String> expected = new TreeSet<>(List.of("/"));
            for (String path : paths) {
                for (int end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) {
                    expected.add(path.substring(0, end));
                }
                for (String link : MacPaths.PRIVATE_LINKS) {
                    if (path.startsWith("/private" + link + "/") || path.equals("/private" + link)) {
                        expected.add(link);
                    }
                }
            }
            assertThat(MacPaths.ancestors(paths)).as(paths.toString()).containsExactlyElementsOf(expected);
        }
    }
}
