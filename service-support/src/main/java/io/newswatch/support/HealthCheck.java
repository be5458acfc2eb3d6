package io.newswatch.support;

/** One thing a service depends on, checked when {@code GET /health} is called. */
@FunctionalInterface
public interface HealthCheck {

    /** The state now; must return quickly (a few hundred ms) and never throw. */
    Status check();

    /**
     * The state of one dependency.
     *
     * @param up     whether it works
     * @param detail a short human-readable description, never a secret
     */
    record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
