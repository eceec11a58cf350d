package dev.stockade.compiler.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context: the hunks {@code diff -u}
 * would print for a file on disk and the file the policies compile to (the {@code ---} and
 * {@code +++} headers are {@link DriftCheck}'s, which knows how the reader names the directory).
 *
 * <p>The longest common subsequence is computed outright; generated files are small, and a pair
 * too large for that is reported as differing without a diff rather than slowing the build.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    /** The hunks alone, each {@code @@} line followed by its lines; empty when the texts are equal. */
    static List<String> hunks(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        if ((long) a.length * b.length > MAX_CELLS) {
            return List.of("@@ too large to diff here: " + a.length + " lines against " + b.length + " @@");
        }
        List<Edit> edits = edits(a, b);
        List<String> out = new ArrayList<>();
        for (int start = nextChange(edits, 0); start < edits.size(); start = nextChange(edits, start)) {
            int end = hunkEnd(edits, start);
            int from = Math.max(0, start - CONTEXT);
            int to = Math.min(edits.size(), end + CONTEXT);
            out.addAll(hunk(edits, from, to, a, b));
            start = to;
        }
        return out;
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }

    /** One step of the edit script: keep ({@code ' '}), delete ({@code '-'}) or insert ({@code '+'}) at a[a], b[b]. */
    private record Edit(char op, int a, int b) {
    }

    private static List<Edit> edits(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                edits.add(edit(' ', i++, j++));
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(edit('-', i++, j));
            } else {
                edits.add(edit('+', i, j++));
            }
        }
        return edits;
    }

    private static Edit edit(char op, int i, int j) {
        return new Edit(op, i, j);
    }

    private static int nextChange(List<Edit> edits, int from) {
        int k = from;
        while (k < edits.size() && edits.get(k).op() == ' ') {
            k++;
        }
        return k;
    }

    /** The end (exclusive) of the run of changes starting at {@code start}, merging changes closer than two contexts. */
    private static int hunkEnd(List<Edit> edits, int start) {
        int end = start;
        int k = start;
        while (k < edits.size()) {
            if (edits.get(k).op() != ' ') {
                end = k + 1;
            } else if (k - end >= 2 * CONTEXT) {
                break;
            }
            k++;
        }
        return end;
    }

    private static List<String> hunk(List<Edit> edits, int from, int to, String[] a, String[] b) {
        List<String> body = new ArrayList<>();
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : edits.subList(from, to)) {
            switch (edit.op()) {
                case ' ' -> {
                    body.add(" " + a[edit.a()]);
                    oldCount++;
                    newCount++;
                }
                case '-' -> {
                    body.add("-" + a[edit.a()]);
                    oldCount++;
                }
                default -> {
                    body.add("+" + b[edit.b()]);
                    newCount++;
                }
            }
        }
        Edit first = edits.get(from);
        int oldStart = oldCount == 0 ? first.a() : first.a() + 1;
        int newStart = newCount == 0 ? first.b() : first.b() + 1;
        List<String> out = new ArrayList<>();
        out.add("@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@");
        out.addAll(body);
        return out;
    }
}
