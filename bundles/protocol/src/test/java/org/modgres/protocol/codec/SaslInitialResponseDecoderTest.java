package org.modgres.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.frontend.PasswordMessage;
import org.modgres.protocol.frontend.SaslInitialResponse;

class SaslInitialResponseDecoderTest {

    private static PasswordMessage asReceived(SaslInitialResponse response) throws IOException {
        byte[] bytes = FrontendEncoder.encode(response);
        return (PasswordMessage) new MessageReader(new ByteArrayInputStream(bytes)).read();
    }

    @Test
    void reads_mechanism_and_initial_response_from_a_password_message() throws IOException {
        SaslInitialResponse sent = new SaslInitialResponse("SCRAM-SHA-256",
                "n,,n=,r=rOprNGfwEbeRWgbNEkqO".getBytes(StandardCharsets.UTF_8));
        assertEquals(sent, SaslInitialResponseDecoder.decode(asReceived(sent)));
    }

    @Test
    void reads_an_absent_initial_response_as_null() throws IOException {
        SaslInitialResponse sent = new SaslInitialResponse("SCRAM-SHA-256", null);
        assertEquals(sent, SaslInitialResponseDecoder.decode(asReceived(sent)));
    }

    @Test
    void rejects_a_length_longer_than_the_data() throws IOException {
        PasswordMessage whole = asReceived(new SaslInitialResponse("SCRAM-SHA-256", new byte[10]));
        PasswordMessage cut = new PasswordMessage(Arrays.copyOf(whole.data(), whole.data().length - 1));
        PgProtocolException e = assertThrows(PgProtocolException.class, () -> SaslInitialResponseDecoder.decode(cut));
        assertEquals("insufficient data left in message", e.getMessage());
    }

    @Test
    void password_is_the_text_before_the_nul() {
        assertEquals("sécret", new PasswordMessage("sécret\0".getBytes(StandardCharsets.UTF_8)).password());
    }
}
