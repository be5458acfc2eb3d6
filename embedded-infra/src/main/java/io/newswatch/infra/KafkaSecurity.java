package io.newswatch.infra;

import java.util.Objects;

/**
 * Production-style security for an {@link EmbeddedKafka} broker: clients and the broker itself
 * authenticate with SASL/PLAIN over TLS ({@code SASL_SSL}), with a certificate made for the broker
 * at each start and a trust store clients are given by {@link EmbeddedKafka#clientProperties()}.
 *
 * <p>Only the KRaft controller listener stays plaintext; like in a real deployment it is never
 * handed to clients.
 *
 * @param username the one account the broker accepts (also used between broker and controller)
 * @param password its password; never printed by {@link #toString()}
 */
public record KafkaSecurity(String username, String password) {

    /** Validates the account. */
    public KafkaSecurity {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("username and password must not be blank");
        }
        if ((username + password).contains("\"")) {
            // Both end up quoted in a JAAS configuration line.
            throw new IllegalArgumentException("username and password must not contain '\"'");
        }
    }

    /** SASL/PLAIN over TLS with this account. */
    public static KafkaSecurity saslSsl(String username, String password) {
        return new KafkaSecurity(username, password);
    }

    /** The JAAS line a client (or the broker) logs in with. */
    String clientJaas() {
        return login() + ";";
    }

    /** The broker's JAAS line: its own login plus the one account it accepts. */
    String brokerJaas() {
        return login() + " user_" + username + "=\"" + password + "\";";
    }

    private String login() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + username + "\" password=\"" + password + "\"";
    }

    @Override
    public String toString() {
        return "KafkaSecurity[SASL_SSL, PLAIN, user " + username + ", password ****]";
    }
}
