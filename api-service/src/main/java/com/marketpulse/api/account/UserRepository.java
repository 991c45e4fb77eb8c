package com.marketpulse.api.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.security.AccountTokenState;

/** {@code api.users}. User names are stored lower-case. */
@Repository
class UserRepository implements AccountTokenState {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM api.users WHERE username = :username")
                .param("username", username)
                .query(UserRepository::row)
                .optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM api.users WHERE id = :id").param("id", id).query(UserRepository::row).optional();
    }

    /** @return the new account, or empty when the name is taken */
    Optional<UserAccount> create(String username, String passwordHash, boolean demo) {
        try {
            return Optional.of(jdbc.sql("INSERT INTO api.users (username, password_hash, demo) "
                            + "VALUES (:username, :hash, :demo) RETURNING *")
                    .param("username", username)
                    .param("hash", passwordHash)
                    .param("demo", demo)
                    .query(UserRepository::row)
                    .single());
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    /** Stores the new hash and bumps the security version, so every older token stops working. */
    UserAccount changePassword(long id, String passwordHash) {
        return jdbc.sql("UPDATE api.users SET password_hash = :hash, security_version = security_version + 1, "
                        + "password_changed_at = now() WHERE id = :id RETURNING *")
                .param("id", id)
                .param("hash", passwordHash)
                .query(UserRepository::row)
                .single();
    }

    /** Replaces the hash by a stronger one of the same password: tokens stay valid, as the password did not change. */
    void rehash(long id, String passwordHash) {
        jdbc.sql("UPDATE api.users SET password_hash = :hash WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    int deleteDemoAccounts() {
        return jdbc.sql("DELETE FROM api.users WHERE demo").update();
    }

    @Override
    public OptionalInt securityVersion(long userId) {
        return jdbc.sql("SELECT security_version FROM api.users WHERE id = :id")
                .param("id", userId)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    private static UserAccount row(ResultSet rs, int rowNum) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getInt("security_version"), rs.getBoolean("demo"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
