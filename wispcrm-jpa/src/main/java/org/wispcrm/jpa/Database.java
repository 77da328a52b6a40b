package org.wispcrm.jpa;

import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/** The databases the adapter supports, with what differs between them. */
enum Database {
    /** H2 2.x (embedded, tests, quickstart). */
    H2("h2", "BINARY", false),
    /** MariaDB 10.6+ and MySQL 8+ (both speak the MySQL dialect; ids as BINARY(16)). */
    MARIADB("mariadb", "BINARY", true),
    /** PostgreSQL 12+ (ids as uuid). */
    POSTGRESQL("postgresql", "UUID", true);

    private final String folder;
    private final String uuidJdbcType;
    private final boolean skipLocked;

    Database(String folder, String uuidJdbcType, boolean skipLocked) {
        this.folder = folder;
        this.uuidJdbcType = uuidJdbcType;
        this.skipLocked = skipLocked;
    }

    /** The Flyway location of this database's migrations, inside the jar. */
    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    /** How Hibernate binds UUID ids: as 16 bytes (compared unsigned, as {@code Ids.ORDER}) or as native uuid. */
    String uuidJdbcType() {
        return uuidJdbcType;
    }

    /** Binds an id to a plain JDBC statement the way Hibernate stores it (16 big-endian bytes, or a native uuid). */
    void bindUuid(java.sql.PreparedStatement statement, int index, java.util.UUID id) throws java.sql.SQLException {
        if (uuidJdbcType.equals("BINARY")) {
            statement.setBytes(
                    index,
                    java.nio.ByteBuffer.allocate(16)
                            .putLong(id.getMostSignificantBits())
                            .putLong(id.getLeastSignificantBits())
                            .array());
        } else {
            statement.setObject(index, id);
        }
    }

    /** Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is used to claim outbox rows. */
    boolean skipLocked() {
        return skipLocked;
    }

    /** Detects the database behind a data source from its JDBC metadata. */
    static Database of(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw WispCrmException.adapterFailure(
                    ErrorCode.PERSISTENCE_FAILURE, "Cannot connect to the database to detect its kind", e);
        }
    }

    /** Detects the database from a Hibernate dialect. */
    static Database of(Dialect dialect) {
        if (dialect instanceof H2Dialect) {
            return H2;
        }
        if (dialect instanceof PostgreSQLDialect) {
            return POSTGRESQL;
        }
        if (dialect instanceof MySQLDialect) {
            return MARIADB;
        }
        throw WispCrmException.configuration("Unsupported database dialect "
                + dialect.getClass().getName() + "; wispcrm-jpa supports H2, MariaDB/MySQL and PostgreSQL");
    }

    static Database ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw WispCrmException.configuration(
                "Unsupported database " + productName + "; wispcrm-jpa supports H2, MariaDB/MySQL and PostgreSQL");
    }
}
