package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.enrich.entities.Alias;
import io.newswatch.enrich.entities.KbEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentEntitiesTest {

    @Test
    void aSurnameLinksToTheFullNameWhateverTypeTheTaggerGaveIt() {
        Map<String, List<String>> entities = link("Qasimli/ORGANIZATION", "Azer Qasimli/PERSON", "Gyumri/LOCATION");

        assertEquals(Map.of("nw:person:azer-qasimli", List.of("Azer Qasimli", "Qasimli"),
                "nw:location:gyumri", List.of("Gyumri")), entities);
    }

    @Test
    void aSurnameTwoPeopleShareIsLeftOut() {
        Map<String, List<String>> entities = link("Mehriban Aliyeva/PERSON", "Leyla Aliyeva/PERSON", "Aliyeva/PERSON");

        assertEquals(Map.of("nw:person:mehriban-aliyeva", List.of("Mehriban Aliyeva"),
                "nw:person:leyla-aliyeva", List.of("Leyla Aliyeva")), entities);
    }

    @Test
    void formsDifferingOnlyInCaseAreOneEntity() {
        assertEquals(Set.of("nw:person:azer-qasimli"), link("Azer Qasimli/PERSON", "AZER QASIMLI/PERSON").keySet());
    }

    @Test
    void idsAreSlugsOfTheLongestNameWithoutAccents() {
        assertEquals("nw:person:gulnar\u0259-\u0259liyeva", DocumentEntities.id("PERSON", "G\u00fclnar\u0259 \u018fliyeva"));
        assertEquals("nw:organization:rfe-rl-s-armenian-service",
                DocumentEntities.id("ORGANIZATION", "RFE/RL\u2019s Armenian Service"));
    }

    /** Entities of a text made of {@code names} ("Name/TYPE"), as id -> aliases. */
    private static Map<String, List<String>> link(String... names) {
        StringBuilder text = new StringBuilder();
        List<FoundName> found = new ArrayList<>();
        for (String spec : names) {
            String[] nameType = spec.split("/");
            found.add(new FoundName(nameType[1], text.length(), text.length() + nameType[0].length()));
            text.append(nameType[0]).append(". ");
        }
        return DocumentEntities.link(text.toString(), found).stream().collect(Collectors.toMap(KbEntry::id,
                e -> e.aliases().stream().map(Alias::text).toList()));
    }
}
