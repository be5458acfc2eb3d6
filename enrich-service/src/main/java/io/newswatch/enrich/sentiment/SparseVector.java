package io.newswatch.enrich.sentiment;

/**
 * A feature vector: hashed feature indices and their values.
 *
 * @param indices feature indices, each in [0, dimension)
 * @param values  their values, same length
 */
record SparseVector(int[] indices, float[] values) {

    SparseVector {
        if (indices.length != values.length) throw new IllegalArgumentException("indices and values differ in length");
    }

    int size() {
        return indices.length;
    }
}
