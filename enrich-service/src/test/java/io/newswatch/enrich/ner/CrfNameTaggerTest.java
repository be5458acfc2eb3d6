package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CrfNameTaggerTest {
    private static final List<String> TEXTS = List.of(
            "Armenian Prime Minister Nikol Pashinian met Ilham Aliyev in Brussels.",
            "The head of the Baku-based Institute of Political Management, Azer Qasimli, told RFE/RL.",
            "Gagik Melkonian, a lawmaker of the ruling Civil Contract party, spoke in Yerevan.",
            "Lusine Tavakalyan met Davit Gorgadze in Gyumri and Tbilisi.");

    @Test
    void oneTaggerIsSharedAndTagsOnlyPeopleOrganisationsAndPlaces() {
        assertSame(CrfNameTagger.shared(), CrfNameTagger.shared());
        String text = "Russian President Vladimir Putin visited Baku.";
        List<String> found = CrfNameTagger.shared().tag(text, 0, text.length()).stream()
                .map(n -> n.type() + ":" + n.in(text)).toList();
        assertEquals(List.of("PERSON:Vladimir Putin", "LOCATION:Baku"), found, "MISC (Russian) is dropped");
    }

    @Test
    void threadsSharingTheTaggerGetTheSameNamesAsOneThread() throws Exception {
        CrfNameTagger tagger = CrfNameTagger.shared();
        List<List<FoundName>> expected = TEXTS.stream().map(t -> tagger.tag(t, 0, t.length())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FoundName>>> results = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String text : TEXTS) results.add(pool.submit(() -> tagger.tag(text, 0, text.length())));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % TEXTS.size()), results.get(i).get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offsetsAreIntoTheWholeTextWhenAPartIsTagged() {
        String text = "Headline\n\nAzer Qasimli spoke.";
        int from = text.indexOf("Azer");
        List<FoundName> names = CrfNameTagger.shared().tag(text, from, text.length());
        assertEquals(List.of("Azer Qasimli"), names.stream().map(n -> n.in(text)).toList());
    }
}
