package dev.stockade.compiler.target.audit;

import java.util.List;

/**
 * {@code audit/<server>.logrotate}.
 *
 * @param path the log path as logrotate reads it
 * @param size logrotate's {@code size} argument ({@code 100M}, {@code 512k} or bytes)
 * @param appendOnlyPath the log as a shell word when the policy also grants it {@code append}
 *     (tmpfiles sets {@code chattr +a}, which forbids the truncation), else null
 */
public record LogrotateView(List<String> header, String path, String size, long keep, String appendOnlyPath) {
}
