package com.marketpulse.detection.archive;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Parquet file of ticks being written under its temporary name, through Parquet's {@link LocalOutputFile}
 * and a plain (Hadoop-free) configuration: no Hadoop FileSystem, so no UserGroupInformation and no native
 * Hadoop code is involved, which keeps it working on Java 25. Snappy-compressed.
 */
final class TickFile {

    private static final Logger log = LoggerFactory.getLogger(TickFile.class);

    final Path temporary;
    private final ParquetWriter<ArchivedTick> writer;
    private boolean closed;

    TickFile(Path temporary) throws IOException {
        this.temporary = temporary;
        this.writer = new Builder(new LocalOutputFile(temporary))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    void write(ArchivedTick row) throws IOException {
        writer.write(row);
    }

    void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing an abandoned archive file {} failed: {}", temporary, e.getMessage());
        }
    }

    private static final class Builder extends ParquetWriter.Builder<ArchivedTick, Builder> {

        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ArchivedTick> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new TickSchema.RowWriteSupport();
        }

        @Override
        protected WriteSupport<ArchivedTick> getWriteSupport(ParquetConfiguration conf) {
            return new TickSchema.RowWriteSupport();
        }
    }
}
