package io.newswatch.index.delivery;

import io.newswatch.events.Alert;
import io.newswatch.events.EventJson;
import io.newswatch.index.rules.PayloadFormat;
import java.util.Map;

/** The body POSTed for an alert: the alert event as JSON, or a Slack incoming-webhook message. */
final class WebhookPayload {
    private WebhookPayload() {}

    static byte[] body(Alert alert, PayloadFormat format) {
        return format == PayloadFormat.SLACK ? EventJson.write(Map.of("text", slackText(alert))) : EventJson.write(alert);
    }

    /** Slack mrkdwn: {@code newswatch: *rule* matched <url|title> (source)}. */
    static String slackText(Alert alert) {
        String title = alert.title() == null || alert.title().isBlank() ? alert.url() : alert.title();
        String link = alert.url() == null ? escape(title) : "<" + alert.url() + "|" + escape(title) + ">";
        String rule = alert.ruleName() == null ? alert.ruleId() : alert.ruleName();
        String source = alert.source() == null ? "" : " (" + escape(alert.source()) + ")";
        return "newswatch: *" + escape(rule) + "* matched " + link + source;
    }

    /** Slack's three control characters. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
