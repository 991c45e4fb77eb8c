package com.marketpulse.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCheckTest {

    @TempDir
    Path dir;

    @Test
    void tellsTradesCandlesAndParquetByNameAndFirstLine() throws IOException {
        assertThat(check("t.csv", "timestamp,symbol,price,size,label\n2024-11-01T00:00:00Z,BTC/USD,97000.5,0.1,\n",
                null).format()).isEqualTo("trades-csv");
        assertThat(check("t.csv", "1730419200000,BTC/USD,97000.5,0.1\n", null).format()).isEqualTo("trades-csv");
        assertThat(check("b.csv", "timestamp,symbol,open,high,low,close,volume\n"
                + "2024-11-01T00:00:00Z,DOT/USD,5.1,5.2,5.0,5.15,1\n", null))
                .isEqualTo(new UploadCheck.Checked("candles", null, "a bars CSV"));
        assertThat(check("k.csv", "open_time,open,high,low,close,volume,close_time,quote_volume,count,tb,tq,ignore\n"
                + "1730419200000,5.1,5.2,5.0,5.15,1200.5,1730419259999,6180.2,42,600.1,3090.0,0\n", "dot-usd"))
                .isEqualTo(new UploadCheck.Checked("candles", "DOT/USD", "Binance klines as DOT/USD"));
        Path parquet = dir.resolve("x.parquet");
        Files.write(parquet, "PAR1 some columns PAR1".getBytes(StandardCharsets.US_ASCII));
        assertThat(UploadCheck.check(parquet, "x.parquet", null, null).format()).isEqualTo("trades-parquet");
    }

    @Test
    void aFileWhoseFirstRowsAreAllBadSaysWhichRowAndWhy() throws IOException {
        String rows = "timestamp,symbol,price,size\n" + "2024-11-01T00:00:00Z,BTC/USD,abc,1\n".repeat(5);
        assertThatThrownBy(() -> check("t.csv", rows, null))
                .isInstanceOf(UploadCheck.Refused.class)
                .hasMessageContaining("no readable row (row 2: price is not a number: 'abc')");
        String oneGood = rows + "2024-11-01T00:00:05Z,BTC/USD,97000,1\n";
        assertThat(check("t.csv", oneGood, null).format()).isEqualTo("trades-csv");
    }

    @Test
    void aFirstLineThatIsNeitherIsAnUnknownFormat() {
        assertThatThrownBy(() -> check("x.csv", "1,2,3,4,5,6,7,8\n", null))
                .isInstanceOf(UploadCheck.Refused.class).hasMessageStartingWith("Unknown format");
        assertThatThrownBy(() -> check("x.csv", "name,age\nbob,3\n", null))
                .isInstanceOf(UploadCheck.Refused.class).hasMessageStartingWith("Unknown format");
    }

    private UploadCheck.Checked check(String name, String content, String symbol) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return UploadCheck.check(file, name, null, symbol);
    }
}
