package app.atelier.model;

import java.util.List;

/**
 * A Python tuple. Its nesting depth is known when it is built, and its hash is computed once:
 * a pickle can share one tuple at every level of a deep nest through the memo, and hashing or
 * printing that naively takes 2^depth steps.
 */
final class PythonTuple {
    private final List<Object> items;
    private final int depth;
    private int hash;
    private boolean hashed;

    PythonTuple(List<Object> items) {
        this.items = List.copyOf(items.stream().map(i -> i == null ? RestrictedUnpickler.NONE : i).toList());
        int deepest = 0;
        for (Object item : this.items) {
            if (item instanceof PythonTuple t) {
                deepest = Math.max(deepest, t.depth);
            }
        }
        this.depth = deepest + 1;
    }

    Object get(int index) {
        Object item = items.get(index);
        return item == RestrictedUnpickler.NONE ? null : item;
    }

    int size() {
        return items.size();
    }

    int depth() {
        return depth;
    }

    /** Only called on tuples that passed {@link RestrictedUnpickler#checkKey}: no lists or dicts inside. */
    @Override
    public int hashCode() {
        if (!hashed) {
            hash = items.hashCode();
            hashed = true;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof PythonTuple that && hashCode() == that.hashCode() && items.equals(that.items);
    }

    @Override
    public String toString() {
        return "a tuple of " + items.size();
    }
}
