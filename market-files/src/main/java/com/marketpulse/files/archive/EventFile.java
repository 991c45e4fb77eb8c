package com.marketpulse.files.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Parquet file of archived events being written under its temporary name, through Parquet's
 * {@link LocalOutputFile} and a plain (Hadoop-free) configuration: no Hadoop FileSystem, so no UserGroupInformation
 * and no native Hadoop code is involved, which keeps it working on Java 25. Snappy-compressed.
 */
public final class EventFile<E> {

    private static final Logger log = LoggerFactory.getLogger(EventFile.class);

    public final Path temporary;
    private final ParquetWriter<Archived<E>> writer;
    private boolean closed;

    public EventFile(Path temporary, EventSchema<E> schema) throws IOException {
        this.temporary = temporary;
        this.writer = new Builder<>(new LocalOutputFile(temporary), schema)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    public void write(Archived<E> row) throws IOException {
        writer.write(row);
    }

    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    public void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing an abandoned archive file {} failed: {}", temporary, e.getMessage());
        }
    }

    private static final class Builder<E> extends ParquetWriter.Builder<Archived<E>, Builder<E>> {

        private final EventSchema<E> schema;

        public Builder(OutputFile file, EventSchema<E> schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder<E> self() {
            return this;
        }

        @Override
        protected WriteSupport<Archived<E>> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport<>(schema);
        }

        @Override
        protected WriteSupport<Archived<E>> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport<>(schema);
        }
    }

    /** Writes rows field by field through the kind's schema, without an intermediate object model. */
    private static final class RowWriteSupport<E> extends WriteSupport<Archived<E>> {

        private final EventSchema<E> schema;
        private RecordConsumer out;
        private EventSchema.Row row;

        public RowWriteSupport(EventSchema<E> schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return context();
        }

        private WriteContext context() {
            return new WriteContext(schema.schema(), Map.of("marketpulse.schema", schema.version()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
            this.row = new EventSchema.Row(recordConsumer, schema.schema());
        }

        @Override
        public void write(Archived<E> archived) {
            out.startMessage();
            schema.write(archived.event(), row);
            row.number("kafka_partition", archived.partition()).number("kafka_offset", archived.offset());
            out.endMessage();
        }
    }
}
