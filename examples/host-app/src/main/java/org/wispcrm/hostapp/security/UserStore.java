package org.wispcrm.hostapp.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wispcrm.core.common.Violations;
import org.wispcrm.core.common.WispCrmException;

/** The app's login users in its own table ({@code hostapp_users}, migrated by its own Flyway history). */
public class UserStore implements UserDetailsService {
    /** The shortest password accepted for a new user. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    /** Migrates the table and opens the store. */
    public UserStore(DataSource dataSource, PasswordEncoder encoder, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/hostapp")
                .table("hostapp_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A user as listed (never with the hash). */
    public record AppUser(String username, Role role, boolean enabled) {}

    /**
     * Adds a user with a bcrypt hash of the password.
     *
     * @throws WispCrmException INVALID_INPUT for a bad name or short password, DUPLICATE for a taken name
     */
    public AppUser create(String username, String password, Role role) {
        var v = new Violations();
        v.require(
                username != null && username.strip().matches("[A-Za-z0-9._@-]{3,100}"),
                "username",
                username,
                "must be 3 to 100 letters, digits or . _ @ -");
        v.require(
                password != null && password.length() >= MIN_PASSWORD_LENGTH,
                "password",
                null,
                "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        v.require(role != null, "role", null, "is required");
        v.throwIfAny();
        String name = username.strip().toLowerCase(Locale.ROOT);
        try {
            jdbc.update(
                    "INSERT INTO hostapp_users (username, password_hash, role, enabled, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    name,
                    encoder.encode(password),
                    role.name(),
                    true,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw WispCrmException.duplicate("user", "username", name);
        }
        return new AppUser(name, role, true);
    }

    /** How many users there are. */
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM hostapp_users", Long.class);
        return n == null ? 0 : n;
    }

    /** Every user, by name. */
    public List<AppUser> list() {
        return jdbc.query(
                "SELECT username, role, enabled FROM hostapp_users ORDER BY username",
                (rs, i) -> new AppUser(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)));
    }

    /** One user. */
    public Optional<AppUser> find(String username) {
        return list().stream()
                .filter(u -> u.username().equals(username.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "SELECT username, password_hash, role, enabled FROM hostapp_users WHERE username = ?",
                (rs, i) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3)))
                        .disabled(!rs.getBoolean(4))
                        .build(),
                username.strip().toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("unknown user");
        }
        return found.get(0);
    }
}
