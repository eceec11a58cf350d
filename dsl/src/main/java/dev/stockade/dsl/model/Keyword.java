package dev.stockade.dsl.model;

import java.util.Optional;

/** An enum whose constants are spelled as keywords in the policy language. */
public interface Keyword {

    /** The constant as written in a policy. */
    String keyword();

    /** The constant spelled {@code word}, if any. */
    static <E extends Enum<E> & Keyword> Optional<E> parse(Class<E> type, String word) {
        for (E constant : type.getEnumConstants()) {
            if (constant.keyword().equals(word)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
