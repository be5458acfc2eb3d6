package io.newswatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadLetterTest {
    @Test
    void headersRoundTripTheReasonAndOrigin() {
        DeadLetter letter = DeadLetter.ofRecord("enrich-service", "news.raw", 2, 41L,
                new MalformedEventException("RawArticle", "RawArticle.id is required", null));
        DeadLetter back = DeadLetter.fromHeaders(letter.toHeaders());
        assertEquals(letter, back);
        assertEquals("not a valid RawArticle: RawArticle.id is required", back.reason());
        assertEquals(41L, back.sourceOffset());
    }

    @Test
    void aPageFailureCarriesItsUrl() {
        DeadLetter letter = DeadLetter.ofPage("ingest-service", "https://x.am/a", new IllegalStateException());
        DeadLetter back = DeadLetter.fromHeaders(letter.toHeaders());
        assertEquals("https://x.am/a", back.sourceUrl());
        assertEquals("IllegalStateException", back.reason());
        assertEquals(-1, back.sourcePartition());
    }
}
