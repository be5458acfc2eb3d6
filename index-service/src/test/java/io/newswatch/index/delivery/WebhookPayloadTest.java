package io.newswatch.index.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.Alert;
import io.newswatch.events.EventJson;
import io.newswatch.index.rules.PayloadFormat;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private final Alert alert = new Alert(1, Alert.idFor("r1", "a1"), "r1", "Treaty <watch>", "a1",
            "https://azatutyun.am/a/1", "Peace & treaty", "azatutyun.am", null, Instant.parse("2025-03-09T12:00:00Z"));

    @Test
    void jsonIsTheAlertEvent() {
        Alert read = EventJson.read(WebhookPayload.body(alert, PayloadFormat.JSON), Alert.class);
        assertEquals(alert, read);
    }

    @Test
    void slackIsATextMessageWithALinkAndEscapedControlCharacters() throws IOException {
        JsonNode body = EventJson.mapper().readTree(WebhookPayload.body(alert, PayloadFormat.SLACK));

        assertEquals(1, body.size());
        assertEquals("newswatch: *Treaty &lt;watch&gt;* matched <https://azatutyun.am/a/1|Peace &amp; treaty> "
                + "(azatutyun.am)", body.get("text").asText());
    }
}
