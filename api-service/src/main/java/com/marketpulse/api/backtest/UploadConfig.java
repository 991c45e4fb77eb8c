package com.marketpulse.api.backtest;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.marketpulse.api.MarketPulseProperties;

/**
 * Multipart uploads go to disk from the first byte (threshold 0) in the upload directory's incoming folder, up to
 * {@code marketpulse.api.backtests.max-upload-size}; larger ones are refused with 413 while they stream.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfig {

    /** Room for the multipart framing and the small form fields beside the file. */
    static final long FORM_OVERHEAD = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(MarketPulseProperties properties, UploadStore uploads) {
        long max = properties.api().backtests().maxUploadSize().toBytes();
        return new MultipartConfigElement(uploads.incoming().toString(), max, max + FORM_OVERHEAD, 0);
    }
}
