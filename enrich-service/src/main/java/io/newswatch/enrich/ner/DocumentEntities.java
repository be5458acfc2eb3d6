package io.newswatch.enrich.ner;

import io.newswatch.enrich.entities.Alias;
import io.newswatch.enrich.entities.EntityType;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.entities.KbEntry;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Within-document coreference of names outside the knowledge base: each entity the document
 * names gets one entry, so every mention of it links to one id.
 *
 * <ul>
 *   <li>The longest form is the canonical name ("Azer Qasimli"); the id is
 *       {@code nw:<type>:<slug of that name>}, e.g. {@code nw:person:azer-qasimli}. Ids are stable
 *       for the same name across documents, but two people of the same name share one.</li>
 *   <li>A one-word name that is the last word of exactly one multi-word PERSON name is that
 *       person ("Qasimli"), whatever type the tagger gave it; when two people share the surname it
 *       is left out rather than guessed.</li>
 *   <li>The surname of a multi-word person is an alias even where the tagger did not tag it
 *       alone, unless another entity of the document claims it.</li>
 *   <li>Aliases match case-sensitively: they come from this text, as written.</li>
 * </ul>
 */
final class DocumentEntities {
    /** A surname shorter than this ("Li") is too likely to be a word of its own to be an alias. */
    static final int MIN_SURNAME = 3;

    private DocumentEntities() {}

    /** One entry per entity named in {@code names} (spans of {@code text}), longest names first. */
    static List<KbEntry> link(String text, List<FoundName> names) {
        List<Group> groups = new ArrayList<>();
        Map<String, Group> byForm = new HashMap<>();
        for (Form form : distinctForms(text, names)) {
            Group group = form.words() > 1 ? null : personWithSurname(groups, form.text());
            if (form.words() == 1 && group == null && surnameOfMany(groups, form.text())) continue;
            if (group == null) {
                group = new Group(form.text(), form.type());
                groups.add(group);
            }
            group.aliases.add(form.text());
            byForm.put(key(form.text()), group);
        }
        addSurnames(groups, byForm);
        return groups.stream().map(Group::entry).toList();
    }

    /** The distinct forms (case and typography folded), longest first; each keeps its first type. */
    private static List<Form> distinctForms(String text, List<FoundName> names) {
        Map<String, Form> forms = new LinkedHashMap<>();
        for (FoundName name : names) {
            String written = name.in(text).replaceAll("\\s+", " ");
            forms.putIfAbsent(key(written), new Form(written, name.type()));
        }
        List<Form> sorted = new ArrayList<>(forms.values());
        sorted.sort(Comparator.comparingInt(Form::words).thenComparingInt(f -> f.text().length()).reversed());
        return sorted;
    }

    private static Group personWithSurname(List<Group> groups, String word) {
        List<Group> people = people(groups, word);
        return people.size() == 1 ? people.get(0) : null;
    }

    private static boolean surnameOfMany(List<Group> groups, String word) {
        return people(groups, word).size() > 1;
    }

    private static List<Group> people(List<Group> groups, String surname) {
        return groups.stream().filter(g -> g.surname() != null && key(g.surname()).equals(key(surname))).toList();
    }

    private static void addSurnames(List<Group> groups, Map<String, Group> byForm) {
        Map<String, Integer> claims = new HashMap<>();
        for (Group g : groups) if (g.surname() != null) claims.merge(key(g.surname()), 1, Integer::sum);
        for (Group g : groups) {
            String surname = g.surname();
            if (surname == null || surname.length() < MIN_SURNAME || claims.get(key(surname)) > 1) continue;
            Group owner = byForm.putIfAbsent(key(surname), g);
            if (owner == null || owner == g) g.aliases.add(surname);
        }
    }

    private static String key(String form) {
        return GazetteerMatcher.fold(form);
    }

    /** {@code nw:person:azer-qasimli} for the PERSON "Azer Qasimli". */
    static String id(String type, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return "nw:" + type.toLowerCase(Locale.ROOT) + ":" + slug;
    }

    private record Form(String text, String type) {
        int words() {
            return text.split(" ").length;
        }
    }

    /** One entity of the document: its canonical (longest) name, type and the forms that name it. */
    private static final class Group {
        private final String name;
        private final String type;
        private final Set<String> aliases = new LinkedHashSet<>();

        Group(String name, String type) {
            this.name = name;
            this.type = type;
        }

        /** The last word of a multi-word person's name, else null. */
        String surname() {
            if (!"PERSON".equals(type)) return null;
            int space = name.lastIndexOf(' ');
            return space < 0 ? null : name.substring(space + 1);
        }

        KbEntry entry() {
            List<Alias> written = aliases.stream().map(a -> new Alias(a, true)).toList();
            return new KbEntry(id(type, name), EntityType.valueOf(type), null, name, written, List.of());
        }
    }
}
