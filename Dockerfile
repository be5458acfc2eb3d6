# One build for the three services; each is a target: docker build --target ingest-service .
# The build stage compiles every module once (tests run in CI, not here); each service image holds
# only its runnable jar on a JRE.

# Exact versions (tags move); pin @sha256 digests as well once pulled and checked.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl ingest-service,enrich-service,index-service -am package

FROM eclipse-temurin:17.0.16_8-jre AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app newswatch \
    && mkdir -p /app/state && chown newswatch /app/state
WORKDIR /app
USER newswatch
# Listen on every interface inside the container; state (ingest's published URLs, Streams stores) in a volume.
ENV NEWSWATCH_HTTP_HOST=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"

FROM runtime AS ingest-service
COPY --from=build /src/ingest-service/target/ingest-service.jar /app/service.jar
ENV NEWSWATCH_STATE_DIR=/app/state/ingest
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD curl -fs http://127.0.0.1:8081/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]

FROM runtime AS enrich-service
COPY --from=build /src/enrich-service/target/enrich-service.jar /app/service.jar
# The MiniLM sentence encoder's tokenizer unpacks its native library once; /app (the home) is not writable.
ENV NEWSWATCH_STREAMS_STATE_DIR=/app/state/enrich-streams \
    DJL_CACHE_DIR=/tmp/djl
EXPOSE 8082
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s CMD curl -fs http://127.0.0.1:8082/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]

FROM runtime AS index-service
COPY --from=build /src/index-service/target/index-service.jar /app/service.jar
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD curl -fs http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]
