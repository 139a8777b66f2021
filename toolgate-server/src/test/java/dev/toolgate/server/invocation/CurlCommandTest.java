package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CurlCommandTest {

    @Test
    void quotesEveryValueForThePosixShell() {
        var request = JsonMapper.builder().build().readTree("""
                {"method": "POST", "url": "https://api.example.com/x?q=a&b=c",
                 "headers": {"Authorization": "***", "X-Note": "it's"},
                 "body": "{\\"name\\":\\"O'Hara $HOME\\"}"}
                """);

        String curl = CurlCommand.of(request);

        assertThat(curl).isEqualTo("""
                curl -sS --max-time 10 -X POST 'https://api.example.com/x?q=a&b=c' \\
                  -H 'Authorization: ***' \\
                  -H 'X-Note: it'\\''s' \\
                  --data-raw '{"name":"O'\\''Hara $HOME"}'
                """);
    }

    @Test
    void omitsTheBodyOfABodylessRequest() {
        var request = JsonMapper.builder()
                .build()
                .readTree(
                        "{\"method\": \"GET\", \"url\": \"https://api.example.com/x\", \"headers\": {}, \"body\": null}");

        assertThat(CurlCommand.of(request)).isEqualTo("curl -sS --max-time 10 -X GET 'https://api.example.com/x'\n");
    }
}
