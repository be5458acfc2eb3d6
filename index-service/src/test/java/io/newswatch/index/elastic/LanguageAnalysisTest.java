package io.newswatch.index.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageAnalysisTest {
    private static final ClusterCapabilities FULL = new ClusterCapabilities(List.of("8.19.21"), true);
    private static final ClusterCapabilities INTEG_TEST = new ClusterCapabilities(List.of("8.19.21"), false);

    @Test
    void withAnalysisCommonTitleAndTextGetOneSubfieldPerLanguage() throws Exception {
        JsonNode base = template();
        JsonNode chosen = LanguageAnalysis.template(base, FULL);

        JsonNode properties = chosen.at("/mappings/properties");
        assertEquals("english", properties.at("/text/fields/en/analyzer").asText());
        assertEquals("russian", properties.at("/text/fields/ru/analyzer").asText());
        assertEquals("armenian", properties.at("/title/fields/hy/analyzer").asText());
        assertEquals("keyword", properties.at("/title/fields/keyword/type").asText(), "the title's keyword stays");
        assertTrue(base.at("/mappings/properties/text/fields").isMissingNode(), "the base template is not changed");
        assertTrue(FULL.analysis().startsWith("language analyzers"), FULL.analysis());
    }

    @Test
    void withoutAnalysisCommonTheTemplateIsTheStandardOne() throws Exception {
        JsonNode base = template();
        assertSame(base, LanguageAnalysis.template(base, INTEG_TEST));
        assertTrue(INTEG_TEST.analysis().startsWith("standard analyzer only"), INTEG_TEST.analysis());
    }

    @Test
    void searchesQueryThePlainFieldsAndTheirLanguageSubfieldsWithTheSameBoost() {
        assertEquals(List.of("title^2", "text", "title.en^2", "title.ru^2", "title.hy^2", "text.en", "text.ru", "text.hy"),
                LanguageAnalysis.searchFields(List.of("title^2", "text")));
    }

    private static JsonNode template() throws Exception {
        try (InputStream in = LanguageAnalysisTest.class.getResourceAsStream("/elastic/article-template.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
