package org.wispcrm.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.wispcrm.core.common.Page;
import org.wispcrm.core.common.PageRequest;

/** Builds JPQL with optional criteria and runs paged queries. */
final class Queries {
    /** The most values one {@code in (...)} list binds; longer lists are queried in parts. */
    static final int MAX_IN = 1000;

    private final String entity;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Queries(String entity) {
        this.entity = entity;
    }

    /** A query over {@code entity} aliased {@code e}. */
    static Queries from(String entity) {
        return new Queries(entity);
    }

    /** Adds {@code condition} with one named parameter, unless the value is null. */
    Queries where(String condition, String parameter, @org.jspecify.annotations.Nullable Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Rows of one page, mapped, with the total count. */
    <E, T> Page<T> page(EntityManager em, Class<E> type, String orderBy, PageRequest page, Function<E, T> mapper) {
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(e) from " + entity + " e" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || page.offset() >= total) {
            return new Page<>(List.of(), page, total);
        }
        TypedQuery<E> rows = em.createQuery("select e from " + entity + " e" + where + " order by " + orderBy, type);
        parameters.forEach(rows::setParameter);
        rows.setFirstResult((int) Math.min(page.offset(), Integer.MAX_VALUE));
        rows.setMaxResults(page.size());
        return new Page<>(rows.getResultList().stream().map(mapper).toList(), page, total);
    }

    /** A LIKE pattern matching {@code text} anywhere, lower case, with {@code %}, {@code _} and {@code \} escaped. */
    static String containsPattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
