package dev.toolgate.core.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DescriptorFormatTest {

    @Test
    void findsEachFormatByItsWireName() {
        assertThat(DescriptorFormat.fromWireName("openai")).isEqualTo(DescriptorFormat.OPENAI);
        assertThat(DescriptorFormat.fromWireName("anthropic")).isEqualTo(DescriptorFormat.ANTHROPIC);
        assertThat(DescriptorFormat.fromWireName("gemini")).isEqualTo(DescriptorFormat.GEMINI);
    }

    @Test
    void ignoresCaseAndSurroundingSpace() {
        assertThat(DescriptorFormat.fromWireName(" OpenAI ")).isEqualTo(DescriptorFormat.OPENAI);
    }

    @Test
    void rejectsUnknownNameListingTheValidOnes() {
        assertThatThrownBy(() -> DescriptorFormat.fromWireName("mistral"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mistral'")
                .hasMessageContaining("openai, anthropic, gemini");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> DescriptorFormat.fromWireName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai, anthropic, gemini");
    }
}
