package io.newswatch.enrich.entities;

/** What a knowledge-base entry is; its name is the {@code type} of an entity mention. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION
}
