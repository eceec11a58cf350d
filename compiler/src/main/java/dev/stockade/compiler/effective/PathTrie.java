package dev.stockade.compiler.effective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

    /** One named path with the indices of the rules on it, grants and denies apart. */
    static final class Node {
        final String path;
        final List<Integer> grants = new ArrayList<>();
        final List<Integer> denies = new ArrayList<>();
        private final Map<String, Node> children = new TreeMap<>();

        private Node(String path) {
            this.path = path;
        }

        boolean hasRules() {
            return !grants.isEmpty() || !denies.isEmpty();
        }
    }

    private final Node root = new Node("/");

    PathTrie(List<FsRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Node node = root;
            for (String segment : rules.get(i).segments()) {
                String parentPath = node.path;
                node = node.children.computeIfAbsent(segment, s -> new Node(child(parentPath, s)));
            }
            (rules.get(i).isDeny() ? node.denies : node.grants).add(i);
        }
    }

    private static String child(String parent, String segment) {
        return parent.equals("/") ? "/" + segment : parent + "/" + segment;
    }

    /** The deepest node with rules at or above {@code path}; a walk of one step per segment. */
    Optional<Node> deepestRule(String path) {
        Node node = root;
        Node found = root.hasRules() ? root : null;
        for (String segment : segments(normalize(path))) {
            node = node.children.get(segment);
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
        for (String segment : segments(trimmed)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a normalized path: " + path);
            }
        }
        return trimmed;
    }

    static List<String> segments(String path) {
        if (path.equals("/")) {
            return List.of();
        }
        return Collections.unmodifiableList(Arrays.asList(path.substring(1).split("/", -1)));
    }
}
