package com.marketpulse.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice with the real security rules and problem handling (web package, symbol catalog);
 * tokens are supplied by spring-security-test's {@code jwt()}, so no decoder is needed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(properties = "marketpulse.api.token-secret=slice-test-signing-key-0123456789abcdef0123",
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "com\\.marketpulse\\.api\\.(security\\.SecurityConfig|web\\..*|market\\.SymbolCatalog)"))
@MockitoBean(types = JwtDecoder.class)
@Import(SliceConfig.class)
public @interface ApiSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
