package com.marketpulse.detection.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * An Isolation Forest over the normalized {@link ForestInput}: Smile's {@link IsolationForest}, with our
 * hyper-parameters and a byte form for storing a trained model.
 * <p>
 * Anomalies are "few and different", so random axis-parallel splits isolate them in fewer steps than normal
 * points; the score {@code 2^(-E[h(x)]/c(n))} is close to 1 for anomalies and at or below 0.5 for normal points.
 *
 * <h2>References</h2>
 * <ol>
 * <li>Fei Tony Liu, Kai Ming Ting and Zhi-Hua Zhou. Isolation Forest. ICDM 2008, 413–422.</li>
 * </ol>
 */
public final class AnomalyForest {

    /**
     * Only Smile's forest, its trees and nodes, and primitive arrays may be deserialized, and only as much of them as
     * a real model holds: the service's forest (100 trees on 256 of 512 rows) is 1 MB, 49,000 objects, 12 levels
     * deep with arrays of at most 100 elements; 1,000 trees are 10 MB and 500,000 objects; trees grown on 100,000
     * rows are 19 levels deep. The limits leave room for such models and refuse a crafted stream that would
     * exhaust memory or the stack before a class is even checked (a model row is written by whoever can write to
     * the database).
     */
    static final String FILTER = "maxbytes=" + (16 << 20) + ";maxrefs=1000000;maxdepth=64;maxarray=100000;"
            + "smile.anomaly.*;[Lsmile.anomaly.*;[D;[I;java.lang.*;!*";
    private static final ObjectInputFilter ONLY_SMILE_FOREST = ObjectInputFilter.Config.createFilter(FILTER);

    private static final Object FIT_LOCK = new Object();

    private final IsolationForest forest;

    private AnomalyForest(IsolationForest forest) {
        this.forest = forest;
    }

    /**
     * Hyper-parameters.
     *
     * @param trees     the number of isolation trees
     * @param subsample the fraction of the training set each tree is grown on, in (0, 1)
     * @param maxDepth  the height limit of a tree; 0 takes {@code log2} of the subsample size, as the paper does
     */
    public record Options(int trees, double subsample, int maxDepth) {

        public Options {
            if (trees < 1) {
                throw new IllegalArgumentException("trees must be at least 1: " + trees);
            }
            if (!(subsample > 0 && subsample < 1)) {
                throw new IllegalArgumentException("subsample must be in (0, 1): " + subsample);
            }
            if (maxDepth < 0) {
                throw new IllegalArgumentException("maxDepth must not be negative: " + maxDepth);
            }
        }

        /** 100 trees grown on half of the data with the paper's height limit. */
        public Options() {
            this(100, 0.5, 0);
        }
    }

    /**
     * Grows a forest on normal feature points: the same rows, options and seed always grow the same forest.
     * <p>
     * Smile grows the trees in a parallel stream, each drawing from its thread's own generator, seeded in the order
     * the threads happen to start; so the trees, and every score, would change from run to run (a back-test, the
     * evaluation's figures and two detection instances would disagree). Growing them on one seeded worker thread
     * makes the forest a function of its inputs; 100 trees on 256 rows take milliseconds. Fits are serialized
     * because the trees' random split directions also draw from a Gaussian whose spare value Smile keeps in one
     * static cache, which two concurrent fits would share.
     *
     * @param data rows of {@link ForestInput#DIMENSION} coordinates; at least 2 rows
     * @param seed the seed of the row sampling and the random splits
     */
    public static AnomalyForest fit(double[][] data, Options options, long seed) {
        if (data.length < 2) {
            throw new IllegalArgumentException("an Isolation Forest needs at least 2 training rows, got " + data.length);
        }
        for (double[] row : data) {
            if (row.length != ForestInput.DIMENSION) {
                throw new IllegalArgumentException("expected " + ForestInput.DIMENSION + " features, got " + row.length);
            }
        }
        var smileOptions = new IsolationForest.Options(options.trees(), options.maxDepth(), options.subsample(), 0);
        synchronized (FIT_LOCK) {
            return fitOnOneThread(data, smileOptions, seed);
        }
    }

    private static AnomalyForest fitOnOneThread(double[][] data, IsolationForest.Options smileOptions, long seed) {
        // Waiting on a CompletableFuture, not on a ForkJoinTask: joining the task could run it on this thread,
        // whose parallel stream would then spread the trees over the common pool again.
        try (var oneThread = new ForkJoinPool(1)) {
            return CompletableFuture.supplyAsync(() -> {
                MathEx.setSeed(seed);
                return new AnomalyForest(IsolationForest.fit(data, smileOptions));
            }, oneThread).join();
        }
    }

    /** The anomaly score in (0, 1]: about 0.5 or less is normal, near 1 is an anomaly. */
    public double score(double[] x) {
        return forest.score(x);
    }

    public int trees() {
        return forest.size();
    }

    /** The trained forest as bytes (Java serialization of Smile's model), for the model store. */
    public byte[] toBytes() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(forest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the Isolation Forest", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a forest written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException for anything else, including a stream beyond the filter's limits
     */
    public static AnomalyForest fromBytes(byte[] bytes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_SMILE_FOREST);
            return new AnomalyForest((IsolationForest) in.readObject());
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("not a stored Isolation Forest: refused by the deserialization filter ("
                    + FILTER + "): " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a stored Isolation Forest", e);
        }
    }
}
