package org.backproplab.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The teacher's choice of what predict mode asks: which kinds of value, and how many per stage
 * (0: every value of those kinds). Kept as plain data so an experiment file can carry it:
 * {@link #toJson()} gives {@code {"kinds": ["forward", ...], "perStage": 2}} and
 * {@link #fromJson(Map)} reads it back.
 */
public record PredictChoice(Set<PredictKind> kinds, int perStage) {
    /** Most values asked per stage that can be chosen (beyond it: 0, every value). */
    public static final int MAX_PER_STAGE = 99;

    /** Every kind, two values per stage. */
    public static final PredictChoice DEFAULT = new PredictChoice(EnumSet.allOf(PredictKind.class), 2);

    public PredictChoice {
        if (perStage < 0 || perStage > MAX_PER_STAGE) {
            throw new IllegalArgumentException("values per stage must be 0 (all) to " + MAX_PER_STAGE + ", not "
                    + perStage);
        }
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** The questions of a stage this choice asks: those of the chosen kinds, the first {@link #perStage}. */
    public List<PredictQuestion> pick(List<PredictQuestion> candidates) {
        List<PredictQuestion> out = new ArrayList<>();
        for (PredictQuestion q : candidates) {
            if (kinds.contains(q.kind()) && (perStage == 0 || out.size() < perStage)) {
                out.add(q);
            }
        }
        return out;
    }

    /** {"kinds": [ids in the order of {@link PredictKind}], "perStage": n}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kinds", EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(PredictKind.class) : kinds).stream()
                .map(PredictKind::id).toList());
        m.put("perStage", perStage);
        return m;
    }

    /** Reads {@link #toJson()}'s shape; a missing field keeps the default, a wrong one: IllegalArgumentException. */
    public static PredictChoice fromJson(Map<String, ?> json) {
        Set<PredictKind> kinds = EnumSet.noneOf(PredictKind.class);
        Object k = json.get("kinds");
        if (k == null) {
            kinds = DEFAULT.kinds();
        } else if (k instanceof List<?> list) {
            for (Object id : list) {
                kinds.add(PredictKind.fromId(String.valueOf(id)));
            }
        } else {
            throw new IllegalArgumentException("kinds must be a list of ids, not " + k);
        }
        Object n = json.get("perStage");
        if (n != null && !(n instanceof Number)) {
            throw new IllegalArgumentException("perStage must be a number, not " + n);
        }
        int perStage = n == null ? DEFAULT.perStage() : ((Number) n).intValue();
        if (n != null && ((Number) n).doubleValue() != perStage) {
            throw new IllegalArgumentException("perStage must be a whole number, not " + n);
        }
        return new PredictChoice(kinds, perStage);
    }

    /** As an experiment file holds it. */
    public org.backproplab.io.ExperimentFile.Predict toFile() {
        return new org.backproplab.io.ExperimentFile.Predict(
                EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(PredictKind.class) : kinds).stream()
                        .map(PredictKind::id).toList(), perStage);
    }

    /** From an experiment file; an unknown kind: IllegalArgumentException naming it. */
    public static PredictChoice fromFile(org.backproplab.io.ExperimentFile.Predict p) {
        Set<PredictKind> kinds = EnumSet.noneOf(PredictKind.class);
        for (String id : p.kinds()) {
            kinds.add(PredictKind.fromId(id));
        }
        return new PredictChoice(kinds, p.perStage());
    }
}
