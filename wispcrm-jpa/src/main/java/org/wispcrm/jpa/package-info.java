/** Hibernate (JPA) adapter for every persistence port, with Flyway migrations for H2, MariaDB/MySQL and PostgreSQL. */
@NullMarked
package org.wispcrm.jpa;

import org.jspecify.annotations.NullMarked;
