package com.rostra.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.NotFoundException;

/** People who sign in to Rostra's pages. Passwords are stored with the delegating (bcrypt) encoder. */
@Service
public class Users {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record User(long id, CompanyId companyId, String email, String name, Role role, Instant createdAt) {}

    record Credentials(User user, String passwordHash) {}

    @Transactional
    public User create(CompanyId company, String email, String name, Role role, String rawPassword) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            long id = Db.insert(jdbc.sql("""
                    insert into users (company_id, email, name, role, password_hash, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(company.value(), normalized, name.strip(), role.wireName(), passwords.encode(rawPassword), Db.ts(now)));
            return new User(id, company, normalized, name.strip(), role, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a user with email " + normalized + " already exists");
        }
    }

    public List<User> list(CompanyId company) {
        return jdbc.sql("select * from users where company_id = ? order by id").param(company.value())
                .query((rs, i) -> mapUser(rs)).list();
    }

    /** The company's user with this email, if any. */
    public Optional<User> findByEmail(CompanyId company, String email) {
        return jdbc.sql("select * from users where company_id = ? and email = ?")
                .params(company.value(), email.strip().toLowerCase(Locale.ROOT))
                .query((rs, i) -> mapUser(rs)).optional();
    }

    /**
     * Every account that signs in with this email, oldest first. An address may belong to users of several companies
     * (a consultant, say): sign-in tells them apart by password.
     */
    List<Credentials> findCredentials(String email) {
        return jdbc.sql("select * from users where email = ? order by id").param(email.strip().toLowerCase(Locale.ROOT))
                .query((rs, i) -> new Credentials(mapUser(rs), rs.getString("password_hash"))).list();
    }

    @Transactional
    public void setPassword(CompanyId company, long userId, String rawPassword) {
        int n = jdbc.sql("update users set password_hash = ? where company_id = ? and id = ?")
                .params(passwords.encode(rawPassword), company.value(), userId).update();
        if (n == 0) {
            throw new NotFoundException("user");
        }
    }

    private static User mapUser(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getLong("id"), new CompanyId(rs.getLong("company_id")), rs.getString("email"),
                rs.getString("name"), Role.fromWire(rs.getString("role")), Db.instant(rs, "created_at"));
    }
}
