package com.marketpulse.dashboard;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test's candle file: 300 minutes of DOTUSDT from ../shared/data/klines/ around its largest move of November 2024. */
public final class BacktestFiles {

    public static final String DOT_SLICE = "backtest/DOTUSDT-1m-2024-11-slice.csv.gz";

    private BacktestFiles() {
    }

    public static InputStream dotSlice() {
        return BacktestFiles.class.getClassLoader().getResourceAsStream(DOT_SLICE);
    }

    /** The slice as a file, for a browser to upload. */
    public static Path dotSliceFile(Path directory) throws java.io.IOException {
        Path file = directory.resolve("DOTUSDT-1m-2024-11-slice.csv.gz");
        try (InputStream in = dotSlice()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
