package com.rostra.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** Which database we run on, for the few statements (upserts) whose syntax differs between PostgreSQL and H2. */
@Component
public class DatabaseDialect {

    private final boolean postgres;

    DatabaseDialect(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
