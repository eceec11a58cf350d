/**
 * The exact set algebra of the effective policy: span-free, immutable values whose operations
 * work on ranges and prefixes, never on single addresses or ports.
 *
 * <ul>
 *   <li>{@link dev.stockade.compiler.effective.AddressSet} and
 *       {@link dev.stockade.compiler.effective.Ports}: sets kept as sorted, merged, disjoint
 *       ranges (128-bit unsigned for addresses, IPv4 and IPv6 apart), so equal sets are equal
 *       objects; {@code toPrefixes()} gives the fewest CIDR prefixes covering a set exactly.
 *   <li>{@link dev.stockade.compiler.effective.NetworkGrants}: longest prefix wins. A deny removes
 *       its prefix (all ports, both protocols) from every allow as wide or wider; allows add up,
 *       so an allow inside a deny re-opens what it names and a narrower allow never closes a port.
 *       Allow and deny of one prefix conflict and deny (fail closed).
 *   <li>{@link dev.stockade.compiler.effective.FsGrants}: most specific wins. The longest named
 *       path at or above a path (whole segments) decides alone: a deny there denies, else the
 *       grants on exactly that path combine. Grant and deny of one path conflict and deny.
 * </ul>
 *
 * <p>Why allows add up for the network but a longer path replaces a shorter one: an allow has a
 * second dimension (protocol and ports), and replacing would let {@code allow tcp 10.0.1.0/24 port
 * 443} silently close port 80 that a wider allow opened; for paths, replacing lets a policy make a
 * sub-tree read-only inside a writable one, which nested bind mounts express directly. Where all
 * allows name the same ports the two readings agree.
 *
 * <p>Both grant types also report {@link dev.stockade.compiler.effective.Conflict}s and
 * {@link dev.stockade.compiler.effective.Redundancy} (rules that change nothing) for the
 * {@code net-conflict}, {@code fs-conflict}, {@code net-redundant} and {@code fs-redundant} rules;
 * results point at rules by their index in the list the grants were built from.
 */
package dev.stockade.compiler.effective;
