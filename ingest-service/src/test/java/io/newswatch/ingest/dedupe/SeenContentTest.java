package io.newswatch.ingest.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.dedupe.SeenContent.Duplicate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenContentTest {
    static final String STORY = """
            Armenia and Azerbaijan resumed talks on the delimitation of their border on Monday, the foreign
            ministries of both countries said in identical statements after a meeting of the commissions in
            the Tavush region. The sides agreed on the coordinates of twelve more points and asked their experts
            to prepare the next round, which is expected in the Azerbaijani city of Gazakh next month.
            Opposition groups in Yerevan staged a protest near the site of the meeting, demanding that the
            government publish the maps the commissions work from, while officials said the process follows
            the Alma-Ata declaration of 1991 and will take years to complete.""";
    static final String OTHER_STORY = """
            Georgia's parliament adopted the budget for next year on Friday after a heated debate in which the
            opposition accused the ruling party of cutting spending on regional roads and schools. The finance
            minister said the deficit would fall below three percent of gross domestic product for the first time
            since the pandemic, helped by strong tourism revenue and transit trade through the country's ports.
            Economists in Tbilisi warned that growth depends on remittances and on trade with Russia, both of
            which could fall quickly if the regional situation worsens or sanctions are tightened again.""";

    @TempDir
    Path dir;

    @Test
    void anExactCopyIsFoundWhateverItsSpacingAndPunctuation() throws IOException {
        try (SeenContent seen = SeenContent.open(dir)) {
            seen.remember("a1", ContentFingerprint.of(STORY));

            Optional<Duplicate> copy = seen.duplicateOf(ContentFingerprint.of(STORY.replace("\n", "  ").toUpperCase()));

            assertEquals(Optional.of(new Duplicate("a1", Duplicate.Kind.EXACT)), copy);
        }
    }

    @Test
    void aSyndicatedCopyWithAnotherLeadInAndTrailerIsANearDuplicate() throws IOException {
        String syndicated = "BAKU, March 4 (Caucasus Wire). " + STORY.replace("on Monday", "on Monday, 4 March")
                + " Caucasus Wire is republished with permission.";
        try (SeenContent seen = SeenContent.open(dir)) {
            seen.remember("a1", ContentFingerprint.of(STORY));
            seen.remember("b2", ContentFingerprint.of(OTHER_STORY));

            assertEquals(Optional.of(new Duplicate("a1", Duplicate.Kind.NEAR)),
                    seen.duplicateOf(ContentFingerprint.of(syndicated)));
        }
    }

    @Test
    void aDifferentStoryAndAShortTextAreNotDuplicates() throws IOException {
        try (SeenContent seen = SeenContent.open(dir)) {
            seen.remember("a1", ContentFingerprint.of(STORY));
            seen.remember("s1", ContentFingerprint.of("Talks resumed on Monday."));

            assertTrue(seen.duplicateOf(ContentFingerprint.of(OTHER_STORY)).isEmpty());
            assertTrue(seen.duplicateOf(ContentFingerprint.of("Talks resumed on Tuesday.")).isEmpty());
        }
    }

    @Test
    void fingerprintsAndCopiesSurviveARestart() throws IOException {
        try (SeenContent seen = SeenContent.open(dir)) {
            seen.remember("a1", ContentFingerprint.of(STORY));
            seen.recordCopy("a1", "https://mirror.example/story");
            seen.recordCopy("a1", "https://mirror.example/story");
        }
        try (SeenContent reopened = SeenContent.open(dir)) {
            assertEquals(1, reopened.articles());
            assertEquals(List.of("https://mirror.example/story"), reopened.otherUrls("a1"));
            assertEquals(1, reopened.copies());
            assertFalse(reopened.duplicateOf(ContentFingerprint.of(STORY)).isEmpty());
        }
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aBodyIsForgottenAfterMaxAgeWithItsCopiesAlsoAfterARestart() throws IOException {
        TestClock clock = new TestClock();
        try (SeenContent seen = SeenContent.open(dir, Duration.ofDays(30), clock)) {
            seen.remember("a1", ContentFingerprint.of(STORY));
            seen.recordCopy("a1", "https://mirror.example/story");
            clock.advance(Duration.ofDays(20));
            seen.remember("b2", ContentFingerprint.of(OTHER_STORY));
            clock.advance(Duration.ofDays(11));

            assertTrue(seen.duplicateOf(ContentFingerprint.of(STORY)).isEmpty(), "31 days on, the story is news again");
            assertEquals(List.of(), seen.otherUrls("a1"));
            assertFalse(seen.duplicateOf(ContentFingerprint.of(OTHER_STORY)).isEmpty(), "11 days old: still known");
            assertEquals(1, seen.articles());
        }
        try (SeenContent reopened = SeenContent.open(dir, Duration.ofDays(30), clock)) {
            assertEquals(1, reopened.articles(), "the forgotten body stays forgotten");
            assertTrue(reopened.duplicateOf(ContentFingerprint.of(STORY)).isEmpty());
        }
    }

    @Test
    void theFileIsRewrittenWithoutForgottenLinesWhenTheyAreMostOfIt() throws IOException {
        TestClock clock = new TestClock();
        try (SeenContent seen = SeenContent.open(dir, Duration.ofDays(1), clock)) {
            for (int i = 0; i < 1_500; i++) seen.remember("old" + i, ContentFingerprint.of(STORY + " variant " + i));
            clock.advance(Duration.ofDays(2));
            seen.remember("new", ContentFingerprint.of(OTHER_STORY));
        }
        Path file = dir.resolve(SeenContent.FILE);
        assertEquals(1_501, Files.readAllLines(file).size());
        try (SeenContent reopened = SeenContent.open(dir, Duration.ofDays(1), clock)) {
            assertEquals(1, reopened.articles());
            assertFalse(reopened.duplicateOf(ContentFingerprint.of(OTHER_STORY)).isEmpty());
        }
        assertEquals(1, Files.readAllLines(file).size(), "only what is remembered is kept on disk");
    }

    @Test
    void fingerprintsWrittenBeforeTheTimeFieldAreReadAsSeenNow() throws IOException {
        ContentFingerprint fp = ContentFingerprint.of(STORY);
        Files.writeString(dir.resolve(SeenContent.FILE), String.join("\t", "fp", "a1", fp.sha256(), fp.minHashText(),
                Integer.toString(fp.words())) + "\n");
        try (SeenContent seen = SeenContent.open(dir)) {
            assertEquals(Optional.of(new Duplicate("a1", Duplicate.Kind.EXACT)), seen.duplicateOf(fp));
        }
    }

    @Test
    void nearCopiesAreFoundThroughTheBandsAmongManyOtherBodies() throws IOException {
        String syndicated = "TBILISI (Wire). " + STORY.replace("on Monday", "on Monday morning") + " Republished.";
        try (SeenContent seen = SeenContent.open(dir)) {
            for (int i = 0; i < 2_000; i++) {
                seen.remember("n" + i, ContentFingerprint.of(OTHER_STORY.replace("Friday", "day " + i) + " item " + i
                        + " " + Integer.toHexString(i * 7919)));
            }
            seen.remember("a1", ContentFingerprint.of(STORY));
            assertEquals(Optional.of(new Duplicate("a1", Duplicate.Kind.NEAR)),
                    seen.duplicateOf(ContentFingerprint.of(syndicated)));
        }
    }
}
