package io.newswatch.index.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import io.newswatch.index.elastic.LanguageAnalysis;
import java.util.List;

/**
 * The query language of {@code q} (and of alert rules): the Lucene / Elasticsearch query-string
 * syntax Kibana users know. Phrases ({@code "peace treaty"}), {@code AND}/{@code OR}/{@code NOT},
 * grouping, proximity ({@code "border demarcation"~5}), wildcards ({@code sanction*}, not
 * leading), ranges ({@code publishedAt:[2025-01-01 TO 2025-02-01]}) and fields:
 *
 * <ul>
 *   <li>no field: {@code title} (boosted 2x) and {@code text}</li>
 *   <li>{@code title:}, {@code text:} — the headline, the body</li>
 *   <li>{@code source:} — exact source name ({@code source:azatutyun.am})</li>
 *   <li>{@code entity:} — canonical names, ids and spellings of the entities found
 *       ({@code entity:pashinyan}, {@code entity:"Nikol Pashinyan"}, {@code entity:Q7045})</li>
 *   <li>{@code lang:} / {@code language:}, {@code author:}, {@code topic:}, {@code published:}
 *       ({@code publishedAt}) — mapping-level aliases of the stored fields</li>
 * </ul>
 *
 * <p>Terms without an operator must all match ({@link #DEFAULT_OPERATOR} AND): a monitoring team
 * typing {@code armenia border clash} wants articles about all three, not every article that
 * mentions Armenia. {@code OR} is always available explicitly. Alert rules must be parsed with the
 * same default so a rule finds the same articles live and over the archive.
 */
public final class QuerySyntax {
    /** Fields searched by terms without a field. */
    public static final List<String> DEFAULT_FIELDS = List.of("title^2", "text");
    /**
     * What archive searches query for terms without a field: {@link #DEFAULT_FIELDS} and their language
     * subfields, which exist only where the cluster has language analyzers (elsewhere they match nothing).
     * Alert rules keep {@link #DEFAULT_FIELDS}: enrich-service matches them live without stemming.
     */
    public static final List<String> SEARCH_FIELDS = LanguageAnalysis.searchFields(DEFAULT_FIELDS);
    /** How terms without an operator combine. */
    public static final Operator DEFAULT_OPERATOR = Operator.And;

    private QuerySyntax() {}
}
