package dev.toolgate.core.variables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Picking response_variables out of an endpoint's JSON answer. */
class ResponseVariablesTest {

    private static final String BODY = """
            {"order": {"id": "A-17", "total": 10.50, "paid": false, "count": 3, "big": 12345678901234567890,
                       "note": null, "tags": ["new", "vip"], "customer": {"name": "Jane", "a/b": "slash", "m~n": "tilde"}},
             "items": [{"name": "tea", "price": 4}, {"name": "cake", "price": 12.5}, {"name": "jam", "price": 6}]}""";

    private static Map<String, String> spec(String... pairs) {
        Map<String, String> spec = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            spec.put(pairs[i], pairs[i + 1]);
        }
        return spec;
    }

    @Test
    void takesScalarsAsTextAndStructuresAsCompactJson() {
        ResponseVariables.Result result = ResponseVariables.extract(
                spec(
                        "id", "/order/id",
                        "total", "/order/total",
                        "paid", "/order/paid",
                        "count", "/order/count",
                        "big", "/order/big",
                        "tags", "/order/tags",
                        "customer", "$.order.customer",
                        "first", "/items/0/name",
                        "slash", "/order/customer/a~1b",
                        "tilde", "/order/customer/m~0n"),
                BODY);

        assertThat(result.values())
                .containsExactly(
                        Map.entry("id", "A-17"),
                        Map.entry("total", "10.50"),
                        Map.entry("paid", "false"),
                        Map.entry("count", "3"),
                        Map.entry("big", "12345678901234567890"),
                        Map.entry("tags", "[\"new\",\"vip\"]"),
                        Map.entry("customer", "{\"name\":\"Jane\",\"a/b\":\"slash\",\"m~n\":\"tilde\"}"),
                        Map.entry("first", "tea"),
                        Map.entry("slash", "slash"),
                        Map.entry("tilde", "tilde"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void evaluatesJsonPathFiltersAndWildcards() {
        ResponseVariables.Result result = ResponseVariables.extract(
                spec(
                        "cheap", "$.items[?(@.price < 10)].name",
                        "names", "$.items[*].name",
                        "last", "$.items[-1:]",
                        "second_price", "$['items'][1]['price']",
                        "deep", "$..customer.name"),
                BODY);

        assertThat(result.values())
                .containsEntry("cheap", "[\"tea\",\"jam\"]")
                .containsEntry("names", "[\"tea\",\"cake\",\"jam\"]")
                .containsEntry("last", "[{\"name\":\"jam\",\"price\":6}]")
                .containsEntry("second_price", "12.5")
                .containsEntry("deep", "[\"Jane\"]");
    }

    @Test
    void takesTheWholeAnswerWithTheEmptyPointer() {
        assertThat(ResponseVariables.extract(spec("all", ""), "{\"a\": 1}").values())
                .containsEntry("all", "{\"a\":1}");
    }

    @Test
    void setsNothingForMissingNullOrEmptyMatches() {
        ResponseVariables.Result result = ResponseVariables.extract(
                spec(
                        "missing", "/order/nope",
                        "note", "/order/note",
                        "path_missing", "$.order.nope",
                        "none", "$.items[?(@.price > 100)].name",
                        "index", "/items/7"),
                BODY);

        assertThat(result.values()).isEmpty();
        assertThat(result.problems())
                .containsEntry("missing", "not found in the answer")
                .containsEntry("note", "is null in the answer")
                .containsEntry("path_missing", "not found in the answer")
                .containsEntry("none", "not found in the answer")
                .containsEntry("index", "not found in the answer");
    }

    @Test
    void setsNothingWhenTheAnswerIsNotJson() {
        for (String body : new String[] {"<html>oops</html>", "", null, "{\"a\": 1", "{\"a\": 1} trailing"}) {
            ResponseVariables.Result result = ResponseVariables.extract(spec("a", "/a", "b", "$.b"), body);

            assertThat(result.values()).as(String.valueOf(body)).isEmpty();
            assertThat(result.problems()).as(String.valueOf(body)).containsEntry("a", "the answer is not JSON");
        }
    }

    @Test
    void refusesValuesLongerThanAThousandCharacters() {
        String body = "{\"long\": \"" + "x".repeat(1001) + "\", \"ok\": \"" + "y".repeat(1000) + "\"}";

        ResponseVariables.Result result = ResponseVariables.extract(spec("long", "/long", "ok", "$.ok"), body);

        assertThat(result.values()).containsOnlyKeys("ok");
        assertThat(result.problems()).containsEntry("long", "the value is longer than 1000 characters");
    }

    @Test
    void extractsNothingForAnEmptySpec() {
        assertThat(ResponseVariables.extract(Map.of(), "not json").problems()).isEmpty();
    }
}
