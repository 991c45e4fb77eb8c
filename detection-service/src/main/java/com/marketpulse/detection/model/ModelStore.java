package com.marketpulse.detection.model;

import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.ForestInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code detection.models}: every trained model, numbered; the newest is the one to use. Each row names the
 * features its forest was grown on, so a model of another feature space (e.g. one stored before the time grid) is
 * never loaded.
 */
@Repository
class ModelStore {

    private static final String FEATURES = String.join(",", ForestInput.NAMES);

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a model and returns it under its new version, {@code v<n>}. */
    DetectorModel save(DetectorModel model, String notes) {
        long version = jdbc.sql("""
                        INSERT INTO detection.models (source, trained_at, training_rows, trees, features, forest, notes)
                        VALUES (:source, :trainedAt, :rows, :trees, :features, :forest, :notes)
                        RETURNING version
                        """)
                .param("source", model.source())
                .param("trainedAt", model.trainedAt().atOffset(ZoneOffset.UTC))
                .param("rows", model.trainingRows())
                .param("trees", model.forest().trees())
                .param("features", FEATURES)
                .param("forest", model.forest().toBytes())
                .param("notes", notes)
                .query(Long.class).single();
        return new DetectorModel(versionName(version), model.forest(), model.source(), model.trainedAt(),
                model.trainingRows());
    }

    /** The number of the newest model whose features match ours. */
    OptionalLong newestVersion() {
        return jdbc.sql("SELECT version FROM detection.models WHERE features = :features ORDER BY version DESC LIMIT 1")
                .param("features", FEATURES)
                .query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** When the newest model was trained, if any is stored. */
    Optional<Instant> newestTrainedAt() {
        return jdbc.sql("SELECT max(trained_at) AS t FROM detection.models WHERE features = :features")
                .param("features", FEATURES)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("t", OffsetDateTime.class)))
                .single().map(OffsetDateTime::toInstant);
    }

    Optional<DetectorModel> load(long version) {
        return jdbc.sql("SELECT * FROM detection.models WHERE version = :version")
                .param("version", version)
                .query(ModelStore::model).optional();
    }

    static String versionName(long version) {
        return "v" + version;
    }

    private static DetectorModel model(ResultSet rs, int row) throws SQLException {
        return new DetectorModel(versionName(rs.getLong("version")), AnomalyForest.fromBytes(rs.getBytes("forest")),
                rs.getString("source"), rs.getObject("trained_at", OffsetDateTime.class).toInstant(),
                rs.getInt("training_rows"));
    }
}
