package io.newswatch.enrich.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Folded aliases in a character trie, so all aliases starting at a position are found in one walk. */
final class AliasTrie {

    /**
     * What a folded key stands for.
     *
     * @param surface       the alias as written (compared exactly when case-sensitive)
     * @param caseSensitive whether the text must match {@code surface} exactly
     * @param generated     true for a case form derived by {@link Inflections}, not written in the file
     * @param entry         the entry it names
     */
    record Candidate(String surface, boolean caseSensitive, boolean generated, KbEntry entry) {}

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>(4);
        private final List<Candidate> candidates = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private int keys;

    void add(Candidate candidate) {
        Node node = root;
        for (char c : Tokens.fold(candidate.surface()).toCharArray()) {
            node = node.children.computeIfAbsent(c, k -> new Node());
        }
        if (node.candidates.isEmpty()) keys++;
        node.candidates.add(candidate);
    }

    /** Number of distinct folded keys. */
    int size() {
        return keys;
    }

    /** Calls {@code visitor} for every key that {@code text} continues with at {@code start}, shortest first. */
    void walk(String text, int start, Visitor visitor) {
        Node node = root;
        for (int i = start; i < text.length(); i++) {
            node = node.children.get(Tokens.fold(text.charAt(i)));
            if (node == null) return;
            if (!node.candidates.isEmpty()) visitor.visit(i + 1, node.candidates);
        }
    }

    /** Candidates for one folded key; all keys, for load-time checks. */
    List<List<Candidate>> allCandidateLists() {
        List<List<Candidate>> lists = new ArrayList<>();
        collect(root, lists);
        return lists;
    }

    private static void collect(Node node, List<List<Candidate>> lists) {
        if (!node.candidates.isEmpty()) lists.add(node.candidates);
        node.children.values().forEach(child -> collect(child, lists));
    }

    @FunctionalInterface
    interface Visitor {
        void visit(int end, List<Candidate> candidates);
    }
}
