package io.sensoretl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The identifier and text rules, and their String and UTF-8 byte forms, which must agree for a byte-level scanner. */
class CharacterRulesTest {

    @Test
    void identifiersRefuseControlFormatAndSeparatorCharacters() {
        int[] refused = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xAD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E,
            0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF, 0xE0001, 0xD800, 0xDFFF};
        for (int cp : refused) {
            assertThat(CharacterRules.allowedInIdentifier(cp)).as("U+%04X", cp).isFalse();
        }
        int[] allowed = {' ', 'a', '~', 0xA0, 0xE9, 0x4E2D, 0x1F600, 0x05D0, 0x0627};
        for (int cp : allowed) {
            assertThat(CharacterRules.allowedInIdentifier(cp)).as("U+%04X", cp).isTrue();
        }
    }

    @Test
    void textKeepsLineBreaksTabsAndJoinersButNotOtherControlsOrBidiOverrides() {
        for (int cp : new int[] {0x09, 0x0A, 0x0D, 0x200D, 0x200C, 0x200F, 0x2028, 0xAD, 'x', 0x1F600}) {
            assertThat(CharacterRules.allowedInText(cp)).as("U+%04X", cp).isTrue();
        }
        for (int cp : new int[] {0x00, 0x07, 0x1B, 0x7F, 0x85, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
            0x2068, 0x2069, 0xD800}) {
            assertThat(CharacterRules.allowedInText(cp)).as("U+%04X", cp).isFalse();
        }
    }

    @Test
    void theStringAndByteFormsAgreeOnEveryCodePoint() {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue; // not encodable in UTF-8; the String form sees them as unpaired surrogates
            }
            String s = "ab" + new String(Character.toChars(cp)) + "c";
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int expected = CharacterRules.allowedInIdentifier(cp) ? -1 : 2;
            if (CharacterRules.firstNotAllowedInIdentifier(s) != expected || CharacterRules.firstNotAllowedInIdentifier(b, 0, b.length) != expected) {
                throw new AssertionError(String.format("identifier rule disagrees on U+%04X", cp));
            }
            int expectedText = CharacterRules.allowedInText(cp) ? -1 : 2;
            if (CharacterRules.firstNotAllowedInText(s) != expectedText || CharacterRules.firstNotAllowedInText(b, 0, b.length) != expectedText) {
                throw new AssertionError(String.format("text rule disagrees on U+%04X", cp));
            }
        }
    }

    @Test
    void anUnpairedSurrogateIsFoundButAPairIsOneCharacter() {
        assertThat(CharacterRules.firstNotAllowedInIdentifier("s-\uD83D\uDE00")).isEqualTo(-1);
        assertThat(CharacterRules.firstNotAllowedInIdentifier("s-\uD83Dx")).isEqualTo(2);
        assertThat(CharacterRules.firstNotAllowedInIdentifier("s-\uDE00")).isEqualTo(2);
        assertThat(CharacterRules.firstNotAllowedInText("\uD800")).isZero();
        assertThat(CharacterRules.describe("a\u202Eb", 1)).isEqualTo("U+202E (RIGHT-TO-LEFT OVERRIDE)");
    }
}
