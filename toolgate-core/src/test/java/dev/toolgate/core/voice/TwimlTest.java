package dev.toolgate.core.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.SipUri;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** TwiML of each action, parsed back with a DOM parser; hostile text stays text. */
class TwimlTest {

    private static final Destination PHONE = new Destination.Phone("+4930999888");
    private static final Destination SIP =
            new Destination.Sip(SipUri.parse("sip:desk@pbx.example.com").valueOrNull());
    private static final TwimlOptions URLS = new TwimlOptions(
            "https://runtime.example.com/resume?call=1&x=2", "https://runtime.example.com/whisper", null, "de-DE");

    private static Element response(TwimlResult result) throws Exception {
        assertThat(result).isInstanceOf(TwimlResult.Rendered.class);
        String xml = ((TwimlResult.Rendered) result).xml();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("Response");
        return root;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static String unsupported(TwimlResult result) {
        assertThat(result).isInstanceOf(TwimlResult.Unsupported.class);
        return ((TwimlResult.Unsupported) result).reason();
    }

    @Test
    void dialsANumberWithTheExtensionAsSendDigits() throws Exception {
        Element response = response(Twiml.render(
                new CallAction.Transfer(TransferMode.COLD, PHONE, "12W3#", false, null, null), TwimlOptions.NONE));

        Element dial = children(response).get(0);
        assertThat(children(response)).hasSize(1);
        assertThat(dial.getTagName()).isEqualTo("Dial");
        Element number = children(dial).get(0);
        assertThat(number.getTagName()).isEqualTo("Number");
        assertThat(number.getTextContent()).isEqualTo("+4930999888");
        assertThat(number.getAttribute("sendDigits")).isEqualTo("ww12ww3#");
        assertThat(number.hasAttribute("url")).isFalse();
    }

    @Test
    void keepsALeadingPauseOfTheExtension() throws Exception {
        Element number = children(children(response(Twiml.render(
                                new CallAction.Transfer(TransferMode.COLD, PHONE, "w5", false, null, null),
                                TwimlOptions.NONE)))
                        .get(0))
                .get(0);

        assertThat(number.getAttribute("sendDigits")).isEqualTo("w5");
    }

    @Test
    void dialsASipUri() throws Exception {
        Element dial = children(response(Twiml.render(
                        new CallAction.Transfer(TransferMode.COLD, SIP, null, true, null, null), TwimlOptions.NONE)))
                .get(0);

        Element sip = children(dial).get(0);
        assertThat(sip.getTagName()).isEqualTo("Sip");
        assertThat(sip.getTextContent()).isEqualTo("sip:desk@pbx.example.com");
    }

    @Test
    void whispersAWarmTransferThroughTheWhisperUrl() throws Exception {
        CallAction.Transfer warm =
                new CallAction.Transfer(TransferMode.WARM, PHONE, null, false, "Hotline caller.", "Jane, invoice 17.");

        Element number =
                children(children(response(Twiml.render(warm, URLS))).get(0)).get(0);
        Element whisper = response(new TwimlResult.Rendered(Twiml.whisper(warm, URLS)));

        assertThat(number.getAttribute("url")).isEqualTo("https://runtime.example.com/whisper");
        assertThat(children(whisper))
                .extracting(Element::getTextContent)
                .containsExactly("Hotline caller.", "Jane, invoice 17.");
        assertThat(children(whisper))
                .allSatisfy(say -> assertThat(say.getAttribute("language")).isEqualTo("de-DE"));
        assertThat(unsupported(Twiml.render(warm, TwimlOptions.NONE))).contains("needs a whisperUrl");
    }

    @Test
    void letsTheAiTakeAMonitoredTransferBack() throws Exception {
        Element dial = children(response(Twiml.render(new CallAction.MonitoredTransfer(SIP, null, 20), URLS)))
                .get(0);

        assertThat(dial.getAttribute("timeout")).isEqualTo("20");
        assertThat(dial.getAttribute("action")).isEqualTo("https://runtime.example.com/resume?call=1&x=2");
        assertThat(children(dial).get(0).getTextContent()).isEqualTo("sip:desk@pbx.example.com");
        assertThat(response(Twiml.render(new CallAction.MonitoredTransfer(PHONE, null, 1), URLS))
                        .getElementsByTagName("Dial")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("timeout")
                        .getNodeValue())
                .isEqualTo("5");
        assertThat(unsupported(Twiml.render(new CallAction.MonitoredTransfer(SIP, null, 20), TwimlOptions.NONE)))
                .contains("needs a resumeUrl");
    }

    @Test
    void saysGoodbyeThenHangsUp() throws Exception {
        Element response = response(Twiml.render(new CallAction.EndCall("Auf Wiederhören!"), URLS));

        assertThat(children(response)).extracting(Element::getTagName).containsExactly("Say", "Hangup");
        assertThat(children(response).get(0).getTextContent()).isEqualTo("Auf Wiederhören!");
        assertThat(children(response(Twiml.render(new CallAction.EndCall(null), TwimlOptions.NONE))))
                .extracting(Element::getTagName)
                .containsExactly("Hangup");
    }

    @Test
    void keepsHostileTextAsText() throws Exception {
        String hostile = "Bye</Say><Dial><Number>+19005550123</Number></Dial><Say>&amp; \"quoted\" 'x' <!-- -->"
                + "\u0000\u0007\uD800 ]]> done";

        Element response = response(Twiml.render(new CallAction.EndCall(hostile), TwimlOptions.NONE));

        assertThat(children(response)).extracting(Element::getTagName).containsExactly("Say", "Hangup");
        assertThat(response.getElementsByTagName("Dial").getLength()).isZero();
        assertThat(children(response).get(0).getTextContent())
                .isEqualTo("Bye</Say><Dial><Number>+19005550123</Number></Dial><Say>&amp; \"quoted\" 'x' <!-- --> ]]>"
                        + " done");
    }

    @Test
    void escapesUrlsInAttributes() throws Exception {
        TwimlOptions options = new TwimlOptions("https://runtime.example.com/r?a='1'&b=2&amp;c", null, null, null);

        Element dial = children(response(Twiml.render(new CallAction.MonitoredTransfer(PHONE, null, 30), options)))
                .get(0);

        assertThat(dial.getAttribute("action")).isEqualTo("https://runtime.example.com/r?a='1'&b=2&amp;c");
    }

    @Test
    void playsDigitsOrTheServedAudioAndResumes() throws Exception {
        Element digits = response(Twiml.render(new CallAction.SendDtmf("1w2W#", 100, 0.8), URLS));
        Element audio = response(Twiml.render(
                new CallAction.SendDtmf("1A", 100, 0.8),
                new TwimlOptions(null, null, "https://runtime.example.com/audio/7.wav", null)));

        assertThat(children(digits)).extracting(Element::getTagName).containsExactly("Play", "Redirect");
        assertThat(children(digits).get(0).getAttribute("digits")).isEqualTo("1w2ww#");
        assertThat(children(digits).get(1).getTextContent()).isEqualTo("https://runtime.example.com/resume?call=1&x=2");
        assertThat(children(audio)).hasSize(1);
        assertThat(children(audio).get(0).getTextContent()).isEqualTo("https://runtime.example.com/audio/7.wav");
        assertThat(children(audio).get(0).hasAttribute("digits")).isFalse();
    }

    @Test
    void saysWhatTwimlCannotExpress() {
        assertThat(unsupported(Twiml.render(new CallAction.SendDtmf("1A", 100, 0.8), TwimlOptions.NONE)))
                .contains("cannot play the keys A-D");
        assertThat(unsupported(Twiml.render(
                        new CallAction.Transfer(TransferMode.COLD, SIP, "12", false, null, null), TwimlOptions.NONE)))
                .contains("<Sip> cannot dial an extension");
        assertThat(unsupported(Twiml.render(
                        new CallAction.Transfer(TransferMode.COLD, PHONE, "1B", false, null, null), TwimlOptions.NONE)))
                .contains("sendDigits cannot dial the keys A-D");
    }

    @Test
    void refusesOptionsThatAreNoUrls() {
        assertThatThrownBy(() -> new TwimlOptions("/relative", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwimlOptions(null, "javascript:alert(1)", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwimlOptions(null, null, null, "de\"DE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwimlOptions("https://runtime.example.com/r?a=\"1\"", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
