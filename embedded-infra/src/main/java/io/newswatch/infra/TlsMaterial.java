package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for a loopback server, made with the JDK's {@code keytool}: a PKCS#12
 * key store for the server and a trust store holding only its certificate for clients. The
 * certificate names {@code localhost} and the server's address, so clients keep hostname
 * verification on.
 *
 * @param keyStore the server's key store (PKCS#12)
 * @param trustStore the clients' trust store (PKCS#12)
 * @param password the password of both stores (random per start)
 */
record TlsMaterial(Path keyStore, Path trustStore, String password) {

    private static final String ALIAS = "newswatch-embedded";

    /** Makes fresh material in {@code dir} for a server on {@code host}. */
    static TlsMaterial create(Path dir, String host) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve("server.p12");
            Path trustStore = dir.resolve("truststore.p12");
            Path certificate = dir.resolve("server.crt");
            for (Path old : List.of(keyStore, trustStore, certificate)) {
                Files.deleteIfExists(old);
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            keytool(dir, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:" + ip(host),
                    "-validity", "30", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", password);
            keytool(dir, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(),
                    "-storepass", password, "-file", certificate.toString());
            keytool(dir, "-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
            return new TlsMaterial(keyStore, trustStore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make TLS material in " + dir, e);
        }
    }

    private static String ip(String host) {
        // keytool wants an address in the SAN; 0.0.0.0 listeners are reached over loopback.
        return host.matches("[0-9.]+") && !host.equals("0.0.0.0") ? host : "127.0.0.1";
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path output = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedInfraException("keytool " + args[0] + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new EmbeddedInfraException("interrupted while running keytool " + args[0]);
        }
        if (process.exitValue() != 0) {
            throw new EmbeddedInfraException("keytool " + args[0] + " failed (exit " + process.exitValue()
                    + "): " + Files.readString(output, StandardCharsets.UTF_8).strip());
        }
    }
}
