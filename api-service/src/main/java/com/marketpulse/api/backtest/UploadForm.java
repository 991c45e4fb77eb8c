package com.marketpulse.api.backtest;

import io.swagger.v3.oas.annotations.media.Schema;

/** The multipart form of an upload, for the docs. */
@Schema(name = "BacktestUpload", description = "A file to replay and optional detector settings")
record UploadForm(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED, description = "trades CSV (timestamp,symbol,price,size"
                + "[,label]), trades Parquet, or 1-minute candles (Binance klines or a bars CSV), gzipped or not")
        String file,
        @Schema(nullable = true, description = "the pair of a file whose rows name none (Binance klines)",
                example = "DOT/USD") String symbol,
        @Schema(nullable = true, allowableValues = {"trades-csv", "trades-parquet", "candles"},
                description = "default: told by the file's name and first line") String format,
        @Schema(nullable = true, example = "DOT Nov 2024, moves >= 5 %") String name,
        @Schema(nullable = true, example = "5") Double moveSigmas,
        @Schema(nullable = true) Double volumeMultiple,
        @Schema(nullable = true) Double volatilityMultiple,
        @Schema(nullable = true, example = "10m") String cooldown,
        @Schema(nullable = true, example = "0.05") Double minMove1m,
        @Schema(nullable = true, example = "0.05") Double minMove5m,
        @Schema(nullable = true, example = "0.05") Double minMove15m,
        @Schema(nullable = true) Double minNotional5m,
        @Schema(nullable = true) Double minVolatility10m) {
}
