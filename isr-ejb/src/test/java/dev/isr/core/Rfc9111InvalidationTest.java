package dev.isr.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9111 section 4.4: what an unsafe request invalidates. */
class Rfc9111InvalidationTest {

    private static final RequestTarget TARGET = new RequestTarget("https://www.example.com", "/books/1", null);

    @ParameterizedTest(name = "[{index}] {0} {1} Location={2} Content-Location={3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            POST     | 200 | -                                  | -                  | /books/1
            PUT      | 204 | -                                  | -                  | /books/1
            DELETE   | 303 | -                                  | -                  | /books/1
            PATCH    | 200 | -                                  | -                  | /books/1
            M-SEARCH | 200 | -                                  | -                  | /books/1
            POST     | 400 | -                                  | -                  | -
            POST     | 500 | /books                             | -                  | -
            POST     | 100 | -                                  | -                  | -
            GET      | 200 | /books                             | -                  | -
            HEAD     | 200 | -                                  | -                  | -
            OPTIONS  | 200 | -                                  | -                  | -
            TRACE    | 200 | -                                  | -                  | -
            POST     | 201 | /books/2                           | -                  | /books/1 /books/2
            POST     | 201 | 2                                  | -                  | /books/1 /books/2
            POST     | 201 | https://www.example.com/books/3    | /books/1/v2        | /books/1 /books/3 /books/1/v2
            POST     | 201 | https://www.example.com:443/b/./c  | -                  | /books/1 /b/c
            POST     | 201 | https://other.example.com/books/3  | -                  | /books/1
            POST     | 201 | http://www.example.com/books/3     | -                  | /books/1
            POST     | 201 | /books/1                           | /books/1           | /books/1
            POST     | 201 | ht tp://bad                        | :::                | /books/1
            """)
    void invalidatesTheTargetAndSameOriginLocations(
            String method, int status, String location, String contentLocation, String expected) {
        Map<String, String> fields = new java.util.HashMap<>();
        if (location != null) {
            fields.put("Location", location);
        }
        if (contentLocation != null) {
            fields.put("Content-Location", contentLocation);
        }
        HeaderLookup response = name -> fields.containsKey(name) ? List.of(fields.get(name)) : List.of();
        List<String> paths = Invalidation.paths(method, status, TARGET, response);
        assertEquals(expected == null ? List.of() : Arrays.asList(expected.split(" ")), paths);
    }
}
