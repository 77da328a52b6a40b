package org.wispcrm.core.inmemory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/**
 * One in-memory table: rows by id plus an optional unique secondary key. Every access runs under the runner's lock
 * (joining the caller's unit of work or as a unit of its own), and every change registers its undo, so plain hash
 * maps are safe here.
 *
 * @param <K> id type
 * @param <V> row type (an immutable record)
 */
final class Table<K, V> {
    private final InMemoryTransactionRunner tx;
    private final String entity;
    private final Function<V, K> idOf;
    private final ToLongFunction<V> versionOf;
    private final BiFunction<V, Long, V> withVersion;
    private final String uniqueKeyName;
    private final Function<V, @Nullable String> uniqueKeyOf;
    private final Map<K, V> rows = new HashMap<>();
    private final Map<String, K> unique = new HashMap<>();

    /**
     * @param entity entity name for error messages
     * @param idOf the row's id
     * @param versionOf the row's optimistic-lock version (unused by tables that never {@link #save})
     * @param withVersion a copy of the row with another version
     * @param uniqueKeyName name of the unique secondary key, for errors
     * @param uniqueKeyOf the row's unique secondary key, or null when it has none
     */
    Table(
            InMemoryTransactionRunner tx,
            String entity,
            Function<V, K> idOf,
            ToLongFunction<V> versionOf,
            BiFunction<V, Long, V> withVersion,
            String uniqueKeyName,
            Function<V, @Nullable String> uniqueKeyOf) {
        this.tx = tx;
        this.entity = entity;
        this.idOf = idOf;
        this.versionOf = versionOf;
        this.withVersion = withVersion;
        this.uniqueKeyName = uniqueKeyName;
        this.uniqueKeyOf = uniqueKeyOf;
    }

    /** A versioned table without a secondary key. */
    Table(
            InMemoryTransactionRunner tx,
            String entity,
            Function<V, K> idOf,
            ToLongFunction<V> versionOf,
            BiFunction<V, Long, V> withVersion) {
        this(tx, entity, idOf, versionOf, withVersion, "", row -> null);
    }

    <T> T locked(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    Optional<V> get(K id) {
        return locked(() -> Optional.ofNullable(rows.get(id)));
    }

    Optional<V> getByUniqueKey(String key) {
        return locked(() -> {
            K id = unique.get(key);
            return id == null ? Optional.<V>empty() : Optional.ofNullable(rows.get(id));
        });
    }

    List<V> select(Predicate<? super V> filter, Comparator<? super V> order) {
        return locked(() -> rows.values().stream().filter(filter).sorted(order).toList());
    }

    /**
     * Saves under the optimistic-lock contract: version 0 inserts (an existing id is {@code DUPLICATE}); otherwise
     * the stored version must equal the row's ({@code CONCURRENT_MODIFICATION} if not, or if there is no row). The
     * stored and returned row carries the version plus one. A unique key held by another row is {@code DUPLICATE}.
     */
    V save(V row) {
        return locked(() -> {
            K id = idOf.apply(row);
            long version = versionOf.applyAsLong(row);
            V stored = rows.get(id);
            if (version == 0) {
                if (stored != null) {
                    throw WispCrmException.duplicate(entity, "id", id);
                }
            } else if (stored == null || versionOf.applyAsLong(stored) != version) {
                throw WispCrmException.concurrentModification(entity, id);
            }
            V saved = withVersion.apply(row, version + 1);
            put(id, saved);
            return saved;
        });
    }

    /** Stores a new row; an existing id or unique key is {@code DUPLICATE}. */
    void insert(V row) {
        locked(() -> {
            K id = idOf.apply(row);
            if (rows.containsKey(id)) {
                throw WispCrmException.duplicate(entity, "id", id);
            }
            put(id, row);
            return null;
        });
    }

    /** Replaces a row without a version check (the caller read it under the same lock). */
    void replace(V row) {
        locked(() -> {
            put(idOf.apply(row), row);
            return null;
        });
    }

    private void put(K id, V row) {
        String newKey = uniqueKeyOf.apply(row);
        if (newKey != null) {
            K holder = unique.get(newKey);
            if (holder != null && !holder.equals(id)) {
                throw WispCrmException.duplicate(entity, uniqueKeyName, newKey);
            }
        }
        V previous = rows.put(id, row);
        String oldKey = previous == null ? null : uniqueKeyOf.apply(previous);
        boolean keyChanged = !Objects.equals(oldKey, newKey);
        if (keyChanged) {
            if (oldKey != null) {
                unique.remove(oldKey);
            }
            if (newKey != null) {
                unique.put(newKey, id);
            }
        }
        tx.onRollback(() -> {
            if (keyChanged) {
                if (newKey != null) {
                    unique.remove(newKey);
                }
                if (oldKey != null) {
                    unique.put(oldKey, id);
                }
            }
            if (previous == null) {
                rows.remove(id);
            } else {
                rows.put(id, previous);
            }
        });
    }
}
