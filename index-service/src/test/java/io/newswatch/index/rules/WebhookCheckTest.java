package io.newswatch.index.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.support.outbound.OutboundPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhooks are checked against the outbound policy on write, masked in reads, and kept when sent back masked. */
class WebhookCheckTest {
    private final WebhookCheck publicOnly = new WebhookCheck(OutboundPolicy.publicOnly());

    @Test
    void internalAddressesAreRefusedInUserTerms() {
        assertEquals("the webhook's host 127.0.0.1 is a loopback address; only public internet addresses are allowed "
                + "unless the operator allows more (outbound.allow)", refusal(publicOnly, "http://127.0.0.1:9200/"));
        assertEquals("the webhook's host 169.254.169.254 is a cloud metadata address, which is never allowed",
                refusal(publicOnly, "http://169.254.169.254/latest/meta-data/"));
        assertEquals("the webhook's host [::ffff:169.254.169.254] is a cloud metadata address, which is never allowed",
                refusal(publicOnly, "http://[::ffff:169.254.169.254]/"));
        WebhookCheck loopback = new WebhookCheck(OutboundPolicy.allowing(List.of("loopback")));
        loopback.check("http://127.0.0.1:9200/"); // allowed by the operator
        assertEquals("the webhook's host 169.254.169.254 is a cloud metadata address, which is never allowed",
                refusal(loopback, "http://169.254.169.254/"));
        publicOnly.check("https://93.184.215.14/hook");
        publicOnly.check(null);
    }

    @Test
    void aWebhookIsMaskedToSchemeAndHostAndKeptWhenItsMaskIsSentBack() {
        String url = "https://user:pass@Hooks.Example.org:8443/services/T1?token=x";
        assertEquals("https://hooks.example.org/…", WebhookMask.of(url));
        assertEquals("http://[::1]/…", WebhookMask.of("http://[::1]:8080/x"));

        RuleRequest sentBack = new RuleRequest("n", "q", "https://hooks.example.org/…", null, null, null, null);
        assertEquals(url, sentBack.keepingWebhook(url).webhook());
        RuleRequest changed = new RuleRequest("n", "q", "https://new.example.org/hook", null, null, null, null);
        assertSame(changed, changed.keepingWebhook(url));
        InvalidRuleException masked = assertThrows(InvalidRuleException.class,
                () -> new RuleRequest("n", "q", "https://other.example.org/…", null, null, null, null).validated());
        assertEquals("webhook", masked.field());
    }

    private static String refusal(WebhookCheck check, String url) {
        return assertThrows(InvalidRuleException.class, () -> check.check(url)).getMessage();
    }
}
