package io.newswatch.events;

/**
 * The image a page leads with, and what its caption says. The caption is page furniture, not article text:
 * it is kept here so the body need not carry it.
 *
 * @param url     absolute URL of the image
 * @param caption its caption or alternative text, or null
 */
public record LeadImage(String url, String caption) {
    public LeadImage {
        Require.text(url, "LeadImage.url");
        caption = caption == null || caption.isBlank() ? null : caption.strip();
    }
}
