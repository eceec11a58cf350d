package dev.stockade.dsl.model;

import dev.stockade.dsl.source.Span;

/** An address as written: an IP prefix, or a host name (which version 1 cannot enforce). */
public sealed interface Address permits IpPrefix, HostName {
    Span span();

    /** The address as the user would write it, without quotes. */
    String text();
}
