package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SecretValuesTest {

    private static final String SECRET = "s3cr\"et /+&<ü> 'x'";

    @Test
    void masksTheValueAndEveryFormAnEchoShowsIt() {
        SecretValues secrets = SecretValues.of(List.of(SECRET));
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String onTheWire = HttpUrl.get("https://h.example/")
                .newBuilder()
                .addQueryParameter("k", SECRET)
                .build()
                .encodedQuery()
                .substring(2);
        String json = JsonMapper.builder().build().writeValueAsString(SECRET);
        List<String> echoes = List.of(
                SECRET,
                form,
                form.replace("+", "%20"),
                form.toLowerCase(Locale.ROOT),
                onTheWire,
                json.substring(1, json.length() - 1),
                json.substring(1, json.length() - 1).replace("/", "\\/"),
                json.substring(1, json.length() - 1).replace("ü", "\\u00FC"),
                json.substring(1, json.length() - 1).replace("ü", "\\u00fc"),
                "s3cr&quot;et /+&amp;&lt;ü&gt; &#39;x&#39;");

        for (String echo : echoes) {
            assertThat(secrets.mask("before " + echo + " after")).as(echo).isEqualTo("before *** after");
        }
        assertThat(form).as("the forms differ from the value").isNotEqualTo(SECRET);
    }

    @Test
    void aTextThatShowsNoValueComesBackAsIsAndAValueWithoutLettersOrDigitsIsStillFound() {
        SecretValues secrets = SecretValues.of(List.of(
                SECRET,
                "%%&&!!",
                "Basic " + Base64.getEncoder().encodeToString("ada:pa55word".getBytes(StandardCharsets.UTF_8))));
        String answer = "{\"order\":\"A-1042\",\"status\":\"shipped\"}";

        assertThat(secrets.mask(answer)).isSameAs(answer);
        assertThat(secrets.mask("x=%25%25%26%26%21%21 y=%%&&!!")).isEqualTo("x=*** y=***");
        assertThat(secrets.mask("password=pa55word")).isEqualTo("password=***");
        // a value holding an escape of its own: the lower-case form of that escape changes its letters
        SecretValues escaped = SecretValues.of(List.of("k\\u00ABCDEF%2Fxyz"));
        assertThat(escaped.mask("echo k\\\\u00abCDEF%2Fxyz")).isEqualTo("echo ***");
    }

    @Test
    void masksPercentEncodingWithLowerCaseHexDigits() {
        SecretValues secrets = SecretValues.of(List.of("a/b c=d"));

        assertThat(secrets.mask("q=a%2fb%20c%3dd&r=a%2Fb+c%3Dd")).isEqualTo("q=***&r=***");
    }

    @Test
    void masksTheDecodedCredentialsOfABasicAuthValue() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("ada:pa55word".getBytes(StandardCharsets.UTF_8));
        SecretValues secrets = SecretValues.of(List.of(basic));

        assertThat(secrets.mask("got " + basic + "; user ada:pa55word; password pa55word"))
                .isEqualTo("got ***; user ***; password ***");
    }

    @Test
    void leavesNoPartOfOverlappingOrAdjacentValuesVisible() {
        SecretValues secrets = SecretValues.of(List.of("abcdef", "xxab", "Bearer abcdef"));

        assertThat(secrets.mask("[xxabcdef]")).isEqualTo("[***]");
        assertThat(secrets.mask("Bearer abcdefabcdef and xxab")).isEqualTo("*** and ***");
    }

    @Test
    void masksShortValuesOnlyWhereTheyStandAlone() {
        SecretValues secrets = SecretValues.of(List.of("ab7"));

        assertThat(secrets.mask("key=ab7&tab7=1 \"ab7\" lab7s ab7")).isEqualTo("key=***&tab7=1 \"***\" lab7s ***");
        assertThat(SecretValues.of(List.of("abcd")).mask("xabcdx")).isEqualTo("x***x");
    }

    @Test
    void aTextCutAtTheCapLosesATrailingStartOfAValue() {
        SecretValues secrets = SecretValues.of(List.of("tok-1234567890"));

        assertThat(secrets.maskCut("token is tok-12345")).isEqualTo("token is ***");
        assertThat(secrets.maskCut("it is tok")).as("fewer than 4 characters").isEqualTo("it is tok");
        assertThat(secrets.mask("token is tok-12345")).as("an uncut text").isEqualTo("token is tok-12345");
    }

    @Test
    void ignoresBlankValuesAndNeverShowsAValue() {
        SecretValues secrets = SecretValues.of(Arrays.asList("hunter22", null, " ", ""));

        assertThat(secrets.mask("a b  c")).isEqualTo("a b  c");
        assertThat(secrets.mask(null)).isNull();
        assertThat(secrets.toString()).isEqualTo("SecretValues[1 values]");
        assertThat(SecretValues.NONE.mask("hunter22")).isEqualTo("hunter22");
        assertThat(SecretValues.NONE.isEmpty()).isTrue();
        assertThat(secrets.plus(List.of("other-1")).mask("hunter22 other-1")).isEqualTo("*** ***");
    }
}
