package dev.stockade.dsl.internal;

import dev.stockade.dsl.model.Count;
import dev.stockade.dsl.model.DurationUnit;
import dev.stockade.dsl.model.DurationValue;
import dev.stockade.dsl.model.Keyword;
import dev.stockade.dsl.model.Percent;
import dev.stockade.dsl.model.Size;
import dev.stockade.dsl.model.SizeUnit;
import dev.stockade.dsl.source.Span;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed literals: sizes, durations, percentages and counts. Each returns the value, or reports a
 * {@code syntax} diagnostic that says what is wrong with the spelling and how to write it.
 */
final class Literals {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([A-Za-z%]*)");
    private static final String SIZE_UNITS = "B, KiB, MiB, GiB, KB, MB or GB";

    private Literals() {
    }

    static Optional<Size> size(String text, Span span, Sink sink) {
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        if (!m.matches()) {
            return fail(sink, span, "bad size " + Quote.of(text), "write a whole number and a unit without a space, e.g. 10MiB");
        }
        String number = m.group(1);
        String unitText = m.group(2);
        Optional<SizeUnit> unit = Keyword.parse(SizeUnit.class, unitText);
        if (unitText.isEmpty()) {
            return fail(sink, span, "size " + Quote.of(text) + " has no unit", "add a unit: " + SIZE_UNITS + ", e.g. " + number + "MiB");
        }
        if (unit.isEmpty()) {
            Optional<SizeUnit> caseless = Arrays.stream(SizeUnit.values())
                    .filter(u -> u.symbol().equalsIgnoreCase(unitText)).findFirst();
            String hint = caseless.map(u -> "units are case-sensitive: did you mean " + number + u.symbol() + "?")
                    .orElse("use one of " + SIZE_UNITS);
            return fail(sink, span, "unknown size unit " + Quote.of(unitText), hint);
        }
        if (number.contains(".")) {
            return fail(sink, span, "size " + Quote.of(text) + " is not a whole number",
                    smallerSize(new BigDecimal(number), unit.get()));
        }
        return wholeNumber(number, span, sink).map(amount -> new Size(amount, unit.get(), span));
    }

    /** "1.5GiB" → "1536MiB": the same size in the first smaller unit of its family where it is whole. */
    private static String smallerSize(BigDecimal amount, SizeUnit unit) {
        boolean binary = unit.factor() % 1024 == 0;
        SizeUnit[] largestFirst = Arrays.stream(SizeUnit.values())
                .sorted((a, b) -> Long.compare(b.factor(), a.factor())).toArray(SizeUnit[]::new);
        for (SizeUnit smaller : largestFirst) {
            boolean sameFamily = smaller == SizeUnit.B || (smaller.factor() % 1024 == 0) == binary;
            if (!sameFamily || smaller.factor() >= unit.factor()) {
                continue;
            }
            BigDecimal converted = amount.multiply(BigDecimal.valueOf(unit.factor() / smaller.factor()));
            if (converted.stripTrailingZeros().scale() <= 0) {
                return "write it in a smaller unit: " + converted.toBigInteger() + smaller.symbol();
            }
        }
        return "write a whole number, in a smaller unit if needed";
    }

    static Optional<DurationValue> duration(String text, Span span, Sink sink) {
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        if (!m.matches()) {
            return fail(sink, span, "bad duration " + Quote.of(text), durationHint(text));
        }
        String number = m.group(1);
        String unitText = m.group(2);
        Optional<DurationUnit> unit = Keyword.parse(DurationUnit.class, unitText);
        if (unitText.isEmpty()) {
            return fail(sink, span, "duration " + Quote.of(text) + " has no unit", "add a unit: ms, s, m or h, e.g. " + number + "s");
        }
        if (unit.isEmpty()) {
            Optional<DurationUnit> caseless = Keyword.parse(DurationUnit.class, unitText.toLowerCase(Locale.ROOT));
            String hint = caseless.map(u -> "units are case-sensitive: did you mean " + number + u.symbol() + "?")
                    .orElse("use one of ms, s, m or h");
            return fail(sink, span, "unknown duration unit " + Quote.of(unitText), hint);
        }
        if (number.contains(".")) {
            return fail(sink, span, "duration " + Quote.of(text) + " is not a whole number",
                    durationHint(text));
        }
        return wholeNumber(number, span, sink).map(amount -> new DurationValue(amount, unit.get(), span));
    }

    /** For "1h30m" or "1.5h": the same time in one smaller unit, when it is whole. */
    private static String durationHint(String text) {
        Matcher part = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)").matcher(text);
        BigDecimal millis = BigDecimal.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long unit = Keyword.parse(DurationUnit.class, part.group(2)).orElseThrow().millis();
            millis = millis.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = part.end();
        }
        String generic = "write a whole number and one unit (ms, s, m or h) without a space, e.g. 90m";
        if (end != text.length() || end == 0 || millis.signum() == 0) {
            return generic;
        }
        for (DurationUnit unit : new DurationUnit[] {DurationUnit.H, DurationUnit.M, DurationUnit.S, DurationUnit.MS}) {
            // divideAndRemainder, not divide: 1h1m in hours (1.0166...) has no exact decimal and divide throws.
            BigDecimal[] whole = millis.divideAndRemainder(BigDecimal.valueOf(unit.millis()));
            if (whole[1].signum() == 0) {
                return "durations take one whole number and one unit: write " + whole[0].toBigInteger() + unit.symbol();
            }
        }
        return generic;
    }

    static Optional<Percent> percent(String text, Span span, Sink sink) {
        if (!text.endsWith("%")) {
            String digits = text.chars().allMatch(Character::isDigit) ? text : "50";
            return fail(sink, span, "bad percentage " + Quote.of(text), "write a whole number followed by %, e.g. " + digits + "%");
        }
        String number = text.substring(0, text.length() - 1);
        if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fail(sink, span, "bad percentage " + Quote.of(text), "write a whole number followed by %, e.g. 50%");
        }
        Optional<Long> value = wholeNumber(number, span, sink);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() < 1 || value.get() > 100_000) {
            return fail(sink, span, "percentage " + Quote.of(text) + " is out of range",
                    "write 1% to 100% per core, e.g. 200% for two cores");
        }
        return Optional.of(new Percent(value.get().intValue(), span));
    }

    static Optional<Count> count(String text, Span span, Sink sink) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fail(sink, span, "bad number " + Quote.of(text), "write a whole number without a unit, e.g. 64");
        }
        return wholeNumber(text, span, sink).map(value -> new Count(value, span));
    }

    private static Optional<Long> wholeNumber(String digits, Span span, Sink sink) {
        if (digits.length() > 18) {
            return fail(sink, span, "number " + Quote.of(digits) + " is too large", "write a number below 10^18");
        }
        return Optional.of(Long.parseLong(digits));
    }

    static <T> Optional<T> fail(Sink sink, Span span, String message, String hint) {
        sink.error("syntax", span, message, hint);
        return Optional.empty();
    }
}
