package io.newswatch.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JVM shutdown hooks that close a resource if its owner never did. */
final class ShutdownHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHooks.class);

    private ShutdownHooks() {
    }

    /** Registers a hook closing {@code resource}; returns it for {@link #remove}. */
    static Thread register(String name, AutoCloseable resource) {
        Thread hook = new Thread(() -> closeQuietly(name, resource), "newswatch-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook unless the JVM is already shutting down (then it is running anyway). */
    static void remove(Thread hook) {
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("JVM shutting down; hook {} stays", hook.getName());
        }
    }

    private static void closeQuietly(String name, AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} at JVM exit failed: {}", name, e.toString());
        }
    }
}
