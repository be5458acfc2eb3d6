package io.newswatch.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled knowledge base as data: its entries are found in English, Russian and Armenian news
 * text, and no spelling (written or a derived case form) names two entries.
 */
class KnowledgeBaseTest {
    private static final Gazetteer KB = Gazetteer.bundled();
    private static final GazetteerMatcher MATCHER = new GazetteerMatcher(KB);

    private static List<String> ids(String text) {
        return MATCHER.find(text).stream().map(EntityMention::canonicalId).toList();
    }

    @Test
    void noSpellingOrCaseFormNamesTwoEntries() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (KbEntry entry : KB.entries()) {
            if (entry.needsContext()) continue; // chosen by its cues, by design shares an alias
            for (String form : forms(entry)) {
                owners.computeIfAbsent(Tokens.fold(form), k -> new TreeSet<>()).add(entry.id());
            }
        }
        List<String> shared = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " -> " + e.getValue()).sorted().toList();
        assertEquals(List.of(), shared, "one spelling, one entry (otherwise the file order decides silently)");
    }

    @Test
    void noEntryListsASpellingTwiceAndIdsAreQidsOrSlugs() {
        List<String> problems = new ArrayList<>();
        for (KbEntry entry : KB.entries()) {
            Set<String> seen = new HashSet<>();
            for (Alias alias : entry.aliases()) {
                String key = alias.caseSensitive() ? alias.text() : Tokens.fold(alias.text());
                if (!seen.add(alias.caseSensitive() + key)) problems.add(entry.id() + " lists " + alias.text() + " twice");
            }
            if (!entry.id().matches("Q[1-9][0-9]*|nw:[a-z0-9]+(-[a-z0-9]+)*")) problems.add("bad id " + entry.id());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theSeedArticlesPeopleOutsideTheHeadlinesAreEntries() {
        assertEquals(List.of("nw:azer-qasimli", "nw:institute-of-political-management", "nw:azer-qasimli"),
                ids("Azer Qasimli, head of the Institute of Political Management... Qasimli added"));
        assertEquals(List.of("nw:gagik-melkonian", "nw:civil-contract", "nw:gagik-melkonian", "nw:rferl"),
                ids("Gagik Melkonian, a Civil Contract lawmaker... Melkonian told RFE/RL’s Armenian Service"));
        assertEquals(List.of("nw:ilham-aliyev", "nw:mehriban-aliyeva", "Q9248"),
                ids("President Ilham Aliyev and his wife Mehriban Aliyeva in Baku"));
    }

    @Test
    void newEntriesAreFoundInEnglishNews() {
        assertEquals(List.of("nw:suren-papikyan", "nw:jermuk", "nw:sotk", "nw:euma"),
                ids("Defence Minister Suren Papikyan visited Jermuk and Sotk with EUMA monitors."));
        assertEquals(List.of("nw:tripp", "nw:syunik", "Q9248", "nw:zangezur-corridor", "nw:crossroads-of-peace"),
                ids("The TRIPP route through Syunik, which Baku calls the Zangezur corridor, is part of the "
                        + "Crossroads of Peace."));
        assertEquals(List.of("nw:btc-pipeline", "nw:tanap", "nw:southern-gas-corridor", "nw:middle-corridor"),
                ids("The BTC pipeline and TANAP, both of the Southern Gas Corridor, and the Middle Corridor"));
        assertEquals(List.of("nw:maka-botchorishvili", "nw:tskhinvali", "nw:sukhumi", "nw:interpressnews"),
                ids("Maka Botchorishvili spoke of Tskhinvali and Sukhumi, Interpressnews reported."));
        assertEquals(List.of("nw:kalbajar", "nw:kalbajar", "nw:lachin", "nw:stepanakert", "nw:stepanakert"),
                ids("Kalbajar (Kelbajar), Lachin, and Khankendi, which Armenians call Stepanakert"));
    }

    @Test
    void newEntriesAreFoundInRussianNewsInTheirCaseForms() {
        assertEquals(List.of("nw:mher-grigoryan", "nw:shahin-mustafayev", "nw:tavush"),
                ids("Мгер Григорян и Шахин Мустафаев обсудили делимитацию в Тавушской области."));
        assertEquals(List.of("nw:igor-khovaev", "nw:south-caucasus", "nw:nagorno-karabakh"),
                ids("По словам Ховаева, ситуация на Южном Кавказе после событий в Нагорном Карабахе изменилась."));
        assertEquals(List.of("nw:kobuleti", "nw:state-duma", "nw:chechnya"),
                ids("В Кобулети прибыла делегация Госдумы из Чечни."));
    }

    @Test
    void newEntriesAreFoundInArmenianNewsInTheirCaseForms() {
        assertEquals(List.of("nw:gagik-melkonian", "nw:ishkhan-saghatelyan"),
                ids("Գագիկ Մելքոնյանը պատասխանեց Իշխան Սաղաթելյանին։"));
        assertEquals(List.of("nw:bagrat-galstanyan", "nw:tavush", "nw:kirants"),
                ids("Բագրատ Սրբազանը Տավուշում հանդիպեց Կիրանցի բնակիչներին։"));
        assertEquals(List.of("nw:ijevan", "nw:dilijan", "nw:gegharkunik"),
                ids("Իջևանից Դիլիջան, հետո Գեղարքունիքի մարզ"));
    }

    @Test
    void everydayWordsAreNotEntities() {
        assertEquals(List.of(), ids("The trend was clear: a report on the middle corridor of the white house, tartar "
                + "sauce, a civil contract, and a crisis group."));
        assertEquals(List.of(), ids("Тех, кто прочитал Известия в Вене, гори огнём, сказал Иван Грозный."
                .toLowerCase()));
        assertEquals(List.of(), ids("Տեղում կար մի աշտարակ, ագարակ, գավառ և հետք։"));
    }

    /** Every form the matcher indexes for {@code entry}: its aliases and their derived case forms. */
    private static List<String> forms(KbEntry entry) {
        List<String> forms = new ArrayList<>();
        for (Alias alias : entry.aliases()) {
            forms.add(alias.text());
            if (!alias.caseSensitive()) forms.addAll(Inflections.variants(alias.text()));
        }
        return forms;
    }
}
