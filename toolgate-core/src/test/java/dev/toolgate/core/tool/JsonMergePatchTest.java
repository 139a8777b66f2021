package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The examples of RFC 7396, Appendix A. */
class JsonMergePatchTest {

    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'a':'b'}                 | {'a':'c'}              | {'a':'c'}",
                "{'a':'b'}                 | {'b':'c'}              | {'a':'b','b':'c'}",
                "{'a':'b'}                 | {'a':null}             | {}",
                "{'a':'b','b':'c'}         | {'a':null}             | {'b':'c'}",
                "{'a':['b']}               | {'a':'c'}              | {'a':'c'}",
                "{'a':'c'}                 | {'a':['b']}            | {'a':['b']}",
                "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
                "{'a':[{'b':'c'}]}         | {'a':[1]}              | {'a':[1]}",
                "['a','b']                 | ['c','d']              | ['c','d']",
                "{'a':'b'}                 | ['c']                  | ['c']",
                "{'e':null}                | {'a':1}                | {'e':null,'a':1}",
                "[1,2]                     | {'a':'b','c':null}     | {'a':'b'}",
                "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
            })
    @ParameterizedTest
    void appliesRfc7396Examples(String target, String patch, String expected) {
        JsonNode targetNode = node(target);
        JsonNode before = targetNode.deepCopy();

        JsonNode result = JsonMergePatch.apply(targetNode, node(patch));

        assertThat(result).isEqualTo(node(expected));
        assertThat(targetNode).isEqualTo(before);
    }
}
