package dev.stockade.compiler.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The rule paths as a tree of whole segments ({@code /a/b} is under {@code /a}, {@code /a/bc} is
 * not). Children are kept sorted by segment, so a walk lists paths parent first, siblings in
 * string order. Built once from the rules and never changed afterwards.
 */
final class PathTrie {

    /**
     * One segment step, and, when rules name its path, that path and the rules' indices, grants and
     * denies apart. A fleet holds one trie per server, so a node allocates only what it uses.
     */
    static final class Node {
        // INVARIANT: path is non-null exactly when hasRules(); it is the rules' own (normalized) path string.
        String path;
        List<Integer> grants = List.of();
        List<Integer> denies = List.of();
        private Map<String, Node> children = Map.of();

        boolean hasRules() {
            return !grants.isEmpty() || !denies.isEmpty();
        }

        private void add(FsRule rule, int index) {
            path = rule.path();
            if (rule.isDeny()) {
                denies = grown(denies, index);
            } else {
                grants = grown(grants, index);
            }
        }

        private static List<Integer> grown(List<Integer> list, int index) {
            List<Integer> out = list.isEmpty() ? new ArrayList<>(1) : list;
            out.add(index);
            return out;
        }

        private Node child(String segment) {
            if (children.isEmpty()) {
                children = new TreeMap<>();
            }
            return children.computeIfAbsent(segment, s -> new Node());
        }
    }

    private final Node root = new Node();

    PathTrie(List<FsRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Node node = root;
            String path = rules.get(i).path();
            int end;
            for (int start = 1; start < path.length(); start = end + 1) {
                end = segmentEnd(path, start);
                node = node.child(path.substring(start, end));
            }
            node.add(rules.get(i), i);
        }
    }

    /** The deepest node with rules at or above {@code path}; a walk of one step per segment. */
    Optional<Node> deepestRule(String path) {
        Node node = root;
        Node found = root.hasRules() ? root : null;
        String normalized = normalize(path);
        int end;
        for (int start = 1; start < normalized.length(); start = end + 1) {
            end = segmentEnd(normalized, start);
            node = node.children.get(normalized.substring(start, end));
            if (node == null) {
                break;
            }
            if (node.hasRules()) {
                found = node;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Visits every node with rules in pre-order, with the nearest enclosing node with rules
     * (null at the top).
     */
    void walk(BiConsumer<Node, Node> visitor) {
        walk(root, null, visitor);
    }

    private static void walk(Node node, Node enclosing, BiConsumer<Node, Node> visitor) {
        Node next = enclosing;
        if (node.hasRules()) {
            visitor.accept(node, enclosing);
            next = node;
        }
        for (Node child : node.children.values()) {
            walk(child, next, visitor);
        }
    }

    /** An absolute path without empty, {@code .} or {@code ..} segments; one trailing / is dropped. */
    static String normalize(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.endsWith("/") && !path.equals("/")) {
            throw new IllegalArgumentException("not a normalized path: " + path);
        }
        int end;
        for (int start = 1; start < trimmed.length(); start = end + 1) {
            end = segmentEnd(trimmed, start);
            int length = end - start;
            if (length == 0 || length <= 2 && trimmed.startsWith(length == 1 ? "." : "..", start)) {
                throw new IllegalArgumentException("not a normalized path: " + path);
            }
        }
        return trimmed;
    }

    /**
     * Where the segment that starts at {@code start} ends: the next / or the end of the path. The
     * segments of a normalized path are read in place from index 1 (there are none in {@code /}),
     * rather than split out: every rule of every server passes here.
     */
    private static int segmentEnd(String path, int start) {
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.length() : slash;
    }
}
