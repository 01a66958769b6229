package org.modgres.planner.calcite.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The views a statement reads, recorded while its tree is converted: a view expands where the
 * converter meets its name, inside the expansion of the view that names it, so the views being
 * expanded on this thread at that moment are the chain it is read through. A view that reads no
 * table leaves no mark on any scan of the plan; this record is what lets its privileges be checked.
 */
final class ViewExpansions {

    private static final ThreadLocal<ViewExpansions> RECORDING = new ThreadLocal<>();

    /** The views being expanded, innermost first. */
    private final Deque<Long> expanding = new ArrayDeque<>();
    private final Set<List<Long>> chains = new LinkedHashSet<>();

    private ViewExpansions() {
    }

    /** Runs a conversion and returns what it made with the chains of the views it expanded. */
    static <T> Recorded<T> record(Supplier<T> conversion) {
        ViewExpansions outer = RECORDING.get();
        ViewExpansions recording = new ViewExpansions();
        RECORDING.set(recording);
        try {
            T result = conversion.get();
            return new Recorded<>(result, List.copyOf(recording.chains));
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
    }

    /** Expands a view, noting it and the views it is read through when a conversion is recorded. */
    static <T> T expanding(long viewOid, Supplier<T> expansion) {
        ViewExpansions recording = RECORDING.get();
        if (recording == null) {
            return expansion.get();
        }
        recording.expanding.push(viewOid);
        recording.chains.add(new ArrayList<>(recording.expanding));
        try {
            return expansion.get();
        } finally {
            recording.expanding.pop();
        }
    }

    /** What a conversion made, and the views it read, each as a chain of OIDs innermost first. */
    record Recorded<T>(T result, List<List<Long>> viewChains) {
    }
}
